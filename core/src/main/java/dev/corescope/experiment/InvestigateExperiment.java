package dev.corescope.experiment;

import dev.corescope.analysis.Capacity;
import dev.corescope.analysis.Explanation;
import dev.corescope.analysis.LevelSample;
import dev.corescope.analysis.SpendingDesign;
import dev.corescope.analysis.ThresholdDetector;
import dev.corescope.analysis.ThresholdResult;
import dev.corescope.machine.CpuAccounting;
import dev.corescope.machine.LoadSnapshot;
import dev.corescope.machine.MachineProfile;
import dev.corescope.workload.WorkloadSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code investigate}: find the critical threshold adaptively. Calibrate a short spin task, then measure
 * the level the machine suggests and the one above it ({@link SearchPlan}), interleaved with one worker in
 * blocks of rounds in random order ({@link LevelSearch}), look at each level after 5, 10, 20 and 40 rounds
 * under a group-sequential bound and freeze its verdict when it settles ({@link SequentialSearch}), and
 * bisect (or widen) until the first level that is not OK is the last OK one + 1. {@code full} measures every
 * level 1..max instead. A sample of level P is a round: P tasks at once, one per worker; the verdict judges
 * the worst-off worker. The spin kernel's threshold never exceeds the effective CPUs, rounded down.
 */
public final class InvestigateExperiment {
    public static final String NAME = "investigate";

    private InvestigateExperiment() {
    }

