package dev.corescope.report.html;

import static dev.corescope.report.html.HtmlTable.cell;

import dev.corescope.analysis.DistributionComparison;
import dev.corescope.analysis.Equivalence;
import dev.corescope.report.CheckCells;
import dev.corescope.analysis.SizeStats;
import dev.corescope.analysis.Units;
import dev.corescope.experiment.AssessResult;
import dev.corescope.experiment.Assessment.AlgorithmResult;
import dev.corescope.experiment.Assessment;
import dev.corescope.report.AssessLevels;
import dev.corescope.report.FitText;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code assess}: the plan and the verdicts; per algorithm its per-size statistics, the complexity fits,
 * the check against one worker (the one-worker phase of older versions too), and the batches.
 */
final class AssessSection implements ResultSection {
    private final AssessResult result;

    AssessSection(AssessResult result) {
        this.result = result;
    }

    @Override
    public String verdictTitle() {
        return "Assessment";
    }

    @Override
    public void verdict(Html out) {
        Assessment a = result.analysis();
        if (a == null) {
            return;
        }
        Assessment.Plan p = a.plan();
        out.raw("<div class=\"verdict neutral\">\n<p class=\"big\">");
        List<String> facts = new ArrayList<>();
        facts.add("<b>" + Html.escape(AssessLevels.measuredAt(a)) + "</b>"
                + (p.workersSource() != null ? " (" + Html.escape(p.workersSource()) + ")" : ""));
        if (p.mode() != null) {
            facts.add(Html.escape(p.mode().label()));
        }
        facts.add(p.repeats() + " repeats per size");
        facts.add("sizes " + Html.escape(String.join(", ", p.sizes().stream().map(String::valueOf).toList())));
        out.raw(String.join(" · ", facts)).raw("</p>\n<ul class=\"facts\">\n");
        if (Double.isFinite(a.throughput())) {
            out.li("Throughput: " + Units.format("%.2f", a.throughput()) + " tasks/s");
        }
        out.li(a.speedupNote());
        result.findings().forEach(out::li);
        Assessment.Pin pin = a.method() == null ? null : a.method().pinning();
        if (pin != null) {
            out.li(pin.pinned() ? "Workers pinned to CPUs " + String.join(", ", pin.cpus().stream().map(String::valueOf)
                    .toList()) : "Workers not pinned");
        }
        out.raw("</ul>\n").caption("Warm-up, task order, CI method: see the notes.").raw("</div>\n");
    }

    @Override
    public void results(Html out) {
        Assessment a = result.analysis();
        if (a != null) {
            a.algorithms().forEach(alg -> sizes(out, alg));
            if (dev.corescope.report.SideBySide.applies(a)) {
                out.raw("<h3>Side by side</h3>\n").caption(Html.escape(dev.corescope.report.SideBySide.HEADING));
                HtmlTable.of(dev.corescope.report.SideBySide.table(a)).render(out);
            }
            fits(out, a.algorithms());
            oldVerification(out, a.algorithms());
            checks(out, a.algorithms());
        }
        if (result.measured() != null) {
            LevelTable.render(out, result.measured().levels(), a != null ? "Batches" : null,
                    result.remarks().refusals());
        }
    }

    private static void sizes(Html out, AlgorithmResult alg) {
        out.raw("<h3>").text(alg.algorithm()).raw("</h3>\n");
        List<String> facts = new ArrayList<>();
        if (alg.workload() != null && !alg.workload().equals(alg.algorithm())) {
            String command = dev.corescope.workload.CommandWorkload.describe(alg.workload());
            facts.add(command != null ? command : "workload " + alg.workload());
        }
        facts.add(alg.tasks() + " tasks" + (alg.failed() > 0 ? " (" + alg.failed() + " failed)" : ""));
        if (Double.isFinite(alg.wallSeconds())) {
            facts.add("in " + Units.format("%.3f", alg.wallSeconds()) + " s");
        }
        if (Double.isFinite(alg.throughput())) {
            facts.add(Units.format("%.2f", alg.throughput()) + " tasks/s");
        }
        if (Double.isFinite(alg.speedup())) {
            facts.add("speedup over one worker " + Units.format("%.2f", alg.speedup()) + "x");
        }
        out.caption(Html.escape(String.join(" · ", facts)));
        HtmlTable t = new HtmlTable("size", "n", "failed", "mean ms", "sd ms", "CV", "median ms", "min ms", "max ms",
                "95% CI of mean (ms)", "outliers (kept)");
        for (SizeStats s : alg.sizes()) {
            t.row(cell(s.size()), cell(s.count()), cell(s.failed()), cell(Units.ms(s.mean())), cell(Units.ms(s.sd())),
                    cell(Units.pct(s.cv())), cell(Units.ms(s.median())), cell(Units.ms(s.min())), cell(Units.ms(s.max())),
                    cell(Double.isFinite(s.ciLow()) ? Units.ms(s.ciLow()) + " – " + Units.ms(s.ciHigh()) : "-"),
                    cell(s.outlierRepeats().size()));
        }
        t.render(out);
    }

