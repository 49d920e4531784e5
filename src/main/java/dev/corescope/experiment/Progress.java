package dev.corescope.experiment;

/**
 * Where an experiment reports its steps while it runs: a port of the experiment package. The CLI
 * implements it on the console (a progress bar on a terminal, plain lines in logs); the Java API is
 * silent by default ({@link #NONE}).
 */
@FunctionalInterface
public interface Progress extends AutoCloseable {
    void step(String message);

    @Override
    default void close() {
    }

    Progress NONE = message -> { };

    /** Opens the progress of one run: its task name and number of steps (0 when not known in advance). */
    @FunctionalInterface
    interface Factory {
        Progress open(String task, long total);

        Factory NONE = (task, total) -> Progress.NONE;
    }
}
