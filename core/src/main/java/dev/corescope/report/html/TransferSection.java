package dev.corescope.report.html;

import static dev.corescope.report.html.HtmlTable.cell;

import dev.corescope.analysis.TransferCell;
import dev.corescope.analysis.Units;
import dev.corescope.experiment.TransferResult;

/** {@code transfer}: when parallelism pays (the findings); the calibrations and the table of cells. */
final class TransferSection implements ResultSection {
    private final TransferResult result;

    TransferSection(TransferResult result) {
        this.result = result;
    }

    @Override
    public String verdictTitle() {
        return "When parallelism pays";
    }

    @Override
    public void verdict(Html out) {
        if (!result.findings().isEmpty()) {
            out.raw("<div class=\"verdict neutral\">\n").list(result.findings(), "facts").raw("</div>\n");
        }
    }

    @Override
    public void results(Html out) {
        if (result.cells().isEmpty()) {
            return;
        }
        out.list(result.calibrations().stream().map(TransferResult.Calibrated::description).toList(), "facts");
        out.caption("seq / par: wall time of the cell's tasks on one thread / on "
                + (result.setup() == null ? "N" : Html.escape(String.valueOf(result.setup().workers())))
                + " workers; overhead columns: mean per task in ms (worker JVMs only, except dispatch); "
                + "GB/s: payload bytes / transfer span.");
        HtmlTable t = new HtmlTable("mode", "work", "result", "tasks", "task ms", "seq s", "par s", "speedup", "dispatch",
                "serialize", "transfer", "deserialize", "GB/s", "failures");
        for (TransferCell c : result.cells()) {
            TransferCell.Overhead o = c.overhead() != null ? c.overhead()
                    : new TransferCell.Overhead(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            double speedup = c.speedup();
            t.row(cell(c.mode()), cell(Units.duration(c.durationSeconds())), cell(Units.bytes(c.sizeBytes())),
                    cell(c.tasks()), cell(Units.num(c.taskMs(), 3)), cell(Units.sec(c.sequentialSeconds())),
                    cell(Units.sec(c.parallelSeconds())),
                    new HtmlTable.Cell(Units.num(speedup, 2), Double.isFinite(speedup) ? speedup < 1 ? "n bad" : "n good"
                            : "n"),
                    cell(Units.num(o.dispatchMs(), 3)), cell(Units.num(o.serializeMs(), 3)),
                    cell(Units.num(o.transferMs(), 3)), cell(Units.num(o.deserializeMs(), 3)),
                    cell(Units.num(c.transferGBps(), 2)), cell(c.failures()));
        }
        t.render(out);
    }
}
