package dev.corescope.report.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corescope.analysis.Units;
import dev.corescope.experiment.jmh.BenchmarkPlan;
import dev.corescope.experiment.jmh.ForkData;
import dev.corescope.experiment.jmh.JmhExperiment;
import dev.corescope.report.Table;
import dev.corescope.report.html.HtmlReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code corescope compare} of JMH results: two {@code corescope jmh} runs, or a run and a JMH result file
 * ({@code -rf json}), or two such files, matched on (benchmark, mode, parameters). A change is one when JMH's 99.9%
 * intervals of the two scores do not overlap and it exceeds the noise. The ratio is oriented as a time (above 1:
 * slower), whatever the mode. A piece of its own beside {@link dev.corescope.report.RunComparison}, which compares
 * task records.
 */
public final class JmhComparison {
    private static final ObjectMapper READER = new ObjectMapper();

    /** One benchmark result of a file. */
    public record Entry(String key, String benchmark, String mode, Map<String, String> params, double score,
                        double error, String unit) {
    }

    /**
     * @param ratio   after over before, as a time (thrpt inverted)
     * @param verdict {@code same}, {@code within noise}, {@code faster}, {@code slower} or {@code units differ}
     */
    public record Row(Entry before, Entry after, double ratio, String verdict) {
        /** Slower by more than {@code fraction}, beyond both intervals. */
        public boolean regressionBeyond(double fraction) {
            return verdict.equals("slower") && ratio - 1 > fraction;
        }
    }

    private JmhComparison() {
    }

    /** Whether {@code a} or {@code b} is JMH results: a file, or a run directory with {@value JmhExperiment#RESULT_FILE}. */
    public static boolean applies(Path a, Path b) {
        return isJmh(a) || isJmh(b);
    }

    private static boolean isJmh(Path p) {
        return Files.isRegularFile(p) || Files.isRegularFile(p.resolve(JmhExperiment.RESULT_FILE));
    }

    /** @throws HtmlReport.NotARun when a side holds no JMH results */
    public static List<Row> compare(Path before, Path after, double noise) throws IOException {
        Map<String, Entry> a = load(before);
        Map<String, Entry> b = load(after);
        List<Row> rows = new ArrayList<>();
        for (var e : a.entrySet()) {
            Entry other = b.get(e.getKey());
            if (other != null) {
                rows.add(row(e.getValue(), other, noise));
            }
        }
        return rows;
    }

    static Row row(Entry a, Entry b, double noise) {
        if (!a.unit().equals(b.unit())) {
            return new Row(a, b, Double.NaN, "units differ");
        }
        boolean thrpt = a.mode().equals("thrpt");
        double ratio = thrpt ? a.score() / b.score() : b.score() / a.score();
        boolean intervals = Double.isFinite(a.error()) && Double.isFinite(b.error());
        boolean overlap = intervals && a.score() - a.error() <= b.score() + b.error()
                && b.score() - b.error() <= a.score() + a.error();
        String verdict;
        if (overlap) {
            verdict = "same";
        } else if (Math.abs(ratio - 1) < noise) {
            verdict = "within noise";
        } else {
            verdict = ratio > 1 ? "slower" : "faster";
        }
        return new Row(a, b, ratio, verdict);
    }

    /** The results of a JMH result file, or of a run directory's merged file, by key. */
    public static Map<String, Entry> load(Path p) throws IOException {
        Path file = Files.isDirectory(p) ? p.resolve(JmhExperiment.RESULT_FILE) : p;
        if (!Files.isRegularFile(file)) {
            throw new HtmlReport.NotARun(p + " holds no JMH results (no " + JmhExperiment.RESULT_FILE + ")");
        }
        JsonNode root;
        try {
            root = READER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new HtmlReport.NotARun(file + " is not JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isArray()) {
            throw new HtmlReport.NotARun(file + " is not a JMH result file (-rf json): not a JSON array");
        }
        Map<String, Entry> out = new LinkedHashMap<>();
        for (JsonNode e : root) {
            if (!e.hasNonNull("benchmark") || !e.path("primaryMetric").isObject()) {
                throw new HtmlReport.NotARun(file + " is not a JMH result file (-rf json): an entry without benchmark "
                        + "or primaryMetric");
            }
            Map<String, String> params = new TreeMap<>();
            e.path("params").fields().forEachRemaining(f -> params.put(f.getKey(), f.getValue().asText()));
            String key = BenchmarkPlan.key(e.get("benchmark").asText(), e.path("mode").asText(), params);
            JsonNode pm = e.get("primaryMetric");
            out.put(key, new Entry(key, e.get("benchmark").asText(), e.path("mode").asText(), params,
                    ForkData.number(pm.path("score")), ForkData.number(pm.path("scoreError")),
                    pm.path("scoreUnit").asText("")));
        }
        return out;
    }

    public static Table table(List<Row> rows) {
        Table t = new Table("benchmark", "mode", "params", "before", "after", "units", "ratio (time)", "verdict");
        for (Row r : rows) {
            t.row(r.before().benchmark(), r.before().mode(), r.before().params().toString(), score(r.before()),
                    score(r.after()), r.before().unit(), Units.num(r.ratio(), 3), r.verdict());
        }
        return t;
    }

    private static String score(Entry e) {
        return Units.num(e.score(), 3) + (Double.isFinite(e.error()) ? " ± " + Units.num(e.error(), 3) : "");
    }
}
