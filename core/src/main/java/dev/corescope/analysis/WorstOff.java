package dev.corescope.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Each worker's slowdown against one worker alone, with bootstrap draws that resample rounds: the
 * statistic behind the threshold's verdict ({@link ThresholdDetector}). For worker w of a level,
 * {@code log(trimmed mean of w's tasks / trimmed mean of one worker's tasks)}, the 20% trimmed mean (the
 * middle 60% of the values: as untouched as the median by a stall in one round of five, and about 1.5 times
 * as efficient on the near-normal spread of a CPU-bound task, so a level of many workers settles in fewer
 * rounds); the draws resample the level's rounds
 * with replacement (a round's tasks ran at the same instant and share its luck: they are not independent
 * samples), and the baseline's rounds with them when the two were measured in the same blocks (paired: a
 * block's drift reaches both), else independently. A resampled round counts with its multiplicity, so a
 * worker's resampled statistic is a weighted one of its own tasks: no copying, no sorting per draw.
 *
 * <p>Without worker labels all tasks are one group (all tasks pooled); without round labels every
 * task is its own round. Also drawn, on the same resamples: the mean run-queue wait share of the level
 * minus the baseline's.
 *
 * @param point      per worker, the log ratio of its trimmed mean to the baseline's
 * @param draws      per worker, {@code resamples} bootstrap values of it (NaN when the worker had no task
 *                   in the drawn rounds)
 * @param workerOf   per worker (group), its label in the level ({@code -1}: all tasks pooled)
 * @param cpuOf      per worker, the CPU its tasks ran on most often ({@code -1}: unknown)
 * @param pooled     log ratio of the median of all the level's tasks to the baseline's
 * @param waitPoint  mean wait share of the level minus the baseline's (NaN: not measured)
 * @param waitDraws  bootstrap values of it (empty when not measured)
 * @param meanPoint  log ratio of the level's mean task time to the baseline's (every task, stalls too)
 * @param meanDraws  bootstrap values of it
 * @param rounds     the level's rounds
 * @param paired     whether the baseline was resampled block by block with the level
 */
