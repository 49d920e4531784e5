package dev.corescope.report;

import dev.corescope.analysis.LevelSummary;
import dev.corescope.analysis.Units;
import dev.corescope.experiment.RunSummary;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The human-readable report of a sweep/rounds run: the per-level table, notes, start costs, failures. */
public final class ConsoleReport {
    private ConsoleReport() {
    }

    public static Table levelTable(List<LevelSummary> levels, boolean withExperiment) {
        Table t = withExperiment
                ? new Table("strategy", "workers", "tasks", "total s", "mean s", "sd s", "CV", "min s", "max s",
                "cpu/task s", "wait/task s", "speedup", "efficiency")
                : new Table("workers", "tasks", "total s", "mean s", "sd s", "CV", "min s", "max s", "cpu/task s",
                "wait/task s", "speedup", "efficiency");
        for (LevelSummary l : levels) {
            var p = l.perTask();
            Object[] cells = {l.workers(), l.tasks() + (l.failures() > 0 ? " (" + l.failures() + " failed)" : ""),
                Units.sec(l.totalSeconds()), Units.sec(p.mean()), Units.sec(p.sd()), Units.pct(p.cv()), Units.sec(p.min()),
                Units.sec(p.max()), Units.sec(l.cpuPerTask()), Units.sec(l.waitPerTask()), Units.num(l.speedup(), 2),
                Units.pct(l.efficiency())};
            if (withExperiment) {
                Object[] all = new Object[cells.length + 1];
                all[0] = l.experiment();
                System.arraycopy(cells, 0, all, 1, cells.length);
                t.row(all);
            } else {
                t.row(cells);
            }
        }
        return t;
    }

    /** The text report of a level run: calibration, what ran, the table, then {@link #printFooter}. */
    public static void printRun(PrintStream out, RunSummary s, Table table, String detail) {
        if (s.calibration() != null) {
            out.println(s.calibration().describe());
        }
        out.println("workload: " + s.workload() + ", mode: " + s.mode() + ", " + detail);
        out.print(table.render());
        printFooter(out, s);
    }

    public static void printFooter(PrintStream out, RunSummary s) {
        for (String note : s.notes()) {
            out.println(note);
        }
        if ("processes".equals(s.mode()) && !s.workerStartMillis().isEmpty()) {
            double max = s.workerStartMillis().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            double mean = s.workerStartMillis().stream().mapToDouble(Double::doubleValue).average().orElse(0);
            out.printf(Locale.ROOT, "Worker JVMs: %d started in parallel, %.0f ms each on average (slowest %.0f ms); not counted in task times.%n",
                    s.workerStartMillis().size(), mean, max);
        }
        for (String e : s.events()) {
            out.println("Event: " + e);
        }
        if (s.warnings() != null) {
            s.warnings().forEach(w -> out.println("Warning: " + w));
        }
        if (s.failures() > 0) {
            out.println(s.failures() + " task(s) failed:");
            s.failureReasons().forEach(r -> out.println("  " + r));
        }
    }
}
