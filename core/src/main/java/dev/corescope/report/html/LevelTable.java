package dev.corescope.report.html;

import static dev.corescope.report.html.HtmlTable.cell;

import dev.corescope.analysis.LevelSummary;
import dev.corescope.analysis.SampleStats;
import dev.corescope.analysis.Units;
import java.util.ArrayList;
import java.util.List;

/** The per-level table every run with levels shows: times, CPU and wait per task, speedup, efficiency. */
final class LevelTable {
    private LevelTable() {
    }

    /** @param heading a heading above the table, or null */
    static void render(Html out, List<LevelSummary> levels, String heading) {
        render(out, levels, heading, List.of());
    }

    /** The same, "refused" in place of the figures {@code refusals} (the result's) take away. */
    static void render(Html out, List<LevelSummary> levels, String heading, List<String> refusals) {
        if (levels.isEmpty()) {
            return;
        }
        boolean several = levels.stream().map(LevelSummary::experiment).distinct().count() > 1;
        boolean trials = levels.stream().anyMatch(l -> l.trials() > 1);
        if (heading != null) {
            out.raw("<h3>").text(heading).raw("</h3>\n");
        }
        out.caption("Per concurrency level, times in seconds: total wall time, per-task time statistics (95% CI of the "
                + "mean), CPU time and run-queue wait per task; speedup and efficiency against one worker (per-level "
                + "medians and throughput: <code>summary.csv</code>).");
        List<String> headers = new ArrayList<>(List.of("workers", "tasks", "total", "mean", "sd", "CV", "95% CI",
                "min – max", "cpu/task", "wait/task", "speedup", "efficiency"));
        if (trials) {
            headers.add(1, "trials");
        }
        if (several) {
            headers.add(0, "experiment");
        }
        HtmlTable t = new HtmlTable(headers);
        for (LevelSummary l : levels) {
            SampleStats p = l.perTask();
            int failed = l.failures();
            double mean = p.mean();
            var m = dev.corescope.experiment.SanityGate.marks(refusals, l.experiment(), l.workers());
            String refused = dev.corescope.report.ConsoleReport.REFUSED;
            List<HtmlTable.Cell> cells = new ArrayList<>(List.of(cell(l.workers()),
                    new HtmlTable.Cell(l.tasks() + (failed > 0 ? " (" + failed + " failed)" : ""), failed > 0 ? "n bad" : "n"),
                    cell(Units.sec(l.totalSeconds())), cell(m.times() ? refused : Units.sec(mean)), cell(Units.sec(p.sd())),
                    cell(Units.pct(p.sd() / mean)),
                    cell(Double.isFinite(p.ciLow()) ? Units.sec(p.ciLow()) + " – " + Units.sec(p.ciHigh()) : "-"),
                    cell(Units.sec(p.min()) + " – " + Units.sec(p.max())),
                    cell(m.cpu() ? refused : Units.sec(l.cpuPerTask())), cell(Units.sec(l.waitPerTask())),
                    cell(m.scaling() ? refused : Units.num(l.speedup(), 2)),
                    cell(m.scaling() ? refused : Units.pct(l.efficiency()))));
            if (trials) {
                cells.add(1, cell(l.trials()));
            }
            if (several) {
                cells.add(0, cell(l.experiment()));
            }
            t.row(cells);
        }
        t.render(out);
    }
}
