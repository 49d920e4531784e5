package dev.corescope.experiment;

import dev.corescope.analysis.LevelSample;
import dev.corescope.exec.BatchPlan;
import dev.corescope.exec.BatchResult;
import dev.corescope.exec.Strategy;
import dev.corescope.exec.TaskRecord;
import dev.corescope.workload.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Investigate's measured samples per level, and the means to add more (rounds of the level, warm-ups first). */
final class LevelSearch {
    private final Session session;
    private final WorkloadSpec spec;
    private final InvestigateExperiment.Config config;
    private final Progress progress;
    private final Map<Integer, List<TaskRecord>> records = new TreeMap<>();
    private final Map<Integer, Integer> trials = new TreeMap<>();
    private int warmed;

    LevelSearch(Session session, WorkloadSpec spec, InvestigateExperiment.Config config, int warmed, Progress progress) {
        this.session = session;
        this.spec = spec;
        this.config = config;
        this.warmed = warmed;
        this.progress = progress;
    }

    /** Runs rounds of {@code level} concurrent tasks until the level has at least {@code samples} samples. */
    void measure(int level, int samples) {
        if (level > warmed) {
            if (config.subject() instanceof InvestigateExperiment.UserWorkload w) {
                for (long size : w.sizes()) {
                    Warmup.run(session.pool(), warmed, level, spec, size, w.warmup());
                }
            } else {
                Warmup.run(session.pool(), warmed, level, SpinSetup.warmupSpec(spec), 0, SpinSetup.WARMUP_ITERATIONS);
            }
            warmed = level;
        }
        List<TaskRecord> got = records.computeIfAbsent(level, k -> new ArrayList<>());
        while (okCount(got) < samples) {
            int trial = trials.merge(level, 1, Integer::sum) - 1;
            long seed = session.settings().seed() + 1000L * trial;
            for (long size : sizes()) {
                BatchResult b = session.run(new BatchPlan(InvestigateExperiment.NAME, level, trial, spec, Tasks.of(level, size, seed),
                        Strategy.ROUNDS));
                got.addAll(b.records());
                if (b.failures() == b.records().size()) {
                    throw new IllegalStateException("every task at level " + level + " failed: "
                            + b.records().get(0).error());
                }
            }
        }
        progress.step(level + " workers: " + okCount(got) + " samples");
    }

    /** One round per size per sample: the user's sizes, or the spin kernel's none. */
    private List<Long> sizes() {
        return config.subject() instanceof InvestigateExperiment.UserWorkload w ? w.sizes() : List.of(0L);
    }

    int count(int level) {
        return okCount(records.getOrDefault(level, List.of()));
    }

    private static int okCount(List<TaskRecord> rs) {
        return (int) rs.stream().filter(TaskRecord::ok).count();
    }

    Set<Integer> levels() {
        return records.keySet();
    }

    /**
     * Per level, the successful tasks' times. With several sizes every time is divided by the median
     * wall time of one worker at its size, so that sizes can be pooled: the ratios to one worker are
     * those of each size, and one worker's own median is 1 at every size.
     */
    List<LevelSample> samples() {
        Map<Long, Double> scale = new TreeMap<>();
        if (sizes().size() > 1) {
            for (long size : sizes()) {
                double[] one = records.getOrDefault(1, List.of()).stream().filter(r -> r.ok() && r.size() == size)
                        .mapToDouble(TaskRecord::wallSeconds).sorted().toArray();
                scale.put(size, one.length == 0 ? Double.NaN : one[one.length / 2]);
            }
        }
        List<LevelSample> out = new ArrayList<>();
        records.forEach((level, rs) -> {
            List<TaskRecord> ok = rs.stream().filter(TaskRecord::ok).toList();
            double[] f = ok.stream().mapToDouble(r -> scale.isEmpty() ? 1 : 1 / scale.get(r.size())).toArray();
            out.add(new LevelSample(level, times(ok, TaskRecord::wallSeconds, f), times(ok, TaskRecord::cpuSeconds, f),
                    times(ok, TaskRecord::waitSeconds, f)));
        });
        return out;
    }

    private static double[] times(List<TaskRecord> rs, java.util.function.ToDoubleFunction<TaskRecord> get,
                                  double[] factor) {
        double[] out = new double[rs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = get.applyAsDouble(rs.get(i)) * factor[i];
        }
        return out;
    }
}
