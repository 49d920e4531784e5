package dev.corescope.analysis;

import dev.corescope.exec.BatchResult;
import dev.corescope.exec.TaskRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Folds batches into one {@link LevelSummary} per (experiment, level). Only successful tasks enter
 * the timing statistics; failures are counted. Throughput is {@link Throughput#of(List)}. A level of
 * tasks of several sizes is described as a pool ({@link SampleStats#pooled}: no spread, no interval):
 * its per-size statistics are the experiment's own (assess's per algorithm and size).
 */
public final class LevelAggregator {
    private LevelAggregator() {
    }

    public static List<LevelSummary> summarize(List<BatchResult> batches) {
        Map<String, Map<Integer, List<BatchResult>>> byExperiment = batches.stream().collect(Collectors.groupingBy(
                b -> b.plan().experiment(), TreeMap::new,
                Collectors.groupingBy(b -> b.plan().level(), TreeMap::new, Collectors.toList())));
        List<LevelSummary> out = new ArrayList<>();
        for (Map<Integer, List<BatchResult>> levels : byExperiment.values()) {
            Double base = null;
            for (List<BatchResult> level : levels.values()) {
                LevelSummary s = summarizeLevel(level, base);
                if (base == null && s.workers() == 1) {
                    base = s.throughput();
                }
                out.add(s);
            }
        }
        return out;
    }

    private static LevelSummary summarizeLevel(List<BatchResult> trials, Double baseThroughput) {
        BatchResult first = trials.get(0);
        List<TaskRecord> ok = trials.stream().flatMap(b -> b.records().stream()).filter(TaskRecord::ok).toList();
        int tasks = trials.stream().mapToInt(b -> b.records().size()).sum();
        int failures = tasks - ok.size();
        double total = trials.stream().mapToDouble(BatchResult::wallSeconds).average().orElse(Double.NaN);
        double throughput = Throughput.of(trials);
        double speedup = baseThroughput == null
                ? (first.plan().level() == 1 ? 1.0 : Double.NaN)
                : throughput / baseThroughput;
        int workers = first.plan().level();
        return new LevelSummary(first.plan().experiment(), workers, trials.size(), tasks, failures, total,
                ok.stream().mapToLong(TaskRecord::size).distinct().count() > 1
                        ? SampleStats.pooled(ok.stream().mapToDouble(TaskRecord::wallSeconds).toArray())
                        : SampleStats.of(ok.stream().mapToDouble(TaskRecord::wallSeconds).toArray()),
                Samples.finiteMean(ok.stream().mapToDouble(TaskRecord::cpuSeconds).toArray()),
                Samples.finiteMean(ok.stream().mapToDouble(TaskRecord::waitSeconds).toArray()),
                throughput, speedup, speedup / workers);
    }
}