record WorstOff(double[] point, double[][] draws, int[] workerOf, int[] cpuOf, double pooled, double waitPoint,
                double[] waitDraws, double meanPoint, double[] meanDraws, int rounds, boolean paired) {

    /** One side's tasks, grouped: values sorted ascending per group, each with the index of its round. */
    private record Side(double[][] values, int[][] roundIndex, int[] label, int[] cpu, double[] shareSum,
                        int[] shareCount, double[] wallSum, int[] wallCount) {
    }

    static WorstOff of(LevelSample base, LevelSample level, int resamples, long seed) {
        double[] lw = level.wallSeconds();
        Map<Integer, Integer> roundIndex = new HashMap<>();
        int[] levelRound = roundIndices(level, roundIndex);
        int r = roundIndex.size();
        double[] bw = base.wallSeconds();
        boolean paired = level.hasRounds() && base.hasRounds() && r > 0 && covers(base, roundIndex.keySet());
        Map<Integer, Integer> baseIndex = paired ? roundIndex : new HashMap<>();
        int[] baseRound = paired ? pairedIndices(base, roundIndex) : roundIndices(base, baseIndex);
        int s = paired ? r : baseIndex.size();
        Side lv = side(level, levelRound, r, level.hasWorkers());
        Side bs = side(base, baseRound, s, false);
        int g = lv.values.length;
        double baseLocation = location(bs.values[0], bs.roundIndex[0], null);
        double[] point = new double[g];
        for (int i = 0; i < g; i++) {
            point[i] = Math.log(location(lv.values[i], lv.roundIndex[i], null) / baseLocation);
        }
        double pooled = Math.log(Samples.median(finite(lw)) / Samples.median(finite(bw)));
        boolean waits = lv.shareCount != null && bs.shareCount != null;
        double waitPoint = waits ? meanShare(lv, null) - meanShare(bs, null) : Double.NaN;
        double meanPoint = Math.log(meanWall(lv, null) / meanWall(bs, null));
        double[][] draws = new double[g][resamples];
        double[] waitDraws = waits ? new double[resamples] : new double[0];
        double[] meanDraws = new double[resamples];
        SplittableRandom rng = new SplittableRandom(seed);
        int[] c = new int[r];
        int[] d = paired ? c : new int[s];
        for (int b = 0; b < resamples; b++) {
            draw(c, rng);
            if (!paired) {
                draw(d, rng);
            }
            double mb = Math.log(location(bs.values[0], bs.roundIndex[0], d));
            for (int i = 0; i < g; i++) {
                draws[i][b] = Math.log(location(lv.values[i], lv.roundIndex[i], c)) - mb;
            }
            if (waits) {
                waitDraws[b] = meanShare(lv, c) - meanShare(bs, d);
            }
            meanDraws[b] = Math.log(meanWall(lv, c) / meanWall(bs, d));
        }
        return new WorstOff(point, draws, lv.label, lv.cpu, pooled, waitPoint, waitDraws, meanPoint, meanDraws, r, paired);
    }

    int groups() {
        return point.length;
    }

    /**
     * The bootstrap spread of worker {@code i}'s log ratio, as a standard deviation: the interquartile range of
     * its draws / 1.349 (NaN draws ignored). Robust: the few resamples that happen to draw a stalled round many
     * times do not widen the bound, as they would a plain standard deviation; on a normal spread the two agree.
     */
    double sd(int i) {
        double[] v = java.util.Arrays.stream(draws[i]).filter(Double::isFinite).sorted().toArray();
        if (v.length < 4) {
            return Double.NaN;
        }
        return (Samples.quantileOfSorted(v, 0.75) - Samples.quantileOfSorted(v, 0.25)) / 1.349;
    }

    /** Whether the baseline's rounds are the level's blocks: each of the level's rounds has a baseline task. */
    private static boolean covers(LevelSample base, java.util.Set<Integer> rounds) {
        double[] w = base.wallSeconds();
        int[] rd = base.round();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < w.length; i++) {
            if (Double.isFinite(w[i]) && rounds.contains(rd[i])) {
                seen.add(rd[i]);
            }
        }
        return seen.size() == rounds.size();
    }

    /** Index of each finite task's round (-1: not finite), numbering the rounds in {@code index}. */
    private static int[] roundIndices(LevelSample s, Map<Integer, Integer> index) {
        double[] w = s.wallSeconds();
        int[] rd = s.round();
        int[] out = new int[w.length];
        for (int i = 0; i < w.length; i++) {
            if (!Double.isFinite(w[i])) {
                out[i] = -1;
                continue;
            }
            int key = s.hasRounds() ? rd[i] : i;
            out[i] = index.computeIfAbsent(key, k -> index.size());
        }
        return out;
    }

    /** The baseline's finite tasks in the level's blocks, by the level's round index (-1: another block). */
    private static int[] pairedIndices(LevelSample base, Map<Integer, Integer> index) {
        double[] w = base.wallSeconds();
        int[] rd = base.round();
        int[] out = new int[w.length];
        for (int i = 0; i < w.length; i++) {
            Integer k = Double.isFinite(w[i]) ? index.get(rd[i]) : null;
            out[i] = k == null ? -1 : k;
        }
        return out;
    }

    private static Side side(LevelSample s, int[] roundOf, int rounds, boolean byWorker) {
        double[] w = s.wallSeconds();
        int[] workers = s.worker();
        int[] cpus = s.cpu();
        Map<Integer, Integer> groupOf = new HashMap<>();
        List<List<double[]>> groups = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<Map<Integer, Integer>> cpuCounts = new ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            if (roundOf[i] < 0) {
                continue;
            }
            int label = byWorker ? workers[i] : -1;
            int gi = groupOf.computeIfAbsent(label, k -> {
                groups.add(new ArrayList<>());
                labels.add(k);
                cpuCounts.add(new HashMap<>());
                return groups.size() - 1;
            });
            groups.get(gi).add(new double[] {w[i], roundOf[i]});
            if (cpus.length > 0 && cpus[i] >= 0) {
                cpuCounts.get(gi).merge(cpus[i], 1, Integer::sum);
            }
        }
        int g = groups.size();
        double[][] values = new double[g][];
        int[][] roundIndex = new int[g][];
        int[] cpu = new int[g];
        for (int i = 0; i < g; i++) {
            List<double[]> l = groups.get(i);
            l.sort((a, b) -> Double.compare(a[0], b[0]));
            values[i] = l.stream().mapToDouble(a -> a[0]).toArray();
            roundIndex[i] = l.stream().mapToInt(a -> (int) a[1]).toArray();
            cpu[i] = cpuCounts.get(i).entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                    .orElse(-1);
        }
        double[] wallSum = new double[rounds];
        int[] wallCount = new int[rounds];
        for (int i = 0; i < w.length; i++) {
            if (roundOf[i] >= 0) {
                wallSum[roundOf[i]] += w[i];
                wallCount[roundOf[i]]++;
            }
        }
        double[] shares = shares(s);
        double[] shareSum = null;
        int[] shareCount = null;
        if (shares != null) {
            shareSum = new double[rounds];
            shareCount = new int[rounds];
            for (int i = 0; i < w.length; i++) {
                if (roundOf[i] >= 0 && Double.isFinite(shares[i])) {
                    shareSum[roundOf[i]] += shares[i];
                    shareCount[roundOf[i]]++;
                }
            }
            if (Arrays.stream(shareCount).sum() == 0) {
                shareSum = null;
                shareCount = null;
            }
        }
        return new Side(values, roundIndex, labels.stream().mapToInt(Integer::intValue).toArray(), cpu, shareSum,
                shareCount, wallSum, wallCount);
    }

    /** Per task its wait share (NaN where unknown), or null when no task's wait is known. */
    private static double[] shares(LevelSample s) {
        double[] w = s.wallSeconds();
        double[] q = s.waitSeconds();
        if (q.length != w.length) {
            return null;
        }
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = Double.isFinite(q[i]) && Double.isFinite(w[i]) && w[i] > 0 ? q[i] / w[i] : Double.NaN;
        }
        return out;
    }

    /** Mean task time with each round counted {@code weight[round]} times (null: once). */
    private static double meanWall(Side s, int[] weight) {
        return weightedMean(s.wallSum, s.wallCount, weight);
    }

    /** Mean wait share with each round counted {@code weight[round]} times (null: once). */
    private static double meanShare(Side s, int[] weight) {
        return weightedMean(s.shareSum, s.shareCount, weight);
    }

    /** The mean of values summed ({@code sum}) and counted ({@code count}) per round, each round {@code weight} times. */
    private static double weightedMean(double[] sum, int[] count, int[] weight) {
        double total = 0;
        double n = 0;
        for (int r = 0; r < sum.length; r++) {
            int k = weight == null ? 1 : weight[r];
            total += k * sum[r];
            n += k * count[r];
        }
        return n == 0 ? Double.NaN : total / n;
    }

    /** {@code counts}: how often each of its {@code counts.length} rounds was drawn, {@code counts.length} draws. */
    private static void draw(int[] counts, SplittableRandom rng) {
        Arrays.fill(counts, 0);
        for (int i = 0; i < counts.length; i++) {
            counts[rng.nextInt(counts.length)]++;
        }
    }

    /** The location statistic of a worker's (or one worker's) tasks: their {@link #trimmedMean}. */
    static double location(double[] sorted, int[] round, int[] weight) {
        return trimmedMean(sorted, round, weight);
    }

    /** The share of the weight trimmed from each end by {@link #trimmedMean}. */
    static final double TRIM = 0.2;

    /**
     * The mean of the middle {@code 1 - 2 TRIM} of {@code sorted}, each value counted {@code weight[round[i]]}
     * times (null: once), the values at the cut counted in part; NaN when the total weight is 0.
     */
    static double trimmedMean(double[] sorted, int[] round, int[] weight) {
        double total = 0;
        for (int i = 0; i < sorted.length; i++) {
            total += weight == null ? 1 : weight[round[i]];
        }
        if (total == 0) {
            return Double.NaN;
        }
        double lo = TRIM * total;
        double hi = total - lo;
        double cum = 0;
        double sum = 0;
        for (int i = 0; i < sorted.length && cum < hi; i++) {
            double k = weight == null ? 1 : weight[round[i]];
            double in = Math.min(cum + k, hi) - Math.max(cum, lo);
            if (in > 0) {
                sum += in * sorted[i];
            }
            cum += k;
        }
        return sum / (hi - lo);
    }

    private static double[] finite(double[] x) {
        return Samples.finite(x);
    }
}
