package dev.corescope.experiment;

import dev.corescope.analysis.LevelSample;
import dev.corescope.analysis.ThresholdDetector;
import dev.corescope.analysis.Verdict;
import dev.corescope.exec.BatchPlan;
import dev.corescope.exec.BatchRunner;
import dev.corescope.exec.Machine;
import dev.corescope.exec.PoolSpec;
import dev.corescope.exec.RecordSink;
import dev.corescope.exec.RunClock;
import dev.corescope.exec.Strategy;
import dev.corescope.exec.TaskRecord;
import dev.corescope.exec.WorkerMode;
import dev.corescope.exec.WorkerPool;
import dev.corescope.workload.SpinWorkload;
import dev.corescope.workload.WorkloadSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The quick check of a cached threshold T: on pinned thread workers, {@value #SAMPLES} spin tasks alone
 * and {@value #SAMPLES} rounds of T at once (tasks of {@value #LOOPS} loops, 10–40 ms on current CPUs),
 * after a short JIT warm-up; T still holds when the ratio of medians is within {@value #TOLERANCE_PCT}%.
 * About half a second for T = 2. Loose on purpose: it is there to catch a machine whose state changed
 * (a core taken by other work), not to re-measure the threshold.
 */
final class SpinQuickCheck implements CacheCheck.QuickCheck {
    static final int SAMPLES = 6;
    static final long LOOPS = 10_000_000;
    static final int TOLERANCE_PCT = 10;
    private final Machine machine;
    private final java.util.function.Supplier<dev.corescope.exec.pin.CpuAssignment> pinCpus;

    /**
     * @param machine the machine checked (its thread workers, its clock)
     * @param pinCpus the CPUs to pin the check's threads to, asked for when it runs
     */
    SpinQuickCheck(Machine machine, java.util.function.Supplier<dev.corescope.exec.pin.CpuAssignment> pinCpus) {
        this.machine = machine;
        this.pinCpus = pinCpus;
    }

    @Override
    public Result check(int level) {
        WorkloadSpec spec = SpinWorkload.spec(LOOPS);
        try (WorkerPool pool = machine.pool(WorkerMode.THREADS, PoolSpec.threads(Duration.ofSeconds(30), pinCpus.get()))) {
            BatchRunner runner = new BatchRunner(pool, new RunClock(machine::nanoTime), RecordSink.NONE, "quick-check");
            Warmup.run(pool, level, SpinWorkload.spec(LOOPS / 10), 0, 3);
            List<TaskRecord> one = new ArrayList<>();
            List<TaskRecord> many = new ArrayList<>();
            for (int i = 0; i < SAMPLES; i++) {
                one.addAll(runner.run(new BatchPlan("quick-check", 1, i, spec, Tasks.of(1, 0, 7 + i), Strategy.ROUNDS))
                        .records());
                many.addAll(runner.run(new BatchPlan("quick-check", level, i, spec, Tasks.of(level, 0, 100L * i),
                        Strategy.ROUNDS)).records());
            }
            var detector = new ThresholdDetector(TOLERANCE_PCT / 100.0, ThresholdDetector.DEFAULT_CONFIDENCE,
                    ThresholdDetector.DEFAULT_RESAMPLES, ThresholdDetector.DEFAULT_SEED, 5);
            var r = detector.decide(List.of(sample(1, one), sample(level, many)));
            var v = r.level(level).orElseThrow();
            return new Result(v.verdict() == Verdict.OK, String.format(Locale.ROOT,
                    "%d workers ×%.2f of one worker's median", level, v.ratio()));
        }
    }

    private static LevelSample sample(int level, List<TaskRecord> rs) {
        List<TaskRecord> ok = rs.stream().filter(TaskRecord::ok).toList();
        return new LevelSample(level, ok.stream().mapToDouble(TaskRecord::wallSeconds).toArray(),
                ok.stream().mapToDouble(TaskRecord::cpuSeconds).toArray(),
                ok.stream().mapToDouble(TaskRecord::waitSeconds).toArray());
    }
}
