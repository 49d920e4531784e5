package dev.corescope.experiment;

import dev.corescope.analysis.BlockedSamples;
import dev.corescope.analysis.DistributionComparison;
import dev.corescope.analysis.Equivalence;
import dev.corescope.exec.BatchPlan;
import dev.corescope.exec.BatchRunner;
import dev.corescope.exec.Machine;
import dev.corescope.exec.RunClock;
import dev.corescope.exec.Strategy;
import dev.corescope.exec.WorkerPool;
import dev.corescope.store.Json;
import dev.corescope.workload.EmptyWorkload;
import dev.corescope.workload.WorkloadSpec;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the coordinator quiet while tasks are timed. The coordinator's own per-task work (building a
 * record, its JSON line) and the in-run comparison get hot only once tasks run; the JIT then compiles
 * them in background threads, which on two CPUs take a worker's CPU (measured: 1.8 s of compiler CPU
 * in a 6 s assessment, up to half a CPU at times). So before the first measured task this exercises
 * those paths on empty tasks and invented data until the JIT has compiled them, and waits for the
 * compilers to go idle. Once per JVM; a few hundred milliseconds.
 */
public final class CoordinatorWarmup {
    static final int TASKS = 3000;
    static final int COMPARISONS = 4;
    private static final AtomicBoolean DONE = new AtomicBoolean();

    private CoordinatorWarmup() {
    }

    /**
     * Runs {@value #TASKS} empty tasks on the pool's first {@code workers} workers through a batch
     * runner whose sink serialises each record as records.jsonl would (and discards it): the dispatch,
     * result and record path of both sides, worker JVMs included; then the comparison and the certification's
     * equivalence test on invented data;
     * then waits for the compilers to go idle.
     *
     * @return milliseconds spent (0 when this JVM has been warmed already, or the machine is simulated: its
     *         coordinator has no JIT to warm and its clock no place for this)
     */
    public static long run(Machine machine, WorkerPool pool, int workers) {
        if (machine.simulated() != null || !DONE.compareAndSet(false, true)) {
            return 0;
        }
        long t0 = machine.nanoTime();
        long[] sink = {0};
        BatchRunner runner = new BatchRunner(pool, new RunClock(machine::nanoTime), r -> {
            try {
                sink[0] += Json.LINE.writeValueAsString(r).length();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                sink[0]--;
            }
        }, "coordinator-warm-up");
        runner.run(new BatchPlan("warm-up", Math.max(1, workers), 0, WorkloadSpec.of(EmptyWorkload.NAME),
                Tasks.of(TASKS, 0, 1), Strategy.QUEUE, 0, true)); // with fillers and the occupancy, as a stretch
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < COMPARISONS; i++) {
            double[] level = new double[200];
            double[] one = new double[40];
            for (int j = 0; j < level.length; j++) {
                level[j] = 0.015 * (1 + 0.02 * rng.nextGaussian());
            }
            for (int j = 0; j < one.length; j++) {
                one[j] = 0.015 * (1 + 0.02 * rng.nextGaussian());
            }
            sink[0] += DistributionComparison.of(List.of(new DistributionComparison.Stratum(level, one)),
                    DistributionComparison.Criteria.defaults(), i).levelCount();
            List<BlockedSamples.Block> blocks = new java.util.ArrayList<>();
            for (int b = 0; b < 10; b++) { // the certification's test: blocks of a stretch and its controls
                blocks.add(BlockedSamples.Block.of(java.util.Arrays.copyOfRange(level, 20 * b, 20 * b + 20),
                        java.util.Arrays.copyOfRange(one, 4 * b, 4 * b + 4)));
            }
            Equivalence e = Equivalence.test(new BlockedSamples(blocks), Equivalence.Margins.DEFAULT,
                    Equivalence.Design.DEFAULT, i);
            sink[0] += e.levelCount() + (e.clearlyDifferent(3) ? 1 : 0);
        }
        machine.awaitJitQuiet(2000);
        if (sink[0] == 42) {
            System.err.print("");
        }
        return (machine.nanoTime() - t0) / 1_000_000;
    }
}
