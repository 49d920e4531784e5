package dev.corescope.experiment.jmh;

/**
 * What ran beside one measured iteration ({@link Occupancy}): when it ran on the run's timeline, and the CPUs of
 * other jobs.
 *
 * @param covered CPUs of other jobs whose benchmark forks ran (starting, warming up or measuring) all through it
 * @param touched CPUs of other jobs whose processes ran at some moment of it
 */
public record IterationContext(long startNanos, long endNanos, int covered, int touched) {
    /** Nothing else ran at any moment of it. */
    public boolean alone() {
        return touched == 0;
    }

    /** Beside others that kept the level's other CPUs busy with their forks all through it ({@code cores}: its own). */
    public boolean atLevel(int width, int cores) {
        return width > cores && covered >= width - cores;
    }

    /** {@code alone}, {@code level} (at {@code width}) or {@code partial}. */
    public String side(int width, int cores) {
        return alone() ? "alone" : atLevel(width, cores) ? "level" : "partial";
    }
}
