package dev.corescope.experiment;

import dev.corescope.analysis.Capacity;
import dev.corescope.analysis.Explanation;
import dev.corescope.analysis.LevelSample;
import dev.corescope.analysis.ThresholdDetector;
import dev.corescope.analysis.ThresholdResult;
import dev.corescope.exec.BatchPlan;
import dev.corescope.exec.BatchResult;
import dev.corescope.exec.Strategy;
import dev.corescope.exec.TaskRecord;
import dev.corescope.machine.CpuAccounting;
import dev.corescope.machine.LoadSnapshot;
import dev.corescope.machine.MachineProfile;
import dev.corescope.machine.ProcFs;
import dev.corescope.workload.WorkloadSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code investigate}: find the critical threshold adaptively. Calibrate a short spin task, measure
 * one worker, then the level the profile predicts and the one above it, add samples to levels whose
 * verdict is not yet statistically settled, and bisect (or widen) until the first level that is
 * worse is the last good one + 1. {@code full} measures every level 1..max instead. Each sample of
 * level P is one task of a round in which P workers run at once.
 */
public final class InvestigateExperiment {
    public static final String NAME = "investigate";

    private InvestigateExperiment() {
    }

    /**
     * @param minSamples samples per level before a verdict is attempted
     * @param maxSamples per level, after which an unsettled verdict is decided by its point estimate
     */
    public record Config(Subject subject, double tolerance, boolean full, int max, int minSamples, int maxSamples,
                         boolean accountOtherLoad) {
        /** With other load accounted from /proc (the real machine). */
        public Config(SpinSetup spin, double tolerance, boolean full, int max, int minSamples, int maxSamples) {
            this(new Spin(spin), tolerance, full, max, minSamples, maxSamples, true);
        }

        public Config(SpinSetup spin, double tolerance, boolean full, int max, int minSamples, int maxSamples,
                      boolean accountOtherLoad) {
            this(new Spin(spin), tolerance, full, max, minSamples, maxSamples, accountOtherLoad);
        }

        public static final int DEFAULT_MIN_SAMPLES = 8;
        public static final int DEFAULT_MAX_SAMPLES = 40;
        /**
         * The spin task's length. The floor is the scheduler: a task must span many time slices (1.5-4 ms on
         * Linux: EEVDF's base slice scaled by the CPU count, or a 250 Hz tick) for time-slicing to show in
         * its wall time, and at 20 ms it spans 5-13 of them; the timer (~30 ns) is no limit. A CPU quota is
         * enforced per period (100 ms by default), so under a quota tasks are made two periods long
         * ({@link #taskFor}).
         */
        public static final Duration DEFAULT_TARGET = Duration.ofMillis(20);
    }

    /** What is measured: the calibrated spin kernel, or the user's own workload. */
    public sealed interface Subject permits Spin, UserWorkload {
    }

    /** The lab's CPU-bound kernel, calibrated to a task length: the machine's capacity. */
    public record Spin(SpinSetup setup) implements Subject {
    }

    /**
     * The user's workload: its label and spec, the sizes it runs at (one round of the level per size per
     * sample), warm-up tasks per worker and size, the sd limit its distribution must keep, and the spin
     * kernel's threshold on this machine for the explanation ({@code < 1}: unknown; the source says why).
     */
    public record UserWorkload(String label, WorkloadSpec spec, List<Long> sizes, int warmup, double sdLimit,
                               int spinThreshold, String spinSource) implements Subject {
        public UserWorkload {
            sizes = List.copyOf(sizes);
            if (sizes.isEmpty()) {
                throw new IllegalArgumentException("a workload needs at least one size");
            }
        }

        /** The cache's name for it: spec and sizes. */
        public String key() {
            return key(spec, sizes);
        }

        /** The cache's name of a workload at these sizes. */
        public static String key(WorkloadSpec spec, List<Long> sizes) {
            return spec.text() + " n=" + sizes.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        }
    }

    /** Everything investigate found, stored as the summary's {@code analysis}. */
    public record Result(int threshold, boolean settled, String explanation, double tolerance, List<Integer> measuredLevels,
                         List<Integer> pinCpus, String predictedBy, int predictedWorkers, double otherBusyCpus,
                         MachineProfile profile, LoadSnapshot loadAtEnd, ThresholdResult detail, double seconds,
                         String workload, Calibration calibration) {
    }

    /** The run's result, with {@code report} (what the user is shown) as its analysis. */
    public static InvestigateResult summary(Session session, Result result, InvestigateReport report) {
        Measured measured = Summaries.measured(session, result.workload(), result.calibration(), true);
        Metadata m = Summaries.metadata(session);
        // levels above the threshold are expected to be slow and noisy: warn only about the ones that count
        var clean = measured.levels().stream().filter(l -> l.workers() <= result.threshold()).toList();
        Remarks remarks = Summaries.remarks(session, List.of(result.explanation()),
                Summaries.warnings(session, clean, m, Runtime.getRuntime().availableProcessors()));
        return new InvestigateResult(Summaries.info(session, true), measured, remarks, report, m);
    }

