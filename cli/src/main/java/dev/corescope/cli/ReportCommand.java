package dev.corescope.cli;

import dev.corescope.report.html.HtmlReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code corescope report RUN_DIR}: the run's self-contained HTML report. */
@Command(name = "report",
        description = {"Write RUN_DIR/report.html from the run directory's files: the machine profile, the threshold "
                + "verdict and its explanation, warnings, the tables and every chart (inline SVG). Self-contained: "
                + "open it in any browser, offline. Prints its path.",
                "A run killed before it wrote summary.json is reported from records.jsonl alone (per-level "
                        + "statistics and failures; a torn last line is skipped with a warning)."})
public final class ReportCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    HelpOption help;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run directory (holds summary.json, or records.jsonl of a killed run).")
    Path runDir;

    @Override
    public Integer call() throws Exception {
        Path file;
        try {
            file = HtmlReport.write(runDir, w -> System.err.println("corescope: warning: " + w));
        } catch (HtmlReport.NotARun e) {
            throw new UsageError(e.getMessage());
        }
        System.out.println(file);
        return 0;
    }
}
