package dev.corescope.cluster;

import java.io.Serializable;
import java.util.concurrent.Callable;

/** Returns the member's {@link System#nanoTime()}: the coordinator maps member clocks onto its own with it. */
public record ClockProbe() implements Callable<Long>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public Long call() {
        return System.nanoTime();
    }
}
