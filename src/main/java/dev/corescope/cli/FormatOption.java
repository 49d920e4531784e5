package dev.corescope.cli;

import dev.corescope.report.Table;
import dev.corescope.report.html.HtmlReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --format table|json|csv|markdown} (and {@code --json} as a shorthand), and {@code --html}. */
public final class FormatOption {
    public enum Format { table, json, csv, markdown }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output on stdout: table, json, csv or markdown. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--json", description = "Same as --format json.")
    boolean json;

    @Option(names = "--html", description = "Also write report.html in the run directory (see 'corescope report').")
    boolean html;

    Format format() {
        return json ? Format.json : format;
    }

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

    /** Prints {@code document} as JSON, or {@code table} in the chosen text format. */
    void print(Object document, Table table) {
        switch (format()) {
            case json -> Output.printJson(System.out, document);
            case csv -> System.out.print(table.renderCsv());
            case markdown -> System.out.print(table.renderMarkdown());
            default -> System.out.print(table.render());
        }
    }
}
