package dev.corescope.analysis;

import java.util.Comparator;
import java.util.List;

/**
 * How one experiment of a level run (a sweep, rounds, a queue) scaled with its workers: per level the speedup
 * (throughput over one worker's) and efficiency (speedup / P); the throughput knee ({@link Knee}, 95% of the best
 * throughput); where time-slicing starts: the first level whose tasks waited in the run queue for more than
 * {@value #SLICED_SHARE} of their wall time and more than twice one worker's share (read per task from the kernel;
 * -1 when nothing waited that long or the wait was not measured); and where tasks became slower: the first level whose mean task took more than
 * {@value #SLOWER} longer than one worker's (-1: none). The charts mark the same levels the findings name.
 *
 * @param experiment the experiment's name
 * @param levels     its levels in order of workers
 * @param knee       the knee, null without a finite throughput
 * @param slicedFrom the first time-sliced level, -1 for none
 * @param slowerFrom the first level with slower tasks, -1 for none
 */
public record LevelScaling(String experiment, List<LevelSummary> levels, Knee knee, int slicedFrom, int slowerFrom) {
    /** Run-queue wait above this share of a task's wall time: time-sliced. */
    public static final double SLICED_SHARE = 0.03;
    /** A mean task time this much above one worker's: slower. */
    public static final double SLOWER = 0.10;

    public LevelScaling {
        levels = List.copyOf(levels);
    }

    /** The scaling of {@code experiment}'s levels among {@code all}. */
    public static LevelScaling of(String experiment, List<LevelSummary> all) {
        List<LevelSummary> ls = all.stream().filter(l -> l.experiment().equals(experiment))
                .sorted(Comparator.comparingInt(LevelSummary::workers)).toList();
        int[] w = ls.stream().mapToInt(LevelSummary::workers).toArray();
        double[] x = ls.stream().mapToDouble(LevelSummary::throughput).toArray();
        Knee knee = ls.isEmpty() ? null : Knee.fromThroughput(w, x, Knee.DEFAULT_SLACK);
        double base = ls.stream().filter(l -> l.workers() == 1).mapToDouble(l -> l.perTask().mean()).findFirst()
                .orElse(Double.NaN);
        double baseShare = ls.stream().filter(l -> l.workers() == 1).mapToDouble(LevelScaling::waitShare).findFirst()
                .orElse(Double.NaN);
        int sliced = -1;
        int slower = -1;
        for (LevelSummary l : ls) {
            if (sliced < 0 && l.workers() > 1 && waitShare(l) > SLICED_SHARE
                    && !(waitShare(l) <= 2 * baseShare)) {
                sliced = l.workers();
            }
            if (slower < 0 && l.workers() > 1 && l.perTask().mean() > (1 + SLOWER) * base) {
                slower = l.workers();
            }
        }
        return new LevelScaling(experiment, ls, knee, sliced, slower);
    }

    /** Run-queue wait per task over the mean task's wall time (NaN when not measured). */
    public static double waitShare(LevelSummary l) {
        double mean = l.perTask().mean();
        return mean > 0 && Double.isFinite(l.waitPerTask()) ? l.waitPerTask() / mean : Double.NaN;
    }

    /** The level with {@code workers}, or null. */
    public LevelSummary level(int workers) {
        return levels.stream().filter(l -> l.workers() == workers).findFirst().orElse(null);
    }
}
