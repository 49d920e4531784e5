package dev.corescope.analysis;

import dev.corescope.analysis.Equivalence.Design;
import dev.corescope.analysis.Equivalence.Margins;
import dev.corescope.analysis.Equivalence.Statistic;
import dev.corescope.analysis.Equivalence.EquivalenceVerdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The arithmetic of {@link Equivalence}: normalised log costs per block, the three statistics of a
 * (resampled) pair of samples, the block bootstrap of the level against one worker and of one worker's
 * two halves against each other (the A/A band), and the verdict.
 */
final class EquivalenceEngine {
    private static final int LOCATION = 0;
    private static final int SPREAD = 1;
    private static final int TAIL = 2;
    /** The far fence: Q3 + 3 IQR of one worker's samples (Tukey's "far out"). */
    static final double FENCE_IQRS = 3.0;
    /** The A/A band: the central 99% of the differences between two halves of one worker's blocks. */
    static final double AA_BAND = 0.99;
    static final int AA_SPLITS = 1000;

    private final Design design;
    private final double[][] level;
    private final double[][] alone;
    private final RobustStats stats = new RobustStats();
    private final int levelCount;
    private final int aloneCount;

    EquivalenceEngine(BlockedSamples samples, Design design) {
        this.design = design;
        double[][][] n = samples.normalized();
        this.level = n[0];
        this.alone = n[1];
        this.levelCount = samples.levelCount();
        this.aloneCount = samples.aloneCount();
    }

    Equivalence judge(Margins m, long seed) {
        List<Integer> levelBlocks = new ArrayList<>();
        List<Integer> aloneBlocks = new ArrayList<>();
        for (int i = 0; i < level.length; i++) {
            if (level[i].length > 0) {
                levelBlocks.add(i);
            }
            if (alone[i].length > 0) {
                aloneBlocks.add(i);
            }
        }
        int blocks = (int) java.util.stream.IntStream.range(0, level.length)
                .filter(i -> level[i].length > 0 || alone[i].length > 0).count();
        double[] allLevel = pooled(level);
        double[] allAlone = pooled(alone);
        Arrays.sort(allLevel);
        Arrays.sort(allAlone);
        if (allLevel.length < 2 || allAlone.length < 2) {
            return new Equivalence(EquivalenceVerdict.NEED_MORE_DATA, Statistic.NONE, Statistic.NONE, Statistic.NONE, blocks,
                    levelCount, aloneCount, Double.NaN, Double.NaN, Double.NaN, design.confidence(),
                    "too few samples to compare");
        }
        double fence = Math.max(Math.log(design.fenceFloor()),
                stats.quantile(allAlone, allAlone.length, 0.75) + FENCE_IQRS * stats.iqr(allAlone, allAlone.length));
        double[] point = compare(allLevel, allLevel.length, allAlone, allAlone.length, fence);

        SplittableRandom rng = new SplittableRandom(seed);
        double[][] draws = resample(groups(levelBlocks, aloneBlocks), level, alone, fence, rng);
        double[][] aa = aloneBlocks.size() >= 4 ? splits(ints(aloneBlocks), fence, rng) : null;

        double[] floor = {Math.log1p(m.tolerance()), Math.log(m.spreadLimit()), m.tailExcess()};
        double[][] iv = new double[3][];
        double[][] aaIv = new double[3][];
        double[] margin = new double[3];
        double[] sd = new double[3];
        for (int k = 0; k < 3; k++) {
            iv[k] = Bootstrap.interval(draws[k], design.confidence());
            sd[k] = Bootstrap.sd(draws[k]);
            aaIv[k] = aa == null ? new double[] {Double.NaN, Double.NaN} : Bootstrap.interval(aa[k], AA_BAND);
            double aaBound = Math.max(Math.abs(aaIv[k][0]), Math.abs(aaIv[k][1]));
            margin[k] = Double.isFinite(aaBound) ? Math.max(floor[k], aaBound) : floor[k];
        }
        boolean[] within = {iv[0][0] >= -margin[0] && iv[0][1] <= margin[0], iv[1][1] <= margin[1], iv[2][1] <= margin[2]};
        boolean[] beyond = {iv[0][0] > margin[0] || iv[0][1] < -margin[0], iv[1][0] > margin[1], iv[2][0] > margin[2]};
        String shortOf = shortOf(levelBlocks.size(), aloneBlocks.size());
        EquivalenceVerdict v;
        if (shortOf != null) {
            v = EquivalenceVerdict.NEED_MORE_DATA;
        } else if (within[0] && within[1] && within[2]) {
            v = EquivalenceVerdict.EQUIVALENT;
        } else if (beyond[0] || beyond[1] || beyond[2]) {
            v = EquivalenceVerdict.DIFFERENT;
        } else {
            v = EquivalenceVerdict.NEED_MORE_DATA;
        }
        Statistic loc = ratio(point[LOCATION], iv[0], sd[0], margin[0], aaIv[0]);
        Statistic spr = ratio(point[SPREAD], iv[1], sd[1], margin[1], aaIv[1]);
        Statistic tail = new Statistic(point[TAIL], iv[2][0], iv[2][1], sd[2], margin[2], aaIv[2][0], aaIv[2][1]);
        return new Equivalence(v, loc, spr, tail, blocks, levelCount, aloneCount, Math.exp(fence),
                beyond(allLevel, allLevel.length, fence), beyond(allAlone, allAlone.length, fence), design.confidence(),
                reason(v, shortOf, loc, spr, tail, within, beyond));
    }

