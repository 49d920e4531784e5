package dev.corescope.cli;

import dev.corescope.report.html.HtmlReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@link FormatOption} and {@code --html}: the output options of the commands that write a run directory. */
public final class HtmlFormatOption extends FormatOption {
    @Option(names = "--html", description = "Also write report.html in the run directory (see 'corescope report').")
    boolean html;

    /** With {@code --html}: writes the run directory's report.html and names it on stderr. */
    void htmlIfRequested(Path runDir) {
        if (!html) {
            return;
        }
        try {
            System.err.println("HTML report: " + HtmlReport.write(runDir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the HTML report in " + runDir + ": " + e.getMessage(), e);
        }
    }
}