    private static void fits(Html out, List<AlgorithmResult> algorithms) {
        out.raw("<h3>Complexity fit</h3>\n")
                .caption("Models O(1), O(log n), O(n), O(n log n), O(n²), O(n³) as t = intercept + constant·f(n), a power "
                        + "law c·n<sup>k</sup> and an exponential c·b<sup>n</sup>, chosen by leave-one-out cross-validation; "
                        + "a model fits when its worst residual is within 25%, R² of ln t at least 0.9 and its residuals "
                        + "do not curve (docs/method.md §5).");
        HtmlTable fit = new HtmlTable(FitText.HEADER.toArray(String[]::new));
        for (AlgorithmResult alg : algorithms) {
            List<HtmlTable.Cell> row = new ArrayList<>();
            row.add(cell(alg.algorithm()));
            FitText.cells(alg.fit()).forEach(c -> row.add(cell(c)));
            fit.row(row.toArray(HtmlTable.Cell[]::new));
        }
        fit.render(out);
    }

    /** The separate one-worker phase of the versions before the in-run check. */
    private static void oldVerification(Html out, List<AlgorithmResult> algorithms) {
        HtmlTable verify = new HtmlTable("algorithm", "size", "tasks P/1", "mean ratio P/1", "95% CI", "sd ratio P/1",
                "95% CI");
        for (AlgorithmResult alg : algorithms) {
            for (Assessment.Verification v : alg.verify()) {
                Assessment.Ratios r = v.ratios();
                verify.row(cell(alg.algorithm()), cell(v.size()), cell(r.parallelCount() + "/" + r.singleCount()),
                        cell(Units.num(r.meanRatio(), 3)),
                        cell(Units.num(r.meanRatioLow(), 3) + " – " + Units.num(r.meanRatioHigh(), 3)),
                        cell(Units.num(r.sdRatio(), 2)), cell(Units.num(r.sdRatioLow(), 2) + " – "
                                + Units.num(r.sdRatioHigh(), 2)));
            }
        }
        if (!verify.isEmpty()) {
            out.raw("<h3>Verification against one worker</h3>\n").caption("The same tasks on one worker: a ratio near 1 "
                    + "means no bias and no added noise.");
            verify.render(out);
        }
    }

    private static void checks(Html out, List<AlgorithmResult> algorithms) {
        HtmlTable check = new HtmlTable("algorithm", "workers", "tasks/controls", "location [CI] ≤ margin",
                "spread [CI] ≤ margin", "tail events [CI] ≤ margin", "verdict");
        HtmlTable speed = new HtmlTable("algorithm", "workers", "speedup [95% CI]", "harness CPU",
                "disturbed (parallel, controls)");
        for (AlgorithmResult alg : algorithms) {
            if (alg.certification() == null) {
                continue;
            }
            for (Assessment.Attempt at : alg.certification().attempts()) {
                String[] c = CheckCells.of(at);
                String kind = at.equivalence() == null ? (at.comparison() == null ? null : String.valueOf(at.comparison().verdict()))
                        : at.equivalence().verdict() == Equivalence.EquivalenceVerdict.EQUIVALENT && !(at.occupancy() < 0.9) ? "OK"
                        : at.equivalence().verdict() == Equivalence.EquivalenceVerdict.DIFFERENT ? "WORSE" : "UNSETTLED";
                check.row(cell(alg.algorithm()), cell(at.level()), cell(c[0]), cell(c[1]), cell(c[2]), cell(c[3]),
                        HtmlTable.badge(c[4], HtmlTable.verdictKind(kind)));
            }
            var cert = alg.certification();
            if (cert.speed() != null || cert.harness() != null) {
                var s = cert.speed();
                var h = cert.harness();
                var d = cert.disturbed();
                speed.row(cell(alg.algorithm()), cell(cert.level()), cell(s == null ? "-" : s.text()),
                        cell(h == null ? "-" : Units.num(100 * h.share(), 2) + "% (worst stretch "
                                + Units.num(100 * h.worstStretchShare(), 2) + "%)"),
                        cell(d == null ? "-" : d.parallel() + "/" + d.parallelTasks() + ", " + d.controls() + "/"
                                + d.controlTasks()));
            }
        }
        if (!check.isEmpty()) {
            out.raw("<h3>Check against one worker alone</h3>\n").caption("Blocks of a parallel stretch and one-worker "
                    + "controls of its own tasks: each statistic's interval must lie inside its margin (the limit, or the "
                    + "one worker's own A/A band when wider).");
            check.render(out);
        }
        if (!speed.isEmpty()) {
            out.raw("<h3>Speed and harness</h3>\n").caption("Speedup at the level over one worker, measured on the "
                    + "controls; corescope's own CPU time against the workers'; tasks whose run-queue wait marked them "
                    + "disturbed.");
            speed.render(out);
        }
    }

    /** {@code ×1.01 [0.99 – 1.03]}. */
    private static String ratio(DistributionComparison.Ratio r) {
        if (r == null) {
            return "-";
        }
        return Double.isFinite(r.low()) && Double.isFinite(r.high())
                ? "×" + Units.num(r.point(), 2) + " [" + Units.num(r.low(), 2) + " – " + Units.num(r.high(), 2) + "]"
                : "×" + Units.num(r.point(), 2);
    }
}
