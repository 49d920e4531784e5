package dev.corescope.experiment;

import dev.corescope.analysis.LevelSummary;
import dev.corescope.analysis.Units;
import dev.corescope.exec.WorkerMode;
import java.util.List;

/**
 * What a run on one worker pool measured: the worker mode, the workload, the spin calibration (null for
 * other workloads), the worker start costs in ms (not counted in task times), and one summary per
 * (experiment, level).
 */
public record Measured(WorkerMode mode, String workload, Calibration calibration, List<Double> workerStartMillis,
                       List<LevelSummary> levels) {
    public static final String CSV_HEADER = "experiment,workers,trials,tasks,failures,total_s,mean_s,sd_s,cv,"
            + "median_s,min_s,max_s,ci95_low_s,ci95_high_s,cpu_per_task_s,wait_per_task_s,throughput_per_s,speedup,efficiency";

    public Measured {
        workerStartMillis = Lists.copy(workerStartMillis);
        levels = Lists.copy(levels);
    }

    /** {@code summary.csv}: one row per (experiment, level). */
    public String csv() {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        for (LevelSummary l : levels) {
            var t = l.perTask();
            sb.append(String.join(",", l.experiment(), Integer.toString(l.workers()), Integer.toString(l.trials()),
                    Integer.toString(l.tasks()), Integer.toString(l.failures()), Units.csv(l.totalSeconds()),
                    Units.csv(t.mean()), Units.csv(t.sd()), Units.csv(t.cv()), Units.csv(t.median()), Units.csv(t.min()),
                    Units.csv(t.max()), Units.csv(t.ciLow()), Units.csv(t.ciHigh()), Units.csv(l.cpuPerTask()),
                    Units.csv(l.waitPerTask()), Units.csv(l.throughput()), Units.csv(l.speedup()),
                    Units.csv(l.efficiency()))).append('\n');
        }
        return sb.toString();
    }
}
