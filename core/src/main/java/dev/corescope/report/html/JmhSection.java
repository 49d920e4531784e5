package dev.corescope.report.html;

import static dev.corescope.report.html.HtmlTable.cell;

import dev.corescope.analysis.Units;
import dev.corescope.experiment.JmhResult;
import dev.corescope.experiment.jmh.JmhRun;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code jmh}: the level's verdict and the time saved; each benchmark's result, the control checks, the failures. */
final class JmhSection implements ResultSection {
    private final JmhResult result;

    JmhSection(JmhResult result) {
        this.result = result;
    }

    @Override
    public String verdictTitle() {
        return "Certified JMH results";
    }

    @Override
    public void verdict(Html out) {
        if (!result.findings().isEmpty()) {
            out.raw("<div class=\"verdict neutral\">\n").list(result.findings(), "facts").raw("</div>\n");
        }
    }

    @Override
    public void results(Html out) {
        JmhRun run = result.jmh();
        if (run == null) {
            return;
        }
        JmhRun.Setup s = run.setup();
        out.list(List.of("Benchmarks: " + s.source() + (s.jmhVersion() == null ? "" : " (JMH " + s.jmhVersion() + ")"),
                "JMH options: " + (s.jmhOptions().isEmpty() ? "none (JMH's defaults and the annotations)"
                        : String.join(" ", s.jmhOptions())),
                "Workers: " + s.workers() + " (" + s.workersSource() + ")" + (s.finalWorkers() != s.workers()
                        ? ", " + s.finalWorkers() + " at the end" : "") + "; " + s.pinning()), "facts");
        out.caption("Score and error as JMH computes them over the reported forks (error: half-width of the 99.9% "
                + "interval). Certified: yes = measured at a certified level; solo = measured alone; solo (rerun) = "
                + "rerun alone after its level failed.");
        HtmlTable t = new HtmlTable("benchmark", "params", "mode", "forks", "cnt", "score", "error", "units", "certified");
        for (JmhRun.Benchmark b : run.benchmarks()) {
            String params = b.params().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
            t.row(cell(b.benchmark()), cell(params.isEmpty() ? "-" : params), cell(b.mode()), cell(b.forks().size()),
                    cell(b.samples()), cell(b.failed() ? "FAILED" : num(b.score())),
                    cell(Double.isFinite(b.scoreError()) ? "± " + num(b.scoreError()) : "-"), cell(b.unit()),
                    HtmlTable.badge(b.certified(), kind(b.certified())));
        }
        t.render(out);
        for (JmhRun.Level l : run.certification().levels()) {
            out.caption("Level " + l.workers() + ": " + Html.escape(l.verdict()) + " (" + Html.escape(l.reason()) + "). "
                    + l.blocks().size() + " forks measured partly alone and partly beside others: " + Html.escape(
                    String.join(", ", l.blocks())) + ". Ratios: beside others over alone, as a time (above 1: slower "
                    + "beside others).");
            if (l.location() != null) {
                HtmlTable c = new HtmlTable("statistic", "estimate", "interval", "margin", "A/A band");
                c.row(cell("location (trimmed mean)"), cell(Units.num(l.location().point(), 3)), cell(range(l.location())),
                        cell("×" + Units.num(l.location().margin(), 3)), cell(aa(l.location())));
                c.row(cell("spread (IQR)"), cell(Units.num(l.spread().point(), 3)), cell(range(l.spread())),
                        cell("×" + Units.num(l.spread().margin(), 3)), cell(aa(l.spread())));
                c.row(cell("tail (excess rate)"), cell(Units.pct(l.tail().point())), cell(Units.pct(l.tail().low()) + " – "
                        + Units.pct(l.tail().high())), cell(Units.pct(l.tail().margin())), cell(Units.pct(l.tail().aaLow())
                        + " – " + Units.pct(l.tail().aaHigh())));
                c.render(out);
            }
        }
        out.list(List.of("Test: " + run.certification().test()), "notes");
        if (!run.certification().steps().isEmpty()) {
            out.list(run.certification().steps(), "notes");
        }
        JmhRun.Timing tm = run.timing();
        out.list(List.of(String.format(Locale.ROOT, "%d jobs (%d controls, %d reruns); wall %s; the reported forks "
                        + "summed %s; controls alone %s; reruns %s.", tm.jobs(), tm.controls(), tm.reruns(),
                Units.human(tm.wallSeconds()), Units.human(tm.forkSeconds()), Units.human(tm.controlSeconds()),
                Units.human(tm.rerunSeconds()))), "facts");
        if (!run.failures().isEmpty()) {
            HtmlTable f = new HtmlTable("job", "benchmark", "status", "reason");
            run.failures().forEach(x -> f.row(cell(x.job()), cell(x.benchmark()), HtmlTable.badge(x.status(), "bad"),
                    cell(x.reason())));
            f.render(out);
        }
    }

    private static String range(dev.corescope.analysis.Equivalence.Statistic s) {
        return Units.num(s.low(), 3) + " – " + Units.num(s.high(), 3);
    }

    private static String aa(dev.corescope.analysis.Equivalence.Statistic s) {
        return Double.isFinite(s.aaLow()) ? Units.num(s.aaLow(), 3) + " – " + Units.num(s.aaHigh(), 3) : "-";
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String kind(String certified) {
        if (certified.endsWith("yes") || certified.startsWith("solo")) {
            return "good";
        }
        return certified.equals("failed") || certified.endsWith("no") ? "bad" : "warn";
    }
}
