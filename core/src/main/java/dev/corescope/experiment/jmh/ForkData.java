package dev.corescope.experiment.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One fork's measurement, as its JMH wrote it with {@code -rf json}: the score of each measured iteration (never
 * read from the console, whose numbers are locale-formatted and rounded), its unit, and the whole entry, from
 * which the merged result file is made. In {@code sample} mode an iteration's score is the mean of its
 * histogram, as JMH computes it.
 *
 * @param histograms {@code sample} mode: each iteration's {@code [value, count]} pairs; else empty
 */
public record ForkData(String unit, List<Double> iterations, List<List<double[]>> histograms, JsonNode entry) {
    private static final ObjectMapper READER = new ObjectMapper();

    public ForkData {
        iterations = List.copyOf(iterations);
        histograms = List.copyOf(histograms);
    }

    /**
     * The one entry of a job's result file.
     *
     * @return null when the file is missing, empty or holds no entry (the benchmark failed)
     * @throws IOException when it is not JMH's JSON
     */
    public static ForkData read(Path file) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) == 0) {
            return null;
        }
        JsonNode root = READER.readTree(file.toFile());
        if (root == null || !root.isArray() || root.isEmpty()) {
            return null;
        }
        return of(root.get(0));
    }

    /** The first fork of a JMH result entry. */
    public static ForkData of(JsonNode entry) throws IOException {
        JsonNode pm = entry.path("primaryMetric");
        if (!pm.isObject()) {
            throw new IOException("a JMH result entry without primaryMetric");
        }
        List<Double> scores = new ArrayList<>();
        List<List<double[]>> histograms = new ArrayList<>();
        if (pm.has("rawDataHistogram")) {
            for (JsonNode iteration : pm.path("rawDataHistogram").path(0)) {
                List<double[]> pairs = new ArrayList<>();
                double sum = 0;
                double n = 0;
                for (JsonNode pair : iteration) {
                    double v = number(pair.path(0));
                    double c = number(pair.path(1));
                    pairs.add(new double[] {v, c});
                    sum += v * c;
                    n += c;
                }
                histograms.add(pairs);
                scores.add(n > 0 ? sum / n : Double.NaN);
            }
        } else {
            for (JsonNode v : pm.path("rawData").path(0)) {
                scores.add(number(v));
            }
        }
        return new ForkData(pm.path("scoreUnit").asText(""), scores, histograms, entry.deepCopy());
    }

    /** A JMH number: JSON numbers, and the strings JMH writes for NaN and infinities. */
    public static double number(JsonNode n) {
        if (n.isNumber()) {
            return n.asDouble();
        }
        return switch (n.asText("")) {
            case "+INF", "Infinity" -> Double.POSITIVE_INFINITY;
            case "-INF", "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.NaN;
        };
    }
}
