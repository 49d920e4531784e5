package dev.corescope.report;

import dev.corescope.analysis.SizeStats;
import dev.corescope.exec.TaskRecord;
import dev.corescope.exec.WorkerMode;
import dev.corescope.experiment.Assessment.AlgorithmResult;
import dev.corescope.experiment.Assessment;
import dev.corescope.store.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.stat.descriptive.rank.Percentile;

/**
 * An assessment in the JSON schema JMH writes with {@code -rf json}: one entry per (algorithm, size),
 * mode {@code avgt}, score in ms/op. As in JMH, {@code scoreError} is the half-width of the 99.9%
 * Student-t confidence interval and {@code scoreConfidence} the interval; {@code rawData} has one
 * array per worker (JMH: per fork) holding each task's time, i.e. every task is a one-operation
 * iteration. {@code threads} = concurrent workers; {@code forks} = worker JVMs (processes mode) or 1.
 */
public final class JmhJson {
    private static final List<String> PERCENTILES = List.of("0.0", "50.0", "90.0", "95.0", "99.0", "99.9", "99.99", "99.999", "99.9999", "100.0");

    private JmhJson() {
    }

    public static void write(Path file, Assessment a, Map<String, List<TaskRecord>> measured)
            throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, Json.MAPPER.writeValueAsString(document(a, measured)) + "\n", StandardCharsets.UTF_8);
    }

    /** @param measured the records each algorithm's statistics came from, by algorithm */
    public static List<Map<String, Object>> document(Assessment a,
                                                     Map<String, List<TaskRecord>> measured) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (AlgorithmResult alg : a.algorithms()) {
            for (SizeStats s : alg.sizes()) {
                Map<String, List<Double>> byWorker = new TreeMap<>();
                measured.getOrDefault(alg.algorithm(), List.of()).stream().filter(r -> r.ok() && r.size() == s.size())
                        .forEach(r -> byWorker.computeIfAbsent(r.workerId(), w -> new ArrayList<>()).add(r.wallNanos() / 1e6));
                double[] all = byWorker.values().stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
                out.add(entry(a, alg, s, new ArrayList<>(byWorker.values()), all));
            }
        }
        return out;
    }

    private static Map<String, Object> entry(Assessment a, AlgorithmResult alg, SizeStats s,
                                             List<List<Double>> raw, double[] all) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jmhVersion", "corescope assess (JMH-compatible result)");
        m.put("benchmark", "dev.corescope.assess." + alg.algorithm().replaceAll("[^A-Za-z0-9_$-]", "_"));
        m.put("mode", "avgt");
        m.put("threads", alg.workers());
        m.put("forks", a.plan().mode() == WorkerMode.PROCESSES ? alg.workers() : 1);
        m.put("jvm", System.getProperty("java.home") + "/bin/java");
        m.put("jvmArgs", List.of());
        m.put("jdkVersion", System.getProperty("java.version"));
        m.put("vmName", System.getProperty("java.vm.name"));
        m.put("vmVersion", System.getProperty("java.vm.version"));
        m.put("warmupIterations", a.method().warmup().tasksPerWorker());
        m.put("warmupTime", "1 task");
        m.put("warmupBatchSize", 1);
        m.put("measurementIterations", s.count());
        m.put("measurementTime", "1 task");
        m.put("measurementBatchSize", 1);
        m.put("params", Map.of("size", Long.toString(s.size())));
        Map<String, Object> pm = new LinkedHashMap<>();
        double score = s.mean() * 1000;
        double error = Double.NaN;
        if (s.count() > 1) {
            error = new TDistribution(s.count() - 1).inverseCumulativeProbability(1 - 0.001 / 2) * s.sd() * 1000
                    / Math.sqrt(s.count());
        }
        pm.put("score", score);
        pm.put("scoreError", error);
        pm.put("scoreConfidence", List.of(score - error, score + error));
        Map<String, Object> pct = new LinkedHashMap<>();
        if (all.length > 0) {
            Percentile p = new Percentile();
            p.setData(all);
            for (String key : PERCENTILES) {
                double q = Double.parseDouble(key);
                pct.put(key, q == 0 ? s.min() * 1000 : p.evaluate(q));
            }
        }
        pm.put("scorePercentiles", pct);
        pm.put("scoreUnit", "ms/op");
        pm.put("rawData", raw);
        m.put("primaryMetric", pm);
        m.put("secondaryMetrics", Map.of());
        return m;
    }
}
