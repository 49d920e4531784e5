package dev.corescope.experiment;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.corescope.analysis.DistributionComparison;
import dev.corescope.analysis.Knee;
import dev.corescope.analysis.LevelVerdict;
import dev.corescope.analysis.ThresholdResult;
import dev.corescope.analysis.UslFit;
import dev.corescope.exec.TaskRecord;
import dev.corescope.exec.WorkerMode;
import dev.corescope.machine.MachineProfile;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code investigate} found, the {@code analysis} of its summary and the document
 * {@code investigate --json} prints: the threshold and its explanation, what the machine profile
 * predicted, one entry per measured level (per-task {@code mean} and {@code stddev} in seconds,
 * {@code ratio} of medians to one worker with its CI, {@code verdict}), the throughput knee, the USL fit.
 * The groups are nested here and flat in the JSON.
 */
public record InvestigateReport(@JsonUnwrapped Threshold verdict, @JsonUnwrapped MachineFacts machine, List<Level> levels,
                                Knee knee, UslFit usl, String runDirectory, WorkerMode mode) {
    public InvestigateReport {
        verdict = verdict != null ? verdict : new Threshold(0, false, null, Double.NaN, Double.NaN);
        machine = machine != null ? machine : new MachineFacts(null, 0, List.of(), Double.NaN, null);
        levels = Lists.copy(levels);
    }

    /**
     * The threshold: the most concurrent workers no worse than one alone, whether the intervals settled it
     * within the sample budget, why (the explanation), the tolerance it was judged by, the seconds of
     * measurement it took, the CPUs' cap on it (null: none; {@code cap.decided}: the cap, not a measured
     * level, decided it), and for a workload the sd limit its spread was judged by (NaN for the spin kernel and in
     * summaries of earlier versions).
     */
    public record Threshold(int threshold, boolean settled, String explanation, double tolerance, double seconds,
                            ThresholdResult.Cap cap, double sdLimit) {
        /** Without a cap or an sd limit. */
        public Threshold(int threshold, boolean settled, String explanation, double tolerance, double seconds) {
            this(threshold, settled, explanation, tolerance, seconds, null, Double.NaN);
        }

        /** A workload's, without a cap. */
        public Threshold(int threshold, boolean settled, String explanation, double tolerance, double seconds,
                         double sdLimit) {
            this(threshold, settled, explanation, tolerance, seconds, null, sdLimit);
        }

        /** What decided the threshold: {@code cap} (the CPUs allow no more) or {@code measurement}. */
        public String decidedBy() {
            return cap != null && cap.decided() ? "cap" : "measurement";
        }
    }

    /**
     * The machine: what limits the profile's prediction, the workers it predicts, the CPUs to pin to, the
     * CPUs other work kept busy (NaN: not measured), and the profile.
     */
    public record MachineFacts(String predictedBy, int predictedWorkers, List<Integer> pinCpus, double otherBusyCpus,
                          MachineProfile profile) {
        public MachineFacts {
            pinCpus = Lists.copy(pinCpus);
        }
    }

    /**
     * One measured level: its workers and samples, the per-task times, the worst-off worker's ratio to one
     * worker with its interval, its verdict, for a workload the comparison of its distribution with one
     * worker's, and who was worst off and what decided ({@code worst}, null in older summaries).
     */
    public record Level(int workers, int samples, @JsonUnwrapped Times times, @JsonUnwrapped RatioToOne toOne,
                        String verdict, boolean settled, DistributionComparison distribution, LevelVerdict.Worst worst) {
        public Level {
            times = times != null ? times : new Times(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN);
            toOne = toOne != null ? toOne : new RatioToOne(Double.NaN, Double.NaN, Double.NaN);
        }

        /** Without who was worst off (older summaries, invented levels). */
        public Level(int workers, int samples, Times times, RatioToOne toOne, String verdict, boolean settled,
                     DistributionComparison distribution) {
            this(workers, samples, times, toOne, verdict, settled, distribution, null);
        }

        public double mean() {
            return times.mean();
        }

        public double stddev() {
            return times.stddev();
        }

        public double median() {
            return times.median();
        }

        public double cv() {
            return times.cv();
        }

        public double cpuMean() {
            return times.cpuMean();
        }

        public double waitMean() {
            return times.waitMean();
        }

        public double ratio() {
            return toOne.ratio();
        }

        public double ratioLow() {
            return toOne.ratioLow();
        }

        public double ratioHigh() {
            return toOne.ratioHigh();
        }
    }

    /** Per-task seconds of a level: wall time's mean, sd, median and CV; mean CPU time and run-queue wait. */
    public record Times(double mean, double stddev, double median, double cv, double cpuMean, double waitMean) {
    }

    /**
     * The worst-off worker's median task time at a level over one worker's, with its interval (simultaneous
     * over the level's workers below, each worker's own above); the median of all tasks when the workers are
     * not known.
     */
    public record RatioToOne(double ratio, double ratioLow, double ratioHigh) {
    }

    public int threshold() {
        return verdict.threshold();
    }

    public boolean settled() {
        return verdict.settled();
    }

    public String explanation() {
        return verdict.explanation();
    }

    public double tolerance() {
        return verdict.tolerance();
    }

    public double seconds() {
        return verdict.seconds();
    }

    public String predictedBy() {
        return machine.predictedBy();
    }

    public int predictedWorkers() {
        return machine.predictedWorkers();
    }

    public List<Integer> pinCpus() {
        return machine.pinCpus();
    }

    public double otherBusyCpus() {
        return machine.otherBusyCpus();
    }

    public MachineProfile profile() {
        return machine.profile();
    }

    /**
     * Why the threshold is what it is, as a clause a caller can quote ({@code assess --workers auto}): the
     * first level above the threshold that did not measure clean, with its ratio of medians and run-queue
     * wait, set against the profile's prediction; without such a level, what limits the prediction.
     */
    public String limitedBy() {
        ThresholdResult.Cap cap = verdict.cap();
        if (cap != null && cap.decided()) {
            return "limited by " + cap.why() + " (the cap decided: the CPUs allow at most " + cap.workers()
                    + ", the levels measured alone would allow " + cap.measured() + ")";
        }
        Level above = levels.stream().filter(l -> l.workers() == threshold() + 1 && !"ok".equals(l.verdict()))
                .findFirst().orElse(null);
        if (above == null) {
            return predictedBy() == null ? "as measured" : "limited by " + predictedBy();
        }
        double baseWait = levels.stream().filter(l -> l.workers() == 1).mapToDouble(Level::waitMean).findFirst()
                .orElse(Double.NaN);
        String measured = measuredAbove(above, baseWait);
        if (predictedBy() == null) {
            return "measured: " + measured;
        }
        return threshold() < predictedWorkers()
                ? "measured, below the " + predictedWorkers() + " the profile predicts (" + predictedBy() + "): " + measured
                : "limited by " + predictedBy() + "; " + measured;
    }

    /**
     * What the level above the threshold measured, in the terms that decided its verdict: a median slower
     * beyond the tolerance; time-slicing (run-queue wait) although the median was not slower; the
     * distribution (a workload's threshold); or an interval that did not settle.
     */
    private String measuredAbove(Level above, double baseWait) {
        boolean perWorker = above.worst() != null && above.worst().workersSeen() > 1;
        String median = String.format(Locale.ROOT, perWorker ? "the worst-off worker's median task took %.2fx as long "
                + "as alone" : "the median task took %.2fx as long as alone", above.ratio());
        String wait = Double.isFinite(above.waitMean()) && Double.isFinite(baseWait)
                ? String.format(Locale.ROOT, "%.1f ms run-queue wait per task against %.1f alone",
                        above.waitMean() * 1e3, baseWait * 1e3)
                : "";
        String interval = Double.isFinite(above.ratioLow()) && Double.isFinite(above.ratioHigh())
                ? String.format(Locale.ROOT, " [%.2f-%.2f]", above.ratioLow(), above.ratioHigh()) : "";
        String with = "with " + above.workers() + " workers ";
        boolean slower = above.ratioLow() > 1 + tolerance();
        if (!above.settled() || "unsettled".equals(above.verdict())) {
            return with + median + interval + ", not settled within the sample budget, so the lower level is kept";
        }
        if (slower || wait.isEmpty()) {
            return with + median + (wait.isEmpty() ? "" : ", " + wait);
        }
        if (above.distribution() != null && above.distribution().verdict() == dev.corescope.analysis.Verdict.WORSE) {
            return with + "the task times' distribution was worse than alone (" + above.distribution().reason()
                    + "), though " + median;
        }
        return with + "tasks waited in the run queue, " + wait + " (time-slicing), though " + median + interval;
    }

    public static InvestigateReport of(InvestigateExperiment.Result r, List<TaskRecord> records, String runDirectory,
                                       WorkerMode mode) {
        Map<Integer, List<TaskRecord>> byLevel = records.stream().filter(TaskRecord::ok)
                .collect(Collectors.groupingBy(TaskRecord::level));
        var detail = r.measured().detail();
        List<Level> levels = detail.levels().stream().map(v -> level(v, byLevel.getOrDefault(v.workers(), List.of())))
                .toList();
        return new InvestigateReport(r.verdict(), r.machine(), levels, detail.knee(), detail.usl(), runDirectory, mode);
    }

    private static Level level(LevelVerdict v, List<TaskRecord> rs) {
        double cpu = rs.stream().mapToDouble(TaskRecord::cpuSeconds).filter(Double::isFinite).average().orElse(Double.NaN);
        double wait = rs.stream().mapToDouble(TaskRecord::waitSeconds).filter(Double::isFinite).average().orElse(Double.NaN);
        return new Level(v.workers(), v.n(), new Times(v.mean(), v.sd(), v.median(), v.cv(), cpu, wait),
                new RatioToOne(v.ratio(), v.ratioLow(), v.ratioHigh()), v.verdict().name().toLowerCase(Locale.ROOT),
                v.settled(), v.distribution(), v.worst());
    }
}
