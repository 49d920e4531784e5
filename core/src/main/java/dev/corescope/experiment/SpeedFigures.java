package dev.corescope.experiment;

import dev.corescope.exec.TaskRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The speedup of a level over one worker, measured in the run: (parallel work / parallel wall) ÷ (control work /
 * control wall), with a 95% interval that resamples whole blocks. A task's work is the median time of its size
 * (both sides together), so parallel tasks and controls of different size mixes compare. The parallel wall is
 * the workers' time on the measured tasks divided by the level: every measured task ran with all the level's
 * workers busy (fillers keep them so; the occupancy says how far that held), so this is the wall those tasks
 * take at the level, without the drains and controls between stretches, which the end-to-end figure counts.
 */
final class SpeedFigures {
    private static final int RESAMPLES = 2000;
    /** A point this far above the level is flagged, as the sanity layer's efficiency rule allows (5%). */
    static final double ABOVE_LEVEL = 0.05;

    private SpeedFigures() {
    }

    /** A block's parallel records and control records. */
    record Block(List<TaskRecord> parallel, List<TaskRecord> controls) {
    }

    /** Null without a parallel task or a control. */
    static Assessment.Speed of(List<Block> blocks, int level, long seed) {
        Map<Long, double[]> work = typical(blocks);
        int b = blocks.size();
        double[][] sums = new double[b][4]; // parallel work, parallel busy, control work, control busy
        int parallelTasks = 0;
        int controls = 0;
        for (int i = 0; i < b; i++) {
            for (TaskRecord r : ok(blocks.get(i).parallel())) {
                sums[i][0] += work.get(r.size())[0];
                sums[i][1] += r.wallSeconds() / level;
                parallelTasks++;
            }
            for (TaskRecord r : ok(blocks.get(i).controls())) {
                sums[i][2] += work.get(r.size())[0];
                sums[i][3] += r.wallSeconds();
                controls++;
            }
        }
        if (parallelTasks == 0 || controls == 0) {
            return null;
        }
        double point = speedup(sums, null);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] draws = new double[RESAMPLES];
        int[] pick = new int[b];
        for (int r = 0; r < RESAMPLES; r++) {
            for (int i = 0; i < b; i++) {
                pick[i] = rng.nextInt(b);
            }
            draws[r] = speedup(sums, pick);
        }
        java.util.Arrays.sort(draws);
        double[] total = total(sums, null);
        double low = quantile(draws, 0.025);
        String flag = low > level ? String.format(java.util.Locale.ROOT, "above the %d workers, interval included: the "
                + "parallel tasks ran faster than one worker alone, which workers sharing one machine cannot do; not a "
                + "speed-up to rely on", level)
                : point > level * (1 + ABOVE_LEVEL) ? String.format(java.util.Locale.ROOT, "above the %d workers by more "
                + "than %.0f%%: the parallel tasks ran faster than one worker alone, which workers sharing one machine "
                + "cannot do (one worker measured slow: cold caches or a clock that drops while one worker runs alone, "
                + "for tasks this short); not a speed-up to rely on", level, 100 * ABOVE_LEVEL) : null;
        return new Assessment.Speed(point, low, quantile(draws, 0.975), level, parallelTasks,
                total[0], total[1], controls, total[2], total[3], flag);
    }

    private static double speedup(double[][] sums, int[] pick) {
        double[] t = total(sums, pick);
        return t[1] > 0 && t[2] > 0 ? (t[0] / t[1]) / (t[2] / t[3]) : Double.NaN;
    }

    private static double[] total(double[][] sums, int[] pick) {
        double[] t = new double[4];
        for (int i = 0; i < sums.length; i++) {
            double[] s = sums[pick == null ? i : pick[i]];
            for (int k = 0; k < 4; k++) {
                t[k] += s[k];
            }
        }
        return t;
    }

    private static double quantile(double[] sorted, double p) {
        int n = (int) java.util.Arrays.stream(sorted).filter(d -> !Double.isNaN(d)).count();
        if (n == 0) {
            return Double.NaN;
        }
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        return sorted[lo] + (h - lo) * (sorted[Math.min(n - 1, lo + 1)] - sorted[lo]);
    }

    /** The median wall time of each size over every successful record of the blocks. */
    static Map<Long, double[]> typical(List<Block> blocks) {
        Map<Long, List<Double>> bySize = new HashMap<>();
        for (Block b : blocks) {
            for (TaskRecord r : ok(b.parallel())) {
                bySize.computeIfAbsent(r.size(), k -> new java.util.ArrayList<>()).add(r.wallSeconds());
            }
            for (TaskRecord r : ok(b.controls())) {
                bySize.computeIfAbsent(r.size(), k -> new java.util.ArrayList<>()).add(r.wallSeconds());
            }
        }
        Map<Long, double[]> out = new HashMap<>();
        bySize.forEach((size, v) -> {
            double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int n = s.length;
            out.put(size, new double[] {n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2])});
        });
        return out;
    }

    private static List<TaskRecord> ok(List<TaskRecord> records) {
        return records.stream().filter(TaskRecord::ok).toList();
    }
}
