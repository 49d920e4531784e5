package dev.corescope.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The input of the equivalence test ({@link Equivalence}): per-task costs of a level and of one worker alone,
 * in blocks. A block is what ran together, at one moment: in {@code assess} a parallel stretch and the
 * one-worker controls run right after it (the same tasks); in a JMH run one fork, whose iterations are its
 * samples. Blocks are the units the bootstrap resamples; a block may hold samples of one side only
 * (a JMH fork runs alone or in parallel, not both).
 *
 * <p>Samples are costs, higher is worse (seconds per task; a JMH throughput score must be inverted first).
 * Each sample has a stratum (an input size, a benchmark's parameters): the test divides every sample by
 * the median of its stratum, both sides and all blocks together, so that strata of different scales pool.
 * Non-finite and non-positive samples are dropped.
 *
 * @param blocks in the order they ran
 */
public record BlockedSamples(List<Block> blocks) {
    public BlockedSamples {
        blocks = List.copyOf(blocks);
    }

    /**
     * One block: the level's samples and one worker's, each with its stratum (same length; null: all 0).
     */
    public record Block(double[] level, int[] levelStrata, double[] alone, int[] aloneStrata) {
        public Block {
            double[][] l = keep(level, levelStrata);
            double[][] a = keep(alone, aloneStrata);
            level = l[0];
            levelStrata = toInts(l[1]);
            alone = a[0];
            aloneStrata = toInts(a[1]);
        }

        /** One stratum. */
        public static Block of(double[] level, double[] alone) {
            return new Block(level, null, alone, null);
        }

        boolean hasLevel() {
            return level.length > 0;
        }

        boolean hasAlone() {
            return alone.length > 0;
        }

        private static double[][] keep(double[] v, int[] strata) {
            double[] values = v == null ? new double[0] : v;
            if (strata != null && strata.length != values.length) {
                throw new IllegalArgumentException("a stratum per sample: " + strata.length + " for " + values.length);
            }
            double[] kept = new double[values.length];
            double[] keptStrata = new double[values.length];
            int n = 0;
            for (int i = 0; i < values.length; i++) {
                if (Double.isFinite(values[i]) && values[i] > 0) {
                    kept[n] = values[i];
                    keptStrata[n++] = strata == null ? 0 : strata[i];
                }
            }
            return new double[][] {Arrays.copyOf(kept, n), Arrays.copyOf(keptStrata, n)};
        }

        private static int[] toInts(double[] v) {
            int[] out = new int[v.length];
            for (int i = 0; i < v.length; i++) {
                out[i] = (int) v[i];
            }
            return out;
        }
    }

    /** Samples of the level, all blocks. */
    public int levelCount() {
        return blocks.stream().mapToInt(b -> b.level().length).sum();
    }

    /** Samples of one worker alone, all blocks. */
    public int aloneCount() {
        return blocks.stream().mapToInt(b -> b.alone().length).sum();
    }

    /**
     * Every sample as {@code log(sample / median of its stratum)}, block by block ([block][sample]), the
     * medians taken over both sides and every block.
     */
    double[][][] normalized() {
        Map<Integer, List<Double>> byStratum = new HashMap<>();
        for (Block b : blocks) {
            add(byStratum, b.level(), b.levelStrata());
            add(byStratum, b.alone(), b.aloneStrata());
        }
        Map<Integer, Double> logReference = new HashMap<>();
        byStratum.forEach((s, v) -> logReference.put(s, Math.log(Samples.median(v.stream().mapToDouble(Double::doubleValue)
                .toArray()))));
        double[][] level = new double[blocks.size()][];
        double[][] alone = new double[blocks.size()][];
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            level[i] = logs(b.level(), b.levelStrata(), logReference);
            alone[i] = logs(b.alone(), b.aloneStrata(), logReference);
        }
        return new double[][][] {level, alone};
    }

    private static void add(Map<Integer, List<Double>> byStratum, double[] v, int[] strata) {
        for (int i = 0; i < v.length; i++) {
            byStratum.computeIfAbsent(strata[i], k -> new ArrayList<>()).add(v[i]);
        }
    }

    private static double[] logs(double[] v, int[] strata, Map<Integer, Double> logReference) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.log(v[i]) - logReference.get(strata[i]);
        }
        return out;
    }
}
