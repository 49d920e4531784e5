package dev.corescope.report;

import dev.corescope.analysis.DistributionComparison;
import dev.corescope.analysis.LevelSummary;
import dev.corescope.analysis.Units;
import dev.corescope.exec.WorkerMode;
import dev.corescope.experiment.InvestigateReport;
import dev.corescope.experiment.Measured;
import dev.corescope.experiment.Remarks;
import dev.corescope.experiment.RunResult;
import dev.corescope.experiment.SanityGate;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The console tables of level runs and investigations, and the footer every command prints. */
public final class ConsoleReport {
    /** What a table shows in place of a figure the sanity layer refused. */
    public static final String REFUSED = "refused";

    private ConsoleReport() {
    }

    public static Table levelTable(List<LevelSummary> levels, boolean withExperiment) {
        return levelTable(levels, withExperiment, List.of());
    }

    /**
     * The levels, with {@code refused} in place of the speedup, efficiency and CPU time of a level the sanity
     * layer refused ({@code refusals}: the result's, each "subject: reason").
     */
    public static Table levelTable(List<LevelSummary> levels, boolean withExperiment, List<String> refusals) {
        Table t = withExperiment
                ? new Table("strategy", "workers", "tasks", "total s", "mean s", "sd s", "CV", "min s", "max s",
                "cpu/task s", "wait/task s", "speedup", "efficiency")
                : new Table("workers", "tasks", "total s", "mean s", "sd s", "CV", "min s", "max s", "cpu/task s",
                "wait/task s", "speedup", "efficiency");
        for (LevelSummary l : levels) {
            var p = l.perTask();
            SanityGate.Marks m = SanityGate.marks(refusals, l.experiment(), l.workers());
            Object[] cells = {l.workers(), l.tasks() + (l.failures() > 0 ? " (" + l.failures() + " failed)" : ""),
                Units.sec(l.totalSeconds()), m.times() ? REFUSED : Units.sec(p.mean()), Units.sec(p.sd()), Units.pct(p.cv()),
                Units.sec(p.min()), Units.sec(p.max()), m.cpu() ? REFUSED : Units.sec(l.cpuPerTask()),
                Units.sec(l.waitPerTask()), m.scaling() ? REFUSED : Units.num(l.speedup(), 2),
                m.scaling() ? REFUSED : Units.pct(l.efficiency())};
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
    public static void printRun(PrintStream out, RunResult r, Measured s, Table table, String detail) {
        if (s.calibration() != null) {
            out.println(s.calibration().describe());
        }
        out.println("workload: " + s.workload() + ", mode: " + s.mode() + ", " + detail);
        out.print(table.render());
        printFooter(out, s, r.remarks());
    }

    /** The notes, the worker JVMs' start costs, the pools' events, the warnings and the failures. */
    public static void printFooter(PrintStream out, Measured s, Remarks remarks) {
        for (String note : remarks.refused() ? SanityGate.findings(remarks) : remarks.notes()) {
            out.println(note);
        }
        if (s.mode() == WorkerMode.PROCESSES && !s.workerStartMillis().isEmpty()) {
            double max = s.workerStartMillis().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            double mean = s.workerStartMillis().stream().mapToDouble(Double::doubleValue).average().orElse(0);
            out.printf(Locale.ROOT, "Worker JVMs: %d started in parallel, %.0f ms each on average (slowest %.0f ms); not counted in task times.%n",
                    s.workerStartMillis().size(), mean, max);
        }
        for (String e : remarks.events()) {
            out.println("Event: " + e);
        }
        remarks.warnings().forEach(w -> out.println("Warning: " + w));
        if (remarks.failures() > 0) {
            out.println(remarks.failures() + " task(s) failed:");
            remarks.failureReasons().forEach(f -> out.println("  " + f));
        }
    }

    /**
     * The levels of an investigation: rounds and tasks, the worst-off worker's ratio to one worker with its
     * interval, or for a workload its three ratios.
     */
    public static Table investigateTable(InvestigateReport r) {
        if (r.levels().stream().anyMatch(l -> l.distribution() != null)) {
            return distributionTable(r);
        }
        Table t = new Table("workers", "rounds", "samples", "mean s", "sd s", "CV", "median s", "ratio", "95% CI",
                "cpu/task s", "wait/task s", "verdict");
        for (InvestigateReport.Level l : r.levels()) {
            t.row(l.workers(), l.worst() == null ? "-" : l.worst().rounds(), l.samples(), Units.sec(l.mean()),
                    Units.sec(l.stddev()), Units.pct(l.cv()),
                    Units.sec(l.median()), Units.num(l.ratio(), 3),
                    l.workers() == 1 ? "-" : Units.num(l.ratioLow(), 3) + "-" + Units.num(l.ratioHigh(), 3),
                    Units.sec(l.cpuMean()), Units.sec(l.waitMean()), l.verdict() + (l.settled() ? "" : " (unsettled)"));
        }
        return t;
    }

    /** A workload's levels: times relative to one worker at the same size, and the three ratios. */
    private static Table distributionTable(InvestigateReport r) {
        Table t = new Table("workers", "samples", "CV", "mean ratio [95% CI]", "median ratio [95% CI]",
                "sd ratio [95% CI]", "cpu/task s", "wait/task s", "verdict");
        for (InvestigateReport.Level l : r.levels()) {
            DistributionComparison d = l.distribution();
            t.row(l.workers(), l.samples(), Units.pct(l.cv()), d == null ? "-" : d.mean().text(),
                    d == null ? "-" : d.median().text(), d == null ? "-" : d.sd().text(), Units.sec(l.cpuMean()),
                    Units.sec(l.waitMean()), l.verdict() + (l.settled() ? "" : " (unsettled)"));
        }
        return t;
    }
}
