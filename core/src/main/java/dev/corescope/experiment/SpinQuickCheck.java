package dev.corescope.experiment;

import dev.corescope.analysis.LevelSample;
import dev.corescope.analysis.LevelSamples;
import dev.corescope.analysis.LevelVerdict;
import dev.corescope.analysis.SpendingDesign;
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
import dev.corescope.exec.pin.CpuAssignment;
import dev.corescope.machine.MachineProfile;
import dev.corescope.workload.SpinWorkload;
import dev.corescope.workload.WorkloadSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The quick check of a cached threshold T, with investigate's corrections. First the CPUs: T above the
 * effective CPUs now, rounded down (a quota or an affinity mask set since), fails at once, without
 * timing (a quota is enforced per 100 ms period, and a few short rounds rarely use one up: timing alone
 * would pass it). Then, on thread workers pinned to the CPUs other programs leave idle first,
 * {@value #ROUNDS} blocks of one spin task alone and one round of T at once, in random order (tasks of
 * {@value #LOOPS} loops, 10–40 ms on current CPUs), after a JIT warm-up until quiet; T still holds when
 * the worst-off worker of the T is within {@value #TOLERANCE_PCT}% of one worker alone ({@link
 * ThresholdDetector}: every worker's median, each with its interval, the rounds resampled; unsettled is not
 * clean). So one CPU of 64 taken by other work fails it: the worker pinned there takes twice as long,
 * though the median of all tasks does not move. About half a second for T = 2. Loose on purpose: it is
 * there to catch a machine whose state changed, not to re-measure the threshold.
 */
final class SpinQuickCheck implements CacheCheck.QuickCheck {
    static final int ROUNDS = 6;
    static final long LOOPS = 10_000_000;
    static final int TOLERANCE_PCT = 10;
    private final Machine machine;
    private final Supplier<MachineProfile> profile;
    private final Supplier<CpuAssignment> pinCpus;

    /**
     * @param machine the machine checked (its thread workers, its clock, its per-CPU load)
     * @param profile the machine's profile, asked for when the check runs: its CPUs, and where to pin
     */
    SpinQuickCheck(Machine machine, Supplier<MachineProfile> profile) {
        this.machine = machine;
        this.profile = profile;
        this.pinCpus = () -> CpuAssignment.of(profile.get(), machine.cpuBusy(CpuAssignment.WATCH).orElse(null));
    }

    @Override
    public Result check(int level) {
        MachineProfile p = profile.get();
        SearchPlan cpus = SearchPlan.of(p, CpuAssignment.NONE, level, true, false);
        if (cpus.cap() > 0 && level > cpus.cap()) {
            return new Result(false, String.format(Locale.ROOT, "%d workers, but the CPUs allow at most %d CPU-bound "
                    + "workers now (%s)", level, cpus.cap(), cpus.capWhy()));
        }
        WorkloadSpec spec = SpinWorkload.spec(LOOPS);
        try (WorkerPool pool = machine.pool(WorkerMode.THREADS, PoolSpec.threads(Duration.ofSeconds(30), pinCpus.get()))) {
            BatchRunner runner = new BatchRunner(pool, new RunClock(machine::nanoTime), RecordSink.NONE, "quick-check");
            Warmup.untilQuiet(pool, 0, level, SpinWorkload.spec(LOOPS / 10), List.of(0L), 3);
            List<TaskRecord> one = new ArrayList<>();
            List<TaskRecord> many = new ArrayList<>();
            Random order = new Random(7);
            for (int i = 0; i < ROUNDS; i++) {
                boolean aloneFirst = order.nextBoolean();
                for (int k = 0; k < 2; k++) {
                    if ((k == 0) == aloneFirst) {
                        one.addAll(runner.run(new BatchPlan("quick-check", 1, i, spec, Tasks.of(1, 0, 7 + i),
                                Strategy.ROUNDS)).records());
                    } else {
                        many.addAll(runner.run(new BatchPlan("quick-check", level, i, spec, Tasks.of(level, 0, 100L * i),
                                Strategy.ROUNDS)).records());
                    }
                }
            }
            var detector = new ThresholdDetector(TOLERANCE_PCT / 100.0, ThresholdDetector.DEFAULT_CONFIDENCE,
                    ThresholdDetector.DEFAULT_RESAMPLES, ThresholdDetector.DEFAULT_SEED, 5);
            LevelSample base = LevelSamples.of(1, one);
            LevelVerdict v = detector.judge(base, LevelSamples.of(level, many), SpendingDesign.single(detector.confidence()));
            return new Result(v.verdict() == Verdict.OK, detail(v));
        }
    }

    /** e.g. {@code 64 workers: the worst-off ×2.01 [1.93-2.09] of one worker's median (worker 18, CPU 17)}. */
    private static String detail(LevelVerdict v) {
        LevelVerdict.Worst w = v.worst();
        String who = w != null && w.worker() >= 0 ? String.format(Locale.ROOT, " (worker %d%s)", w.worker() + 1,
                w.cpu() >= 0 ? ", CPU " + w.cpu() : "") : "";
        String unsettled = v.verdict() == Verdict.UNSETTLED ? ", not settled" : "";
        return String.format(Locale.ROOT, "%d workers: the worst-off ×%.2f [%.2f-%.2f] of one worker's median%s%s",
                v.workers(), v.ratio(), v.ratioLow(), v.ratioHigh(), who, unsettled);
    }
}
