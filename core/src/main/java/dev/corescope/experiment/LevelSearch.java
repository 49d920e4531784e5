package dev.corescope.experiment;

import dev.corescope.analysis.LevelSample;
import dev.corescope.analysis.LevelSamples;
import dev.corescope.exec.BatchPlan;
import dev.corescope.exec.BatchResult;
import dev.corescope.exec.Strategy;
import dev.corescope.exec.TaskRecord;
import dev.corescope.workload.WorkloadSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Investigate's measured rounds per level, taken in blocks: a block is one round of each level being
 * measured and one round of one worker alone, in random order (randomized multiple interleaved trials,
 * Abedi and Brecht, ICPE 2017), so that a drift of the machine reaches every level alike and cannot pass
 * for an effect of P; the block's number labels its records' trial, so that each level is compared with
 * one worker's rounds of the same blocks. New workers are warmed up until the JIT is quiet before their
 * level's first block.
 */
final class LevelSearch {
    private final Session session;
    private final WorkloadSpec spec;
    private final InvestigateExperiment.InvestigateConfig config;
    private final Progress progress;
    private final Random order;
    private final Map<Integer, List<TaskRecord>> records = new TreeMap<>();
    private final Map<Integer, Set<Integer>> blocksOf = new TreeMap<>();
    private int warmed;
    private int blocks;
    private int skipped;

    LevelSearch(Session session, WorkloadSpec spec, InvestigateExperiment.InvestigateConfig config, int warmed, Progress progress) {
        this.session = session;
        this.spec = spec;
        this.config = config;
        this.warmed = warmed;
        this.progress = progress;
        this.order = new Random(session.settings().seed() ^ 0x5EEDB10CL);
    }

    /** One block: a round of each of {@code levels} and of one worker, in random order. */
    void block(Set<Integer> levels) {
        int top = levels.stream().mapToInt(Integer::intValue).max().orElse(1);
        warm(top);
        List<Integer> these = new ArrayList<>(new TreeSet<>(levels));
        if (!these.contains(1)) {
            these.add(1);
        }
        Collections.shuffle(these, order);
        int block = blocks++;
        for (int level : these) {
            List<TaskRecord> got = records.computeIfAbsent(level, k -> new ArrayList<>());
            long seed = session.settings().seed() + 1000L * block;
            for (long size : sizes()) {
                BatchResult b = session.run(new BatchPlan(InvestigateExperiment.NAME, level, block, spec,
                        Tasks.of(level, size, seed), Strategy.ROUNDS));
                got.addAll(b.records());
                if (b.failures() == b.records().size()) {
                    throw new IllegalStateException("every task at level " + level + " failed: "
                            + b.records().get(0).error());
                }
                if (b.failures() == 0) {
                    blocksOf.computeIfAbsent(level, k -> new TreeSet<>()).add(block);
                }
            }
        }
        progress.step("block " + (block + 1) + ": " + these.size() + " levels");
    }

    /** Forgets every level's rounds (a baseline too noisy to judge anything is measured again, from scratch). */
    void restart() {
        skipped += records.values().stream().mapToInt(List::size).sum();
        records.clear();
        blocksOf.clear();
    }

    /** Warms workers up to {@code level} (the ones not yet warm) until the JIT is quiet. */
    private void warm(int level) {
        if (level <= warmed) {
            return;
        }
        if (config.subject() instanceof InvestigateExperiment.UserWorkload w) {
            Warmup.untilQuiet(session.pool(), warmed, level, spec, w.sizes(), Math.max(1, w.warmup()) * w.sizes().size());
        } else {
            Warmup.untilQuiet(session.pool(), warmed, level, spec, List.of(0L), SpinSetup.WARMUP_ITERATIONS);
        }
        warmed = level;
    }

    /** One round per size per block: the user's sizes, or the spin kernel's none. */
    private List<Long> sizes() {
        return config.subject() instanceof InvestigateExperiment.UserWorkload w ? w.sizes() : List.of(0L);
    }

    /** The blocks in which {@code level} ran whole (every task of its rounds succeeded). */
    int rounds(int level) {
        return blocksOf.getOrDefault(level, Set.of()).size();
    }

    Set<Integer> levels() {
        return records.keySet();
    }

    /** Tasks measured and then discarded by a {@link #restart}. */
    int discarded() {
        return skipped;
    }

    /**
     * Per level, the successful tasks' times, labelled with their workers and blocks. With several sizes every
     * time is divided by the median wall time of one worker at its size, so that sizes can be pooled: the
     * ratios to one worker are those of each size, and one worker's own median is 1 at every size.
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
            double[] f = rs.stream().mapToDouble(r -> scale.isEmpty() ? 1 : 1 / scale.getOrDefault(r.size(), Double.NaN))
                    .toArray();
            out.add(LevelSamples.of(level, rs, f));
        });
        return out;
    }

    /** The sample of one level (empty when not measured). */
    LevelSample sample(int level) {
        return samples().stream().filter(s -> s.workers() == level).findFirst()
                .orElse(LevelSample.ofWall(level));
    }
}
