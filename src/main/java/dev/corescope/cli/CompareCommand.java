package dev.corescope.cli;

import dev.corescope.report.RunComparison;
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
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare two run directories per matching level or size: ratio of means with a 95%% CI and a "
                + "verdict (faster / slower / no change / within noise). Exits 1 on a regression beyond --fail-above.")
public final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_A", description = "The baseline run directory.")
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
        List<RunComparison.Row> rows;
        try {
            rows = RunComparison.compare(before, after, noiseFraction,
                    w -> System.err.println("corescope: warning: " + w));
        } catch (HtmlReport.NotARun e) {
            throw new UsageError(e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new UsageError("no matching measurements (experiment, workers, size) in " + before + " and " + after);
        }
        String wa = RunComparison.workload(before);
        String wb = RunComparison.workload(after);
        if (wa != null && wb != null && !wa.equals(wb)) {
            System.err.println("corescope: warning: the runs measured different workloads (" + wa + " vs " + wb + ")");
        }
        format.print(rows, RunComparison.table(rows));
        long regressions = fail == null ? 0 : rows.stream().filter(r -> r.comparison().regressionBeyond(fail)).count();
        if (regressions > 0) {
            System.err.printf(Locale.ROOT, "corescope: %d measurement(s) regressed by more than %s%n", regressions, failAbove);
            return 1;
        }
        return 0;
    }
}
