package dev.corescope.sim;

import dev.corescope.exec.BatchExecutor;
import dev.corescope.exec.BatchPlan;
import dev.corescope.exec.RoundsPlan;
import dev.corescope.exec.Strategy;
import dev.corescope.exec.TaskResult;
import dev.corescope.exec.TaskStatus;
import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The coordinator's side of a batch, in simulated time, as {@code BatchRunner} drives real workers: rounds
 * of P tasks submitted one after the other, each round waiting for its slowest task's result; or P
 * workers each taking the next task of a queue as soon as its result is back (and, where the plan fills, an
 * unrecorded filler once the queue is empty, while measured tasks still run). Between the coordinator
 * and a worker a task takes a dispatch latency there and a return latency back (tens of microseconds for
 * a thread, about a tenth of a millisecond for a worker JVM); the coordinator's own CPU is not simulated.
 */
final class BatchSimulation {
    static final double SUBMIT_GAP = 2_000;
    private static final double THREAD_DISPATCH = 20_000;
    private static final double THREAD_RETURN = 10_000;
    private static final double PROCESS_DISPATCH = 100_000;
    private static final double PROCESS_RETURN = 60_000;

    private final Kernel kernel;
    private final double dispatch;
    private final double back;

    BatchSimulation(Kernel kernel, SimulatedPool pool) {
        this.kernel = kernel;
        this.dispatch = pool.processes() ? PROCESS_DISPATCH : THREAD_DISPATCH;
        this.back = pool.processes() ? PROCESS_RETURN : THREAD_RETURN;
    }

    /** The batch's tasks on {@code workers} (the plan's, in order), in the order their results reach the coordinator. */
    List<BatchExecutor.Ran> run(BatchPlan plan, List<SimulatedPool.SimWorker> workers) {
        List<BatchExecutor.Ran> out = new ArrayList<>();
        int n = plan.tasks().size();
        if (n == 0) {
            return out;
        }
        if (plan.strategy() == Strategy.ROUNDS) {
            int next = 0;
            int round = 0;
            for (int size : RoundsPlan.roundSizes(n, plan.level())) {
                double t0 = kernel.now();
                int[] pending = {size};
                for (int w = 0; w < size; w++) {
                    submit(plan, workers.get(w), w, round, plan.tasks().get(next++), t0 + w * SUBMIT_GAP, false, r -> {
                        out.add(r);
                        pending[0]--;
                    });
                }
                kernel.run(Double.POSITIVE_INFINITY, () -> pending[0] == 0);
                kernel.run(kernel.now() + back, () -> false);
                round++;
            }
            return out;
        }
        int pulling = plan.fill() ? plan.level() : Math.min(plan.level(), n);
        // next measured task, measured tasks whose results are back, next filler, fillers still running
        int[] q = {0, 0, 0, 0};
        double t0 = kernel.now();
        for (int w = 0; w < pulling; w++) {
            pull(plan, workers.get(w), w, q, t0 + w * SUBMIT_GAP, out);
        }
        kernel.run(Double.POSITIVE_INFINITY, () -> q[1] == n && q[3] == 0);
        kernel.run(kernel.now() + back, () -> false);
        return out;
    }

    /**
     * The worker's next measured task; when none is left and the plan fills, an unrecorded filler (the plan's
     * tasks again, in turn) while measured tasks still run, as {@code BatchRunner} does on real workers.
     */
    private void pull(BatchPlan plan, SimulatedPool.SimWorker worker, int w, int[] q, double at,
                      List<BatchExecutor.Ran> out) {
        int n = plan.tasks().size();
        if (q[0] < n) {
            submit(plan, worker, w, 0, plan.tasks().get(q[0]++), at, false, r -> {
                out.add(r);
                q[1]++;
                pull(plan, worker, w, q, kernel.now() + back, out);
            });
        } else if (plan.fill() && q[1] < n) {
            q[3]++;
            submit(plan, worker, w, 0, plan.tasks().get(q[2]++ % n), at, true, r -> {
                out.add(r);
                q[3]--;
                pull(plan, worker, w, q, kernel.now() + back, out);
            });
        }
    }

    /** Task {@code task} of the batch, sent to worker {@code w} at {@code submitted}; {@code done} gets its outcome. */
    private void submit(BatchPlan plan, SimulatedPool.SimWorker worker, int w, int round, TaskInput task,
                        double submitted, boolean filler, Consumer<BatchExecutor.Ran> done) {
        double cost = TaskCost.of(plan.workload(), task.size());
        kernel.at(submitted + dispatch, () -> kernel.start(worker.thread, kernel.work(cost), t ->
                done.accept(new BatchExecutor.Ran(w, round, task, worker.info, t.last, Math.round(submitted),
                        Math.round(kernel.now() + back), result(t, plan.workload(), task), filler))));
    }

    /** One task alone, sent now to {@code worker}: its result once back at the coordinator. */
    TaskResult alone(SimulatedPool.SimWorker worker, WorkloadSpec spec, TaskInput task) {
        double cost = TaskCost.of(spec, task.size());
        TaskResult[] got = {null};
        kernel.at(kernel.now() + dispatch, () -> kernel.start(worker.thread, kernel.work(cost),
                t -> got[0] = result(t, spec, task)));
        kernel.run(Double.POSITIVE_INFINITY, () -> got[0] != null);
        kernel.run(kernel.now() + back, () -> false);
        return got[0];
    }

    /** What the worker thread measured: from the first moment it ran the task to now. */
    private TaskResult result(SimThread t, WorkloadSpec spec, TaskInput task) {
        return new TaskResult(TaskStatus.OK, Math.round(t.taskStart), Math.round(kernel.now()), Math.round(t.taskCpu),
                Math.round(t.taskWait), t.taskSwitches, TaskCost.checksum(spec, task.size(), task.seed()), 0, null,
                null);
    }
}