    /** The partial result of an interrupted run: its levels so far, no verdict. */
    private static InvestigateResult partial(Session session, SpinSetup.Prepared p) {
        Measured measured = Summaries.partial(session, p.spec().text(), p.calibration());
        Metadata m = Summaries.metadata(session);
        return new InvestigateResult(Summaries.info(session, false), measured,
                Summaries.remarks(session, List.of(), Summaries.warnings(session, measured.levels(), m)), null, m);
    }

    /** Measures on the session's workers; the machine is the session's profile ({@link Session#profile()}). */
    public static Result run(Session session, Config c, Progress progress) {
        long t0 = System.nanoTime();
        int initialWorkers = Math.min(c.max(), 2);
        SpinSetup.Prepared p = prepare(session, c.subject(), initialWorkers);
        MachineProfile profile = session.profile();
        CpuAccounting before = c.accountOtherLoad()
                ? CpuAccounting.read(ProcFs.real(), workerPids(session)).orElse(null) : null;
        Search search = new Search(session, p.spec(), c, initialWorkers, progress);
        ThresholdDetector detector = new ThresholdDetector(c.tolerance(), ThresholdDetector.DEFAULT_CONFIDENCE,
                ThresholdDetector.DEFAULT_RESAMPLES, ThresholdDetector.DEFAULT_SEED, 5);
        if (c.subject() instanceof UserWorkload w) {
            detector = detector.judgingDistributions(w.sdLimit());
        }
        session.onInterrupt(() -> partial(session, p));

        search.measure(1, c.minSamples());
        if (c.full()) {
            for (int level = 2; level <= c.max(); level++) {
                search.measure(level, c.minSamples());
            }
        } else {
            int guess = Math.max(1, Math.min(c.max(), Capacity.of(profile).predictedWorkers()));
            if (guess > 1) {
                search.measure(guess, c.minSamples());
            }
            if (guess + 1 <= c.max()) {
                search.measure(guess + 1, c.minSamples());
            }
        }
        ThresholdResult decided;
        while (true) {
            ThresholdResult strict = detector.detect(search.samples());
            List<Integer> unsettled = detector.levelsNeedingSamples(strict).stream()
                    .filter(l -> search.count(l) < c.maxSamples()).toList();
            if (!unsettled.isEmpty()) {
                for (int level : unsettled) {
                    search.measure(level, Math.min(c.maxSamples(), 2 * search.count(level)));
                }
                if (search.count(1) < c.maxSamples()) {
                    search.measure(1, Math.min(c.maxSamples(), search.count(1) + c.minSamples()));
                }
                continue;
            }
            decided = detector.decide(search.samples());
            if (c.full()) {
                break;
            }
            int next = ThresholdSearch.next(decided, search.levels(), c.max());
            if (next < 0) {
                break;
            }
            search.measure(next, c.minSamples());
        }
        CpuAccounting after = before == null ? null : CpuAccounting.read(ProcFs.real(), workerPids(session)).orElse(null);
        double other = before != null && after != null ? before.otherBusyCpus(after) : Double.NaN;
        LoadSnapshot loadEnd = LoadSnapshot.read(ProcFs.real());
        List<LevelSample> samples = search.samples();
        int threshold = decided.threshold();
        LevelSample above = samples.stream().filter(s -> s.workers() > threshold).findFirst().orElse(null);
        Explanation.Workload subject = c.subject() instanceof UserWorkload w
                ? new Explanation.Workload(w.label(), w.spinThreshold(), w.spinSource()) : null;
        Explanation e = Explanation.of(profile, decided, c.tolerance(), samples.get(0), above, other, loadEnd, subject);
        Capacity cap = e.capacity();
        return new Result(decided.threshold(), decided.settled(), e.text(), c.tolerance(),
                List.copyOf(search.levels()), e.pinCpus(), cap.limitedBy(), cap.predictedWorkers(), other, profile,
                loadEnd, decided, (System.nanoTime() - t0) / 1e9, p.spec().text(), p.calibration());
    }

    /**
     * The spin task length for this machine: {@code target}, made two quota periods long when a cgroup CPU
     * quota limits the process (a shorter task may run whole inside one period's allowance, or wait out a
     * throttled period, so that its time says little about the quota).
     */
    static Duration taskFor(Duration target, MachineProfile profile) {
        if (profile == null || profile.quota() == null || !profile.quota().limits() || profile.quota().periodMicros() <= 0) {
            return target;
        }
        Duration twoPeriods = Duration.ofNanos(2_000 * profile.quota().periodMicros());
        return twoPeriods.compareTo(target) > 0 ? twoPeriods : target;
    }