    private String shortOf(int levelBlocks, int aloneBlocks) {
        if (levelBlocks < design.minBlocks() || aloneBlocks < design.minBlocks()) {
            return "fewer than " + design.minBlocks() + " blocks on a side (" + levelBlocks + " of the level, " + aloneBlocks
                    + " of one worker)";
        }
        if (levelCount < design.minSamples() || aloneCount < design.minSamples()) {
            return "fewer than " + design.minSamples() + " samples on a side";
        }
        return null;
    }

    private static String reason(EquivalenceVerdict v, String shortOf, Statistic loc, Statistic spr, Statistic tail, boolean[] within,
                                 boolean[] beyond) {
        if (shortOf != null) {
            return shortOf;
        }
        String[] what = {
            "location " + loc.ratioText() + String.format(Locale.ROOT, " against ×%.2f", loc.margin()),
            "spread " + spr.ratioText() + String.format(Locale.ROOT, " against ×%.2f", spr.margin()),
            "tail " + tail.rateText() + String.format(Locale.ROOT, " against %+.1f%%", 100 * tail.margin())};
        List<String> out = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            if (v == EquivalenceVerdict.DIFFERENT ? beyond[k] : v == EquivalenceVerdict.NEED_MORE_DATA && !within[k]) {
                out.add(what[k]);
            }
        }
        return switch (v) {
            case EQUIVALENT -> "every interval inside its margin";
            case DIFFERENT -> "beyond the margin: " + String.join("; ", out);
            case NEED_MORE_DATA -> "not yet inside the margin: " + String.join("; ", out);
        };
    }

    private static Statistic ratio(double point, double[] iv, double sd, double margin, double[] aa) {
        return new Statistic(Math.exp(point), Math.exp(iv[0]), Math.exp(iv[1]), sd, Math.exp(margin), Math.exp(aa[0]),
                Math.exp(aa[1]));
    }

    /** The blocks grouped by which sides they hold: each group is resampled on its own, keeping its count. */
    private static int[][] groups(List<Integer> levelBlocks, List<Integer> aloneBlocks) {
        List<Integer> both = new ArrayList<>(levelBlocks);
        both.retainAll(aloneBlocks);
        List<Integer> levelOnly = new ArrayList<>(levelBlocks);
        levelOnly.removeAll(both);
        List<Integer> aloneOnly = new ArrayList<>(aloneBlocks);
        aloneOnly.removeAll(both);
        return java.util.stream.Stream.of(both, levelOnly, aloneOnly).filter(g -> !g.isEmpty())
                .map(EquivalenceEngine::ints).toArray(int[][]::new);
    }

    /**
     * The A/A band's draws, {@code [statistic][split]}: one worker's blocks split at random into two halves (whole
     * blocks to each, no sample repeated), one half's statistics against the other's. A split and its mirror
     * are equally likely, so the band is symmetric around 0; it widens with the one worker's own noise: drift
     * between blocks, a stall in a control.
     */
    private double[][] splits(int[] blocks, double fence, SplittableRandom rng) {
        int half = blocks.length / 2;
        int[] order = blocks.clone();
        double[] bufA = new double[maxTotal(new int[][] {blocks}, alone)];
        double[] bufB = new double[bufA.length];
        double[][] out = new double[3][AA_SPLITS];
        for (int r = 0; r < AA_SPLITS; r++) {
            for (int i = 0; i < half; i++) { // a partial Fisher–Yates shuffle: the first half is a random half
                int j = i + rng.nextInt(order.length - i);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            int na = 0;
            int nb = 0;
            for (int i = 0; i < order.length; i++) {
                double[] v = alone[order[i]];
                if (i < half) {
                    System.arraycopy(v, 0, bufA, na, v.length);
                    na += v.length;
                } else {
                    System.arraycopy(v, 0, bufB, nb, v.length);
                    nb += v.length;
                }
            }
            double[] s = na >= 2 && nb >= 2 ? compare(bufA, na, bufB, nb, fence) : new double[] {Double.NaN, Double.NaN, Double.NaN};
            for (int k = 0; k < 3; k++) {
                out[k][r] = s[k];
            }
        }
        return out;
    }

    /** {@code [statistic][resample]}: the statistics of {@code first} against {@code second}, blocks resampled. */
    private double[][] resample(int[][] groups, double[][] first, double[][] second, double fence, SplittableRandom rng) {
        int[][] drawn = copyShape(groups);
        double[] bufFirst = new double[maxTotal(groups, first)];
        double[] bufSecond = new double[maxTotal(groups, second)];
        boolean within = design.resampling() == Equivalence.Resampling.BLOCKS_THEN_SAMPLES;
        double[][] out = new double[3][design.resamples()];
        for (int r = 0; r < design.resamples(); r++) {
            Bootstrap.blocks(groups, drawn, rng);
            int nf = gather(first, drawn, bufFirst, within, rng);
            int ns = gather(second, drawn, bufSecond, within, rng);
            double[] s = nf >= 2 && ns >= 2 ? compare(bufFirst, nf, bufSecond, ns, fence)
                    : new double[] {Double.NaN, Double.NaN, Double.NaN};
            out[LOCATION][r] = s[LOCATION];
            out[SPREAD][r] = s[SPREAD];
            out[TAIL][r] = s[TAIL];
        }
        return out;
    }

    /** (location, spread, tail) of the first {@code nf} values of {@code f} against {@code ns} of {@code s}; sorts them. */
    private double[] compare(double[] f, int nf, double[] s, int ns, double fence) {
        Arrays.sort(f, 0, nf);
        Arrays.sort(s, 0, ns);
        double iqrF = stats.iqr(f, nf);
        double iqrS = stats.iqr(s, ns);
        double spread = iqrF > 0 && iqrS > 0 ? Math.log(iqrF / iqrS) : Double.NaN;
        return new double[] {RobustStats.trimmedMean(f, nf, RobustStats.TRIM) - RobustStats.trimmedMean(s, ns, RobustStats.TRIM),
            spread, beyond(f, nf, fence) - beyond(s, ns, fence)};
    }

    /** Share of the first {@code n} sorted values above {@code fence}. */
    private static double beyond(double[] sorted, int n, double fence) {
        int i = Arrays.binarySearch(sorted, 0, n, Math.nextUp(fence));
        int firstAbove = i >= 0 ? i : -i - 1;
        while (firstAbove > 0 && sorted[firstAbove - 1] > fence) {
            firstAbove--;
        }
        return (double) (n - firstAbove) / n;
    }

    private static int gather(double[][] src, int[][] drawn, double[] buf, boolean within, SplittableRandom rng) {
        int n = 0;
        for (int[] group : drawn) {
            for (int b : group) {
                double[] v = src[b];
                if (within) {
                    for (int i = 0; i < v.length; i++) {
                        buf[n++] = v[rng.nextInt(v.length)];
                    }
                } else {
                    System.arraycopy(v, 0, buf, n, v.length);
                    n += v.length;
                }
            }
        }
        return n;
    }

    private static int maxTotal(int[][] groups, double[][] src) {
        int total = 0;
        for (int[] g : groups) {
            int max = 0;
            for (int b : g) {
                max = Math.max(max, src[b].length);
            }
            total += max * g.length;
        }
        return total;
    }

    private static int[][] copyShape(int[][] groups) {
        int[][] out = new int[groups.length][];
        for (int g = 0; g < groups.length; g++) {
            out[g] = new int[groups[g].length];
        }
        return out;
    }

    private static double[] pooled(double[][] blocks) {
        return Arrays.stream(blocks).flatMapToDouble(Arrays::stream).toArray();
    }

    private static int[] ints(List<Integer> v) {
        return v.stream().mapToInt(Integer::intValue).toArray();
    }
}
