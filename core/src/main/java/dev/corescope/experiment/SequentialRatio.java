package dev.corescope.experiment;

import dev.corescope.analysis.Units;
import java.util.Optional;

/**
 * A ratio to the sequential baseline, checked against physics: a ratio above the CPUs the pool can use is not a
 * speedup but a sign that the sequential tasks ran slower per task than the parallel ones (a colder JIT, a clock
 * that moved, other work), and is flagged as such instead of being printed as "x faster".
 */
final class SequentialRatio {
    /** How far above the CPUs a ratio may come before it is flagged: the timing noise of a few whole-level times. */
    static final double SLACK = 0.02;

    private SequentialRatio() {
    }

    /**
     * The flag for {@code ratio}, empty when it is physically possible.
     *
     * @param ratio       sequential time over the level's time (or the level's rate over the sequential rate)
     * @param cpus        the CPUs the pool can use at once
     * @param perTaskSeq  the sequential baseline's seconds per task
     * @param alone       one worker's mean task seconds in the same run, NaN when not measured
     */
    static Optional<String> flag(double ratio, double cpus, double perTaskSeq, double alone) {
        if (!(ratio > cpus * (1 + SLACK))) {
            return Optional.empty();
        }
        String why = Double.isFinite(alone)
                ? Units.format(" the sequential tasks took %.3f s each against %.3f s for one worker alone in the sweep",
                        perTaskSeq, alone)
                : Units.format(" the sequential tasks (%.3f s each) ran slower than the parallel ones", perTaskSeq);
        String cpuCount = cpus == Math.rint(cpus) ? String.valueOf((long) cpus) : Units.format("%.2f", cpus);
        return Optional.of(Units.format("FLAGGED, not a speedup: %.2fx the sequential figure is more than the %s CPUs "
                + "this process can use, so the baseline is not comparable:", ratio, cpuCount)
                + why + " (a colder JIT, a clock that moved or other work while it ran).");
    }
}
