package dev.corescope.cli;

import dev.corescope.report.RunComparison;
import dev.corescope.report.jmh.JmhComparison;
import dev.corescope.report.html.HtmlReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code corescope compare RUN_A RUN_B}: change detection between two runs, for CI pipelines. */
@Command(name = "compare",
        description = {"Compare the measured tasks of two run directories (no warm-ups, no one-worker controls, no "
                + "abandoned levels), matched on experiment, workers, size and transfer's cell, and compared only where "
                + "the workload (name and parameters) and the worker mode agree: ratio of mean task times with a "
                + "bootstrap 95%% CI and a verdict decided by the interval (faster / slower beyond --noise, no change "
                + "within it, inconclusive across it). Figures the sanity checks refuse are shown as refused.",
                "Two jmh runs, or a jmh run and a JMH result file (-rf json), compare per benchmark result by JMH's 99.9%% "
                + "intervals. Exits 1 on a refused measurement, or on a regression beyond --fail-above; 2 when nothing can be "
                        + "compared."})
public final class CompareCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    HelpOption help;

    @Parameters(index = "0", paramLabel = "RUN_A", description = "The baseline run directory (or JMH result file).")
    Path before;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "The run to compare with it.")
    Path after;

    @Option(names = "--noise", paramLabel = "PCT", defaultValue = "2%",
            description = "Changes smaller than this are noise. Default: ${DEFAULT-VALUE}.")
    String noise;

    @Option(names = "--fail-above", paramLabel = "PCT",
            description = "Exit 1 when a measurement got slower by more than this (CI lower bound).")
    String failAbove;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() throws Exception {
        double noiseFraction = Percent.parse("--noise", noise);
        Double fail = failAbove == null ? null : Percent.parse("--fail-above", failAbove);
        if (JmhComparison.applies(before, after)) {
            return compareJmh(noiseFraction, fail);
        }
        RunComparison.Result result;
        try {
            result = RunComparison.compare(before, after, noiseFraction,
                    w -> System.err.println("corescope: warning: " + w));
        } catch (HtmlReport.NotARun e) {
            throw new UsageError(e.getMessage());
        }
        if (result.rows().isEmpty()) {
            throw new UsageError("no measurement of " + before + " and " + after + " can be compared"
                    + (result.warnings().isEmpty() ? "" : ": " + String.join("; ", result.warnings())));
        }
        result.warnings().forEach(w -> System.err.println("corescope: warning: " + w));
        format.print(result.rows(), RunComparison.table(result.rows()));
        int code = 0;
        if (!result.refusals().isEmpty()) {
            result.refusals().forEach(r -> System.err.println("corescope: refused: " + r));
            code = 1;
        }
        long regressions = fail == null ? 0 : result.rows().stream()
                .filter(r -> r.refusal() == null && r.comparison().regressionBeyond(fail)).count();
        if (regressions > 0) {
            System.err.printf(Locale.ROOT, "corescope: %d measurement(s) regressed by more than %s%n", regressions, failAbove);
            code = 1;
        }
        return code;
    }

    /** Two {@code corescope jmh} runs or JMH result files ({@code -rf json}): {@link JmhComparison}. */
    private int compareJmh(double noiseFraction, Double fail) throws java.io.IOException {
        List<JmhComparison.Row> rows;
        try {
            rows = JmhComparison.compare(before, after, noiseFraction);
        } catch (HtmlReport.NotARun e) {
            throw new UsageError(e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new UsageError("no matching benchmark results (benchmark, mode, params) in " + before + " and " + after);
        }
        format.print(rows, JmhComparison.table(rows));
        long regressions = fail == null ? 0 : rows.stream().filter(r -> r.regressionBeyond(fail)).count();
        if (regressions > 0) {
            System.err.printf(Locale.ROOT, "corescope: %d benchmark result(s) regressed by more than %s%n", regressions,
                    failAbove);
            return 1;
        }
        return 0;
    }
}
