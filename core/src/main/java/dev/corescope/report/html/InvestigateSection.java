package dev.corescope.report.html;

import static dev.corescope.report.html.HtmlTable.cell;

import dev.corescope.analysis.DistributionComparison;
import dev.corescope.analysis.Units;
import dev.corescope.experiment.InvestigateReport;
import dev.corescope.experiment.InvestigateResult;
import java.util.ArrayList;
import java.util.List;

/** {@code investigate}: the threshold with its facts, findings and explanation; the measured levels. */
final class InvestigateSection implements ResultSection {
    private final InvestigateResult result;

    InvestigateSection(InvestigateResult result) {
        this.result = result;
    }

    @Override
    public String verdictTitle() {
        return "Threshold verdict";
    }

    @Override
    public void verdict(Html out) {
        InvestigateReport a = result.analysis();
        if (a == null) {
            return;
        }
        int threshold = a.threshold();
        out.raw("<div class=\"verdict ").raw(a.settled() ? "good" : "warn").raw("\">\n<p class=\"big\">Threshold: <b>")
                .text(threshold).raw(" worker").raw(threshold == 1 ? "" : "s").raw("</b>")
                .raw(a.settled() ? "" : " <span class=\"badge warn\">not fully settled within the sample budget</span>")
                .raw("</p>\n<p>").text(String.join(" · ", facts(a))).raw("</p>\n");
        // the first finding is the threshold line above, the explanation has a paragraph of its own
        List<String> findings = result.findings().stream().skip(1).filter(f -> !f.equals(a.explanation())).toList();
        out.list(findings, "facts");
        if (a.explanation() != null) {
            out.raw("<p class=\"explanation\">").text(a.explanation()).raw("</p>\n");
        }
        out.raw("</div>\n");
    }

    private static List<String> facts(InvestigateReport a) {
        List<String> facts = new ArrayList<>();
        if (Double.isFinite(a.tolerance())) {
            facts.add("tolerance " + Units.format("%.0f%%", 100 * a.tolerance()));
        }
        if (a.mode() != null) {
            facts.add(a.mode().label() + " mode");
        }
        if (a.predictedBy() != null) {
            facts.add("the profile predicted " + a.predictedWorkers() + " (" + a.predictedBy() + ")");
        }
        if (!a.pinCpus().isEmpty()) {
            facts.add("pin to CPU" + (a.pinCpus().size() == 1 ? " " : "s ")
                    + String.join(", ", a.pinCpus().stream().map(String::valueOf).toList()));
        }
        if (Double.isFinite(a.otherBusyCpus())) {
            facts.add("other work kept " + Units.format("%.1f", a.otherBusyCpus()) + " CPUs busy");
        }
        if (Double.isFinite(a.seconds())) {
            facts.add("verdict in " + Units.format("%.2f", a.seconds()) + " s of measurement");
        }
        return facts;
    }

    @Override
    public void results(Html out) {
        InvestigateReport a = result.analysis();
        if (a == null) {
            if (result.measured() != null) {
                LevelTable.render(out, result.measured().levels(), null, result.remarks().refusals());
            }
            return;
        }
        if (a.levels().stream().anyMatch(l -> l.distribution() != null)) {
            distributions(out, a);
            return;
        }
        out.caption("Per-task times at each measured level, against one worker alone: the worst-off worker's time "
                + "(trimmed mean of its rounds) over one worker's, with its 95% CI (the lower end simultaneous over the "
                + "level's workers); <i>ok</i> = every worker no worse than one worker within the tolerance.");
        HtmlTable t = new HtmlTable("workers", "samples", "mean s", "sd s", "CV", "median s", "ratio", "95% CI",
                "cpu/task s", "wait/task s", "verdict");
        for (InvestigateReport.Level l : a.levels()) {
            String verdict = l.verdict();
            t.row(cell(l.workers()), cell(l.samples()), cell(Units.sec(l.mean())), cell(Units.sec(l.stddev())),
                    cell(Units.pct(l.cv())), cell(Units.sec(l.median())), cell(Units.num(l.ratio(), 3)),
                    cell(l.workers() == 1 ? "-" : Units.num(l.ratioLow(), 3) + " – " + Units.num(l.ratioHigh(), 3)),
                    cell(Units.sec(l.cpuMean())), cell(Units.sec(l.waitMean())),
                    HtmlTable.badge(verdict == null ? "-" : verdict + (l.settled() ? "" : " (unsettled)"),
                            HtmlTable.verdictKind(verdict)));
        }
        t.render(out);
    }

    /** A workload's levels: every ratio that decided them, with the intervals of the console's table. */
    private static void distributions(Html out, InvestigateReport a) {
        double sdLimit = a.verdict().sdLimit();
        out.caption("Task times at each measured level against one worker alone at the same sizes: the mean, median "
                + "and sd ratios with their 95% bootstrap intervals; <i>ok</i> = mean and median within the tolerance "
                + (Double.isFinite(a.tolerance()) ? Units.format("(×%.2f)", 1 + a.tolerance()) : "")
                + " and the spread within the sd limit" + (sdLimit >= 1 ? Units.format(" (×%.2f)", sdLimit) : "") + ".");
        HtmlTable t = new HtmlTable("workers", "samples", "CV", "mean ratio [95% CI]", "median ratio [95% CI]",
                "sd ratio [95% CI]", "cpu/task s", "wait/task s", "verdict");
        for (InvestigateReport.Level l : a.levels()) {
            DistributionComparison d = l.distribution();
            String verdict = l.verdict();
            t.row(cell(l.workers()), cell(l.samples()), cell(Units.pct(l.cv())), cell(d == null ? "-" : d.mean().text()),
                    cell(d == null ? "-" : d.median().text()), cell(d == null ? "-" : d.sd().text()),
                    cell(Units.sec(l.cpuMean())), cell(Units.sec(l.waitMean())),
                    HtmlTable.badge(verdict == null ? "-" : verdict + (l.settled() ? "" : " (unsettled)")
                            + (d != null && d.reason() != null && "worse".equals(verdict) ? ": " + d.reason() : ""),
                            HtmlTable.verdictKind(verdict)));
        }
        t.render(out);
    }
}
