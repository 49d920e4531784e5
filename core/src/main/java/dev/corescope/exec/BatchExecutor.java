package dev.corescope.exec;

import dev.corescope.api.TaskInput;
import java.util.List;

/**
 * A pool that runs a whole batch itself, as one piece: a simulated machine, which must know every task of
 * a batch before it can say how they overlap (a task submitted later slows the ones running). The
 * {@link BatchRunner} hands it the plan and records what it reports exactly as it records real workers'
 * results. Real pools do not have this capability: the runner submits their tasks one by one.
 */
public interface BatchExecutor {
    /**
     * Runs {@code plan} as the runner would on real workers (its strategy: rounds with a barrier, or a
     * queue the workers pull from, with fillers when the plan asks), on the pool's workers
     * {@code plan.firstWorker()} onwards.
     *
     * @return every task that ran, in the order the coordinator received their results
     */
    List<Ran> execute(BatchPlan plan);

    /**
     * One task of the batch: which worker of the batch ran it (0-based within the plan), in which round, the
     * task, the worker, the CPU it last ran on (-1: unknown), when it was submitted and when its result
     * reached the coordinator (both on the machine's clock), what the worker reported, and whether it was an
     * unrecorded filler ({@link BatchPlan#fill()}: it kept its worker busy while measured tasks still ran).
     */
    record Ran(int workerIndex, int round, TaskInput task, WorkerInfo worker, int cpu, long submittedNanos,
               long arrivedNanos, TaskResult result, boolean filler) {
    }
}
