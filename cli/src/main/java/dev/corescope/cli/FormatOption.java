package dev.corescope.cli;

import dev.corescope.experiment.RunResult;
import dev.corescope.report.Table;
import picocli.CommandLine.Option;

/**
 * {@code --format table|json|csv|markdown} (and {@code --json} as a shorthand): for a command with a run directory,
 * json and csv are its summary.json and summary.csv; {@link HtmlFormatOption} adds
 * {@code --html} for the commands that write a run directory.
 */
public class FormatOption {
    public enum Format { table, json, csv, markdown }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output on stdout: table, json, csv or markdown (json and csv: the run's summary.json and summary.csv). "
                    + "Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--json", description = "Same as --format json.")
    boolean json;

    Format format() {
        return json ? Format.json : format;
    }

    /**
     * Prints {@code document} as JSON, or {@code table} in the chosen text format; a run's result as csv is its
     * summary.csv (its header, SI units in the column names, plain numbers), so stdout drops into a notebook like
     * the file does, as its JSON is summary.json.
     */
    void print(Object document, Table table) {
        switch (format()) {
            case json -> Output.printJson(System.out, document);
            case csv -> System.out.print(document instanceof RunResult r ? r.csv() : table.renderCsv());
            case markdown -> System.out.print(table.renderMarkdown());
            default -> System.out.print(table.render());
        }
    }
}