    /**
     * @param minSamples rounds of a level before its first look (at least 2; 5 by default)
     * @param maxSamples rounds of a level at most: the budget, after which a level still unsettled is not OK
     */
    public record InvestigateConfig(Subject subject, double tolerance, boolean full, int max, int minSamples, int maxSamples,
                         boolean accountOtherLoad) {
        /** With other load accounted from /proc (the real machine). */
        public InvestigateConfig(SpinSetup spin, double tolerance, boolean full, int max, int minSamples, int maxSamples) {
            this(new Spin(spin), tolerance, full, max, minSamples, maxSamples, true);
        }

        public InvestigateConfig(SpinSetup spin, double tolerance, boolean full, int max, int minSamples, int maxSamples,
                      boolean accountOtherLoad) {
            this(new Spin(spin), tolerance, full, max, minSamples, maxSamples, accountOtherLoad);
        }

        public static final int DEFAULT_MIN_SAMPLES = SpendingDesign.FIRST;
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

    /**
     * Everything investigate found: the verdict and the machine as the report shows them ({@link InvestigateReport},
     * the summary's {@code analysis}, is made from it), and what was measured.
     */
    public record Result(InvestigateReport.Threshold verdict, InvestigateReport.MachineFacts machine, Measurement measured) {
        public int threshold() {
            return verdict.threshold();
        }

        public String explanation() {
            return verdict.explanation();
        }

        public MachineProfile profile() {
            return machine.profile();
        }

        public double otherBusyCpus() {
            return machine.otherBusyCpus();
        }

        public List<Integer> measuredLevels() {
            return measured.levels();
        }
    }

    /**
     * What was measured: the levels, the detector's verdict per level, the load when it ended, the workload's
     * spec and the spin kernel's calibration (null for the user's workload).
     */
    public record Measurement(List<Integer> levels, ThresholdResult detail, LoadSnapshot loadAtEnd, String workload,
                              Calibration calibration) {
        public Measurement {
            levels = List.copyOf(levels);
        }
    }

    /** The run's result, with {@code report} (what the user is shown) as its analysis. */
    public static InvestigateResult summary(Session session, Result result, InvestigateReport report) {
        Measured measured = Summaries.measured(session, result.measured().workload(), result.measured().calibration(), true);
        Metadata m = Summaries.metadata(session);
        // levels above the threshold are expected to be slow and noisy: warn only about the ones that count
        var clean = measured.levels().stream().filter(l -> l.workers() <= result.threshold()).toList();
        Remarks remarks = Summaries.remarks(session, List.of(result.explanation()),
                Summaries.warnings(session, clean, m, session.machine().availableProcessors()));
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
    public static Result run(Session session, InvestigateConfig c, Progress progress) {
        long t0 = session.machine().nanoTime();
        int initialWorkers = Math.min(c.max(), 2);
        SpinSetup.Prepared p = prepare(session, c.subject(), initialWorkers);
        MachineProfile profile = session.profile();
        CpuAccounting before = c.accountOtherLoad()
                ? session.machine().cpuAccounting(workerPids(session)).orElse(null) : null;
        LevelSearch search = new LevelSearch(session, p.spec(), c, initialWorkers, progress);
        SearchPlan plan = SearchPlan.of(profile, session.cpus(), c.max(), c.subject() instanceof Spin, c.full());
        ThresholdDetector detector = new ThresholdDetector(c.tolerance(), ThresholdDetector.DEFAULT_CONFIDENCE,
                ThresholdDetector.DEFAULT_RESAMPLES, ThresholdDetector.DEFAULT_SEED, ThresholdDetector.DEFAULT_MIN_SAMPLES);
        if (c.subject() instanceof Spin) {
            detector = detector.capped(plan.cap(), plan.capWhy());
        } else if (c.subject() instanceof UserWorkload w) {
            detector = detector.judgingDistributions(w.sdLimit());
        }
        session.onInterrupt(() -> partial(session, p));
        SequentialSearch sequential = new SequentialSearch(session, search, detector,
                looks(c), plan.maxLevel(), plan.hints(), c.full());
        ThresholdResult decided = sequential.run(plan.first(c.full()));
        if (!(c.subject() instanceof Spin)) {
            decided = plan.capIfCpuBound(detector, search.samples(), decided);
        }
        CpuAccounting after = before == null ? null : session.machine().cpuAccounting(workerPids(session)).orElse(null);
        double other = before != null && after != null ? before.otherBusyCpus(after) : Double.NaN;
        LoadSnapshot loadEnd = LoadSnapshot.read(session.machine().procFs());
        List<LevelSample> samples = search.samples();
        int threshold = decided.threshold();
        LevelSample above = samples.stream().filter(s -> s.workers() > threshold).findFirst().orElse(null);
        Explanation.WorkloadContext subject = c.subject() instanceof UserWorkload w
                ? new Explanation.WorkloadContext(w.label(), w.spinThreshold(), w.spinSource()) : null;
        Explanation e = Explanation.of(profile, decided, c.tolerance(), samples.get(0), above, other, loadEnd, subject,
                new Explanation.Pinning(session.cpus().sharing(above == null ? 0 : above.workers()),
                        session.cpus().busy(), sequential.remeasured(), session.cpus().cpus()));
        Capacity cap = e.capacity();
        return new Result(new InvestigateReport.Threshold(decided.threshold(), decided.settled(), e.text(),
                c.tolerance(), (session.machine().nanoTime() - t0) / 1e9, decided.cap(),
                c.subject() instanceof UserWorkload w ? w.sdLimit() : Double.NaN),
                new InvestigateReport.MachineFacts(cap.limitedBy(), cap.predictedWorkers(), e.pinCpus(), other, profile),
                new Measurement(List.copyOf(search.levels()), decided, loadEnd, p.spec().text(), p.calibration()));
    }

    /** The group-sequential design of a level's looks: first after {@code minSamples} rounds, at most {@code maxSamples}. */
    static SpendingDesign looks(InvestigateConfig c) {
        int max = Math.max(2, c.maxSamples());
        return new SpendingDesign(Math.max(2, Math.min(c.minSamples(), max)), max, SpendingDesign.single(ThresholdDetector.DEFAULT_CONFIDENCE));
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
        Warmup.untilQuiet(session.pool(), 0, workers, w.spec(), w.sizes(), Math.max(1, w.warmup()) * w.sizes().size());
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
}
