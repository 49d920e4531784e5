package dev.corescope.report;

import dev.corescope.analysis.LevelSummary;
import dev.corescope.analysis.Units;
import dev.corescope.experiment.RunSummary;
import dev.corescope.store.AtomicFile;
import dev.corescope.store.Json;
import dev.corescope.store.RunDirectory;
import dev.corescope.store.SummaryFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Writes {@code summary.json} (the whole document) and {@code summary.csv} (one row per level), for
 * every command: each file atomically ({@link AtomicFile}: temp file, fsync, {@code ATOMIC_MOVE}), the
 * JSON last. With a complete summary, {@code records.jsonl} is fsynced first, so the records a summary
 * describes are on disk before it. A partial summary (the run interrupted) never replaces a complete
 * one: writers of one directory take turns, and a partial one is dropped when {@code summary.json}
 * already says {@code "complete": true} — so a Ctrl-C just after the final summary leaves it alone.
 */
public final class SummaryWriter {
    public static final String CSV_HEADER = "experiment,workers,trials,tasks,failures,total_s,mean_s,sd_s,cv,"
            + "median_s,min_s,max_s,ci95_low_s,ci95_high_s,cpu_per_task_s,wait_per_task_s,throughput_per_s,speedup,efficiency";

    private SummaryWriter() {
    }

    /** Writes the run summary; returns false when a partial one was dropped beside a complete one. */
    public static boolean write(RunDirectory dir, RunSummary summary) {
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(summary) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise the summary: " + e.getMessage(), e);
        }
        return SummaryFiles.write(dir, summary.complete(), json, csv(summary));
    }

    public static String csv(RunSummary summary) {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        for (LevelSummary l : summary.levels()) {
            var t = l.perTask();
            sb.append(String.join(",", l.experiment(), i(l.workers()), i(l.trials()), i(l.tasks()), i(l.failures()),
                    Units.csv(l.totalSeconds()), Units.csv(t.mean()), Units.csv(t.sd()), Units.csv(t.cv()), Units.csv(t.median()), Units.csv(t.min()), Units.csv(t.max()),
                    Units.csv(t.ciLow()), Units.csv(t.ciHigh()), Units.csv(l.cpuPerTask()), Units.csv(l.waitPerTask()), Units.csv(l.throughput()),
                    Units.csv(l.speedup()), Units.csv(l.efficiency()))).append('\n');
        }
        return sb.toString();
    }

    private static String i(int v) {
        return Integer.toString(v);
    }
}
