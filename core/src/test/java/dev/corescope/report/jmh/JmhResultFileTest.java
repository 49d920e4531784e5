package dev.corescope.report.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corescope.analysis.JmhStatistics;
import dev.corescope.experiment.jmh.BenchmarkPlan;
import dev.corescope.experiment.jmh.ForkData;
import dev.corescope.experiment.jmh.JmhMode;
import dev.corescope.experiment.jmh.JmhTime;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Against files JMH 1.37 wrote itself ({@code -f 2}): each entry split into its two forks, as two corescope jobs
 * would have written them, and merged again, gives JMH's own entry: the same shape and the same numbers (score,
 * 99.9% error and interval, percentiles, raw data; {@code sample} mode's histograms and percentile metrics too).
 */
class JmhResultFileTest {
    private static final ObjectMapper M = new ObjectMapper();

    static ArrayNode resource(String name) throws IOException {
        try (InputStream in = JmhResultFileTest.class.getResourceAsStream("/jmh/" + name)) {
            return (ArrayNode) M.readTree(in);
        }
    }

    @Test
    void mergingTheForksOfAThroughputRunGivesJmhsEntry() throws IOException {
        for (JsonNode jmh : resource("jmh-1.37-thrpt-2forks.json")) {
            checkRoundTrip((ObjectNode) jmh, JmhMode.Throughput);
        }
    }

    @Test
    void mergingTheForksOfSampleAndAverageTimeRunsGivesJmhsEntries() throws IOException {
        for (JsonNode jmh : resource("jmh-1.37-sample-avgt-2forks.json")) {
            checkRoundTrip((ObjectNode) jmh, JmhMode.ofLabel(jmh.get("mode").asText()) == JmhMode.SampleTime
                    ? JmhMode.SampleTime : JmhMode.AverageTime);
        }
    }

    @Test
    void scoresAreJmhsOwn() throws IOException {
        JsonNode e = resource("jmh-1.37-thrpt-2forks.json").get(0);
        List<Double> values = new ArrayList<>();
        e.at("/primaryMetric/rawData").forEach(fork -> fork.forEach(v -> values.add(v.asDouble())));
        JmhStatistics.Score s = JmhStatistics.of(values);
        assertThat(s.mean()).isCloseTo(e.at("/primaryMetric/score").asDouble(), within(1e-6 * s.mean()));
        assertThat(s.error()).isCloseTo(e.at("/primaryMetric/scoreError").asDouble(), within(1e-6 * s.mean()));
        assertThat(s.percentiles().get("50.0")).isCloseTo(e.at("/primaryMetric/scorePercentiles/50.0").asDouble(),
                within(1e-6 * s.mean()));
        assertThat(JmhStatistics.of(List.of(1.0, 2.0)).error()).isNaN(); // JMH: no interval under 3 values
    }

    private static void checkRoundTrip(ObjectNode jmh, JmhMode mode) throws IOException {
        List<ForkData> forks = new ArrayList<>();
        for (int f = 0; f < 2; f++) {
            forks.add(ForkData.of(fork(jmh, f)));
        }
        JmhTime t = new JmhTime("1 s", 1);
        BenchmarkPlan plan = new BenchmarkPlan(0, jmh.get("benchmark").asText(), mode, Map.of(), List.of(), 1, 2, 0, 0, t,
                1, t, 1, true, false);
        ObjectNode merged = JmhResultFile.merge(plan, forks);
        assertThat(JmhShape.of(merged)).isEqualTo(JmhShape.of(jmh));
        assertSameValues(merged, jmh, "");
    }

    /** Fork {@code f} of a JMH entry, as a job running that fork alone writes it. */
    private static ObjectNode fork(ObjectNode entry, int f) {
        ObjectNode one = entry.deepCopy();
        one.put("forks", 1);
        ObjectNode pm = (ObjectNode) one.get("primaryMetric");
        for (String raw : List.of("rawData", "rawDataHistogram")) {
            if (pm.has(raw)) {
                pm.set(raw, M.createArrayNode().add(entry.get("primaryMetric").get(raw).get(f)));
            }
        }
        one.get("secondaryMetrics").fields().forEachRemaining(e -> ((ObjectNode) e.getValue()).set("rawData",
                M.createArrayNode().add(entry.get("secondaryMetrics").get(e.getKey()).get("rawData").get(f))));
        return one;
    }

    private static void assertSameValues(JsonNode a, JsonNode b, String path) {
        if (a.isObject()) {
            for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                assertSameValues(a.get(k), b.get(k), path + "/" + k);
            }
        } else if (a.isArray()) {
            assertThat(a.size()).as(path).isEqualTo(b.size());
            for (int i = 0; i < a.size(); i++) {
                assertSameValues(a.get(i), b.get(i), path + "[" + i + "]");
            }
        } else if (a.isNumber() && b.isNumber()) {
            assertThat(a.asDouble()).as(path).isCloseTo(b.asDouble(), within(1e-9 * Math.max(1e-300, Math.abs(b.asDouble()))));
        } else {
            assertThat(a.asText()).as(path).isEqualTo(b.asText());
        }
    }
}