    /** Calibrates and warms up the spin kernel, or warms the user's workload up at every size. */
    private static SpinSetup.Prepared prepare(Session session, Subject subject, int workers) {
        if (subject instanceof Spin spin) {
            SpinSetup setup = spin.setup();
            if (setup.target() != null) {
                setup = new SpinSetup(null, taskFor(setup.target(), session.profile()));
            }
            return setup.prepare(session, workers);
        }
        UserWorkload w = (UserWorkload) subject;
        session.pool().ensure(workers);
        session.profile(); // read the machine before measuring, not while
        for (long size : w.sizes()) {
            Warmup.run(session.pool(), workers, w.spec(), size, w.warmup());
        }
        return new SpinSetup.Prepared(w.spec(), null);
    }

    /** Process ids of the pool's workers (worker JVMs; threads report this JVM's pid). */
    private static List<Long> workerPids(Session session) {
        List<Long> pids = new ArrayList<>();
        for (int i = 0; i < session.pool().size(); i++) {
            pids.add(session.pool().worker(i).info().pid());
        }
        return pids.stream().distinct().toList();
    }

    /** The measured samples per level, and the means to add more. */
    private static final class Search {
        private final Session session;
        private final WorkloadSpec spec;
        private final Config config;
        private final Progress progress;
        private final Map<Integer, List<TaskRecord>> records = new TreeMap<>();
        private final Map<Integer, Integer> trials = new TreeMap<>();
        private int warmed;

        Search(Session session, WorkloadSpec spec, Config config, int warmed, Progress progress) {
            this.session = session;
            this.spec = spec;
            this.config = config;
            this.warmed = warmed;
            this.progress = progress;
        }

        /** Runs rounds of {@code level} concurrent tasks until the level has at least {@code samples} samples. */
        void measure(int level, int samples) {
            if (level > warmed) {
                if (config.subject() instanceof UserWorkload w) {
                    for (long size : w.sizes()) {
                        Warmup.run(session.pool(), warmed, level, spec, size, w.warmup());
                    }
                } else {
                    Warmup.run(session.pool(), warmed, level, SpinSetup.warmupSpec(spec), 0, SpinSetup.WARMUP_ITERATIONS);
                }
                warmed = level;
            }
            List<TaskRecord> got = records.computeIfAbsent(level, k -> new ArrayList<>());
            while (okCount(got) < samples) {
                int trial = trials.merge(level, 1, Integer::sum) - 1;
                long seed = session.settings().seed() + 1000L * trial;
                for (long size : sizes()) {
                    BatchResult b = session.run(new BatchPlan(NAME, level, trial, spec, Tasks.of(level, size, seed),
                            Strategy.ROUNDS));
                    got.addAll(b.records());
                    if (b.failures() == b.records().size()) {
                        throw new IllegalStateException("every task at level " + level + " failed: "
                                + b.records().get(0).error());
                    }
                }
            }
            progress.step(level + " workers: " + okCount(got) + " samples");
        }

        /** One round per size per sample: the user's sizes, or the spin kernel's none. */
        private List<Long> sizes() {
            return config.subject() instanceof UserWorkload w ? w.sizes() : List.of(0L);
        }

        int count(int level) {
            return okCount(records.getOrDefault(level, List.of()));
        }

        private static int okCount(List<TaskRecord> rs) {
            return (int) rs.stream().filter(TaskRecord::ok).count();
        }

        Set<Integer> levels() {
            return records.keySet();
        }

        /**
         * Per level, the successful tasks' times. With several sizes every time is divided by the median
         * wall time of one worker at its size, so that sizes can be pooled: the ratios to one worker are
         * those of each size, and one worker's own median is 1 at every size.
         */
        List<LevelSample> samples() {
            Map<Long, Double> scale = new TreeMap<>();
            if (sizes().size() > 1) {
                for (long size : sizes()) {
                    double[] one = records.getOrDefault(1, List.of()).stream().filter(r -> r.ok() && r.size() == size)
                            .mapToDouble(TaskRecord::wallSeconds).sorted().toArray();
                    scale.put(size, one.length == 0 ? Double.NaN : one[one.length / 2]);
                }
            }
            List<LevelSample> out = new ArrayList<>();
            records.forEach((level, rs) -> {
                List<TaskRecord> ok = rs.stream().filter(TaskRecord::ok).toList();
                double[] f = ok.stream().mapToDouble(r -> scale.isEmpty() ? 1 : 1 / scale.get(r.size())).toArray();
                out.add(new LevelSample(level, times(ok, TaskRecord::wallSeconds, f), times(ok, TaskRecord::cpuSeconds, f),
                        times(ok, TaskRecord::waitSeconds, f)));
            });
            return out;
        }

        private static double[] times(List<TaskRecord> rs, java.util.function.ToDoubleFunction<TaskRecord> get,
                                      double[] factor) {
            double[] out = new double[rs.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = get.applyAsDouble(rs.get(i)) * factor[i];
            }
            return out;
        }
    }
}
