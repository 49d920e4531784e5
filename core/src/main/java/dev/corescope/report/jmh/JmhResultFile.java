package dev.corescope.report.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corescope.analysis.JmhStatistics;
import dev.corescope.experiment.jmh.BenchmarkPlan;
import dev.corescope.experiment.jmh.ForkData;
import dev.corescope.experiment.jmh.JmhMode;
import dev.corescope.experiment.jmh.JmhResults;
import dev.corescope.store.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The merged result file of a {@code corescope jmh} run, in exactly the shape JMH writes with {@code -rf json}
 * (JMH's tools and visualizers read it): per benchmark result, the first fork's entry (JMH version, JVM, its
 * options, iterations, parameters) with {@code forks} the forks merged, {@code rawData} (or
 * {@code rawDataHistogram} in {@code sample} mode) one array per fork, and the score, its 99.9% error and
 * interval and its percentiles recomputed over every fork as JMH does ({@link JmhStatistics}); NaN is written
 * {@code "NaN"}, as JMH writes it. Secondary metrics are merged the same way over their iteration values (the
 * percentiles of {@code sample} mode from the merged histogram).
 */
public final class JmhResultFile {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern DERIVATIVE = Pattern.compile("^p(\\d)\\.(\\d+)$");

    private JmhResultFile() {
    }

    /** Writes the merged file atomically. */
    public static void write(Path file, List<JmhResults.Reported> reported) throws IOException {
        Path abs = file.toAbsolutePath();
        if (abs.getParent() != null) {
            java.nio.file.Files.createDirectories(abs.getParent());
        }
        AtomicFile.write(abs, MAPPER.writeValueAsString(document(reported)) + "\n");
    }

    /** The file's JSON: one entry per benchmark result, in JMH's order. */
    public static ArrayNode document(List<JmhResults.Reported> reported) {
        ArrayNode out = NODES.arrayNode();
        for (JmhResults.Reported r : reported) {
            if (!r.forks().isEmpty()) {
                out.add(merge(r.plan(), r.forks()));
            }
        }
        return out;
    }

    /** One benchmark result from its forks' entries. */
    public static ObjectNode merge(BenchmarkPlan plan, List<ForkData> forks) {
        ObjectNode e = forks.get(0).entry().deepCopy();
        e.put("forks", plan.forks() == 0 ? 0 : forks.size());
        boolean sample = plan.mode() == JmhMode.SampleTime;
        String rawKey = sample ? "rawDataHistogram" : "rawData";
        ObjectNode pm = (ObjectNode) e.get("primaryMetric");
        ArrayNode raw = NODES.arrayNode();
        List<Double> values = new ArrayList<>();
        List<double[]> pairs = new ArrayList<>();
        for (ForkData f : forks) {
            raw.add(f.entry().path("primaryMetric").path(rawKey).path(0).deepCopy());
            values.addAll(f.iterations());
            f.histograms().forEach(pairs::addAll);
        }
        JmhStatistics.Score s = sample ? JmhStatistics.ofHistogram(pairs) : JmhStatistics.of(values);
        metric(pm, s, raw, rawKey);
        JsonNode secondaries = e.path("secondaryMetrics");
        if (secondaries.isObject() && forks.size() > 1) {
            ObjectNode merged = NODES.objectNode();
            secondaries.fieldNames().forEachRemaining(name -> {
                ObjectNode m = ((ObjectNode) secondaries.get(name)).deepCopy();
                ArrayNode sraw = NODES.arrayNode();
                List<Double> all = new ArrayList<>();
                for (ForkData f : forks) {
                    JsonNode one = f.entry().path("secondaryMetrics").path(name).path("rawData").path(0);
                    if (one.isArray()) {
                        sraw.add(one.deepCopy());
                        one.forEach(v -> all.add(ForkData.number(v)));
                    }
                }
                Matcher d = DERIVATIVE.matcher(name);
                if (sample && d.matches()) {
                    double rank = new java.math.BigDecimal(d.group(1) + "." + d.group(2)).movePointRight(2).doubleValue();
                    double v = JmhStatistics.percentile(pairs, rank);
                    metric(m, new JmhStatistics.Score(v, Double.NaN, 1, constant(v)), sraw, "rawData");
                } else {
                    metric(m, JmhStatistics.of(all), sraw, "rawData");
                }
                merged.set(name, m);
            });
            e.set("secondaryMetrics", merged);
        }
        return e;
    }

    private static void metric(ObjectNode m, JmhStatistics.Score s, ArrayNode raw, String rawKey) {
        m.set("score", number(s.mean()));
        m.set("scoreError", number(s.error()));
        ArrayNode ci = NODES.arrayNode();
        ci.add(number(Double.isNaN(s.error()) ? Double.NaN : s.low()));
        ci.add(number(Double.isNaN(s.error()) ? Double.NaN : s.high()));
        m.set("scoreConfidence", ci);
        ObjectNode pct = NODES.objectNode();
        s.percentiles().forEach((k, v) -> pct.set(k, number(v)));
        m.set("scorePercentiles", pct);
        m.set(rawKey, raw);
    }

    private static java.util.Map<String, Double> constant(double v) {
        java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
        for (double r : JmhStatistics.RANKS) {
            m.put(JmhStatistics.key(r), v);
        }
        return m;
    }

    /** A number as JMH writes it: {@code "NaN"}, {@code "+INF"}, {@code "-INF"} as strings. */
    static JsonNode number(double d) {
        if (Double.isNaN(d)) {
            return NODES.textNode("NaN");
        }
        if (Double.isInfinite(d)) {
            return NODES.textNode(d > 0 ? "+INF" : "-INF");
        }
        return NODES.numberNode(d);
    }
}
