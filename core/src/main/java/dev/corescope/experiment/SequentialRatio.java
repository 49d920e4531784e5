package dev.corescope.experiment;

import dev.corescope.analysis.Units;

/**
 * How many times faster than the sequential baseline a parallel level ran, said only when physics allows it:
 * a ratio above the CPUs the pool can use is not a speedup but a sign that the sequential tasks ran slower per
 * task than the parallel ones (a colder JIT, a clock that moved, other work), and is flagged as such.
 */
final class SequentialRatio {
    private SequentialRatio() {
    }

    /**
     * @param ratio       sequential time over the level's time (or the level's rate over the sequential rate)
     * @param cpus        the CPUs the pool can use at once
     * @param perTaskSeq  the sequential baseline's seconds per task
     * @param alone       one worker's mean task seconds in the same run, NaN when not measured
     */
    static String describe(double ratio, double cpus, double perTaskSeq, double alone) {
        if (!(ratio > cpus * 1.02)) {
            return Units.format("%.2fx faster than sequential.", ratio);
        }
        String why = Double.isFinite(alone)
                ? Units.format(" the sequential tasks took %.3f s each against %.3f s for one worker alone in the sweep",
                        perTaskSeq, alone)
                : Units.format(" the sequential tasks (%.3f s each) ran slower than the parallel ones", perTaskSeq);
        return Units.format("FLAGGED, not a speedup: %.2fx the sequential figure is more than the %s CPUs this "
                + "process can use, so the baseline is not comparable:", ratio, cpus == Math.rint(cpus) ? String.valueOf((long) cpus) : Units.format("%.2f", cpus))
                + why + " (a colder JIT, a clock that moved or other work while it ran).";
    }
}
