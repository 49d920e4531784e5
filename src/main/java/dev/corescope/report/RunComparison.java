package dev.corescope.report;

import dev.corescope.analysis.Comparison;
import dev.corescope.analysis.Units;
import dev.corescope.exec.TaskRecord;
import dev.corescope.report.html.HtmlReport;
import dev.corescope.store.Json;
import dev.corescope.store.RecordLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Compares two run directories measurement by measurement: records are matched on (experiment,
 * level, size); per match, the ratio of mean per-task wall times with its CI and a verdict.
 */
public final class RunComparison {
    /** One matched measurement. */
    public record Row(String experiment, int workers, long size, Comparison comparison) {
    }

    private RunComparison() {
    }

    public static List<Row> compare(Path before, Path after, double noise) throws IOException {
        return compare(before, after, noise, w -> { });
    }

    /**
     * Compares from the records alone (summary.json is not needed, so a killed run compares too);
     * a torn last line or other unreadable lines are skipped, with one line to {@code warnings}.
     *
     * @throws HtmlReport.NotARun when a directory is missing or holds no records.jsonl
     */
    public static List<Row> compare(Path before, Path after, double noise, java.util.function.Consumer<String> warnings)
            throws IOException {
        Map<String, List<TaskRecord>> a = group(load(before, warnings));
        Map<String, List<TaskRecord>> b = group(load(after, warnings));
        List<Row> rows = new ArrayList<>();
        long seed = 1;
        for (var e : a.entrySet()) {
            List<TaskRecord> other = b.get(e.getKey());
            if (other == null) {
                continue;
            }
            TaskRecord first = e.getValue().get(0);
            rows.add(new Row(first.experiment(), first.level(), first.size(), Comparison.of(walls(e.getValue()),
                    walls(other), noise, 0.95, 2000, seed++)));
        }
        return rows;
    }

    /** The workload a run measured, from its summary.json; null when unknown. */
    public static String workload(Path run) {
        try {
            var node = Json.MAPPER.readTree(run.resolve("summary.json").toFile()).get("workload");
            return node == null || node.isNull() ? null : node.asText();
        } catch (IOException e) {
            return null;
        }
    }

    private static List<TaskRecord> load(Path run, java.util.function.Consumer<String> warnings) throws IOException {
        if (!Files.isDirectory(run)) {
            throw new HtmlReport.NotARun(run + " is not a directory");
        }
        Path file = run.resolve("records.jsonl");
        if (!Files.isRegularFile(file)) {
            throw new HtmlReport.NotARun(run + " is not a corescope run directory (no records.jsonl)");
        }
        RecordLog.Read read = RecordLog.readTolerant(file);
        if (read.warning(file) != null) {
            warnings.accept(read.warning(file));
        }
        return read.records().stream().filter(TaskRecord::ok).toList();
    }

    private static Map<String, List<TaskRecord>> group(List<TaskRecord> rs) {
        return rs.stream().collect(Collectors.groupingBy(
                r -> Units.format("%s|%06d|%012d", r.experiment(), r.level(), r.size()), TreeMap::new,
                Collectors.toList()));
    }

    private static double[] walls(List<TaskRecord> rs) {
        return rs.stream().mapToDouble(TaskRecord::wallSeconds).toArray();
    }

    public static Table table(List<Row> rows) {
        Table t = new Table("experiment", "workers", "size", "n before", "n after", "mean before s", "mean after s",
                "ratio", "95% CI", "verdict");
        for (Row r : rows) {
            Comparison c = r.comparison();
            t.row(r.experiment(), r.workers(), r.size(), c.nBefore(), c.nAfter(), Units.sec(c.meanBefore()),
                    Units.sec(c.meanAfter()), Units.num(c.ratio(), 3),
                    Units.num(c.ciLow(), 3) + "-" + Units.num(c.ciHigh(), 3), c.verdict());
        }
        return t;
    }
}
