package dev.corescope.experiment;

/**
 * Where an experiment reports its steps while it runs: a port of the experiment package. The CLI
 * implements it on the console (a progress bar on a terminal, plain lines in logs); the Java API is
 * silent by default ({@link #NONE}).
 */
@FunctionalInterface
public interface Progress extends AutoCloseable {
    /** One step of one unit done. */
    void step(String message);

    /**
     * A step of {@code units} done: its weight in the plan's total (e.g. its expected share of the run's time), so
     * that the estimate of the time left holds when steps differ in length. Default: one step.
     */
    default void step(String message, long units) {
        step(message);
    }

    @Override
    default void close() {
    }

    Progress NONE = message -> { };

    /**
     * Opens the progress of one run: its task name and its total units of work (the number of steps, or their
     * weights' sum; 0 when not known in advance).
     */
    @FunctionalInterface
    interface Factory {
        Progress open(String task, long total);

        Factory NONE = (task, total) -> Progress.NONE;
    }
}
