package dev.corescope;

/**
 * The builders of the commands that measure levels 1..max of concurrent workers (investigate, sweep,
 * rounds): their largest level.
 */
@SuppressWarnings("unchecked")
public abstract class LevelBuilder<B extends LevelBuilder<B>> extends ExperimentBuilder<B> {
    private Integer max;

    LevelBuilder() {
    }

    /** The largest level (default 2 x available CPUs + 2: this machine's, or the simulated one's). */
    public B max(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("max must be >= 1");
        }
        this.max = n;
        return (B) this;
    }

    /** {@link #max}, or its default. */
    int levels() {
        return max != null ? max : 2 * host().availableProcessors() + 2;
    }
}
