package dev.corescope.exec;

import java.util.function.LongSupplier;

/** The run's monotonic timeline: nanoseconds since the run started. The source is injectable for tests. */
public final class RunClock {
    private final LongSupplier nanoTime;
    private final long origin;

    public RunClock() {
        this(System::nanoTime);
    }

    public RunClock(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.origin = nanoTime.getAsLong();
    }

    /** Now, on the run's timeline. */
    public long now() {
        return nanoTime.getAsLong() - origin;
    }

    /** A {@link System#nanoTime()} reading placed on the run's timeline. */
    public long toRun(long nanoTimeReading) {
        return nanoTimeReading - origin;
    }
}
