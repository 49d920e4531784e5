package dev.corescope.experiment;

import dev.corescope.analysis.DistributionComparison;
import dev.corescope.analysis.Knee;
import dev.corescope.analysis.LevelVerdict;
import dev.corescope.analysis.UslFit;
import dev.corescope.exec.TaskRecord;
import dev.corescope.exec.WorkerMode;
import dev.corescope.machine.MachineProfile;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The document {@code investigate --json} prints: the threshold, the explanation, one entry per
 * measured level (per-task {@code mean} and {@code stddev} in seconds, {@code ratio} of medians to
 * one worker with its CI, {@code verdict}), the throughput knee, the USL fit and the profile.
 */
public record InvestigateReport(int threshold, boolean settled, String explanation, double tolerance,
                                String predictedBy, int predictedWorkers, List<Integer> pinCpus, double otherBusyCpus,
                                List<Level> levels, Knee knee, UslFit usl, double seconds, String runDirectory,
                                WorkerMode mode, MachineProfile profile) {
    public InvestigateReport {
        pinCpus = Lists.copy(pinCpus);
        levels = Lists.copy(levels);
    }

    /** One measured level. */
    public record Level(int workers, int samples, double mean, double stddev, double median, double cv, double ratio,
                        double ratioLow, double ratioHigh, String verdict, boolean settled, double cpuMean,
                        double waitMean, DistributionComparison distribution) {
    }

    public static InvestigateReport of(InvestigateExperiment.Result r, List<TaskRecord> records, String runDirectory,
                                       WorkerMode mode) {
        Map<Integer, List<TaskRecord>> byLevel = records.stream().filter(TaskRecord::ok)
                .collect(Collectors.groupingBy(TaskRecord::level));
        List<Level> levels = r.detail().levels().stream().map(v -> level(v, byLevel.getOrDefault(v.workers(), List.of())))
                .toList();
        return new InvestigateReport(r.threshold(), r.settled(), r.explanation(), r.tolerance(), r.predictedBy(),
                r.predictedWorkers(), r.pinCpus(), r.otherBusyCpus(), levels, r.detail().knee(), r.detail().usl(),
                r.seconds(), runDirectory, mode, r.profile());
    }

    private static Level level(LevelVerdict v, List<TaskRecord> rs) {
        double cpu = rs.stream().mapToDouble(TaskRecord::cpuSeconds).filter(Double::isFinite).average().orElse(Double.NaN);
        double wait = rs.stream().mapToDouble(TaskRecord::waitSeconds).filter(Double::isFinite).average().orElse(Double.NaN);
        return new Level(v.workers(), v.n(), v.mean(), v.sd(), v.median(), v.cv(), v.ratio(), v.ratioLow(),
                v.ratioHigh(), v.verdict().name().toLowerCase(Locale.ROOT), v.settled(), cpu, wait,
                v.distribution());
    }
}
