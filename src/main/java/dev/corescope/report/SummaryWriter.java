package dev.corescope.report;

import dev.corescope.analysis.LevelSummary;
import dev.corescope.experiment.RunSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;

/** Writes {@code summary.json} (the whole document) and {@code summary.csv} (one row per level). */
public final class SummaryWriter {
    public static final String CSV_HEADER = "experiment,workers,trials,tasks,failures,total_s,mean_s,sd_s,cv,"
            + "median_s,min_s,max_s,ci95_low_s,ci95_high_s,cpu_per_task_s,wait_per_task_s,throughput_per_s,speedup,efficiency";

    private SummaryWriter() {
    }

    public static void write(RunDirectory dir, RunSummary summary) {
        try {
            Files.writeString(dir.file("summary.json"), Json.MAPPER.writeValueAsString(summary) + "\n",
                    StandardCharsets.UTF_8);
            Files.writeString(dir.file("summary.csv"), csv(summary), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the summary in " + dir.path() + ": " + e.getMessage(), e);
        }
    }

    public static String csv(RunSummary summary) {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        for (LevelSummary l : summary.levels()) {
            var t = l.perTask();
            sb.append(String.join(",", l.experiment(), i(l.workers()), i(l.trials()), i(l.tasks()), i(l.failures()),
                    d(l.totalSeconds()), d(t.mean()), d(t.sd()), d(t.cv()), d(t.median()), d(t.min()), d(t.max()),
                    d(t.ciLow()), d(t.ciHigh()), d(l.cpuPerTask()), d(l.waitPerTask()), d(l.throughput()),
                    d(l.speedup()), d(l.efficiency()))).append('\n');
        }
        return sb.toString();
    }

    private static String i(int v) {
        return Integer.toString(v);
    }

    private static String d(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "";
    }
}
