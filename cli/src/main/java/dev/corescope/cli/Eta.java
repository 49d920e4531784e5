package dev.corescope.cli;

import java.util.OptionalDouble;
import java.util.function.LongSupplier;

/**
 * The estimated time left of a run whose plan knows its work: {@code total} units (steps, or steps weighted by their
 * expected share of the run's time), of which {@link #add} reports those done. The rate is measured from the end of
 * the first step on, so that set-up before it (starting workers, calibration, warm-up) does not count as work; until
 * a second step ends, from the start. Thread-safe; the clock is injected (nanoseconds).
 */
final class Eta {
    private final long total;
    private final LongSupplier nanos;
    private final long start;
    private long done;
    private long firstAt = -1;
    private long firstDone;

    Eta(long total, LongSupplier nanos) {
        this.total = total;
        this.nanos = nanos;
        this.start = nanos.getAsLong();
    }

    synchronized void add(long units) {
        done += Math.max(0, units);
        if (firstAt < 0) {
            firstAt = nanos.getAsLong();
            firstDone = done;
        }
    }

    /** The share done, 0..1; NaN when the total is not known. */
    synchronized double fraction() {
        return total > 0 ? Math.min(1, done / (double) total) : Double.NaN;
    }

    synchronized double elapsedSeconds() {
        return (nanos.getAsLong() - start) / 1e9;
    }

    /** Seconds left at the rate measured so far; empty before any step, or when the total is not known. */
    synchronized OptionalDouble remainingSeconds() {
        if (total <= 0 || done <= 0) {
            return OptionalDouble.empty();
        }
        if (done >= total) {
            return OptionalDouble.of(0);
        }
        long now = nanos.getAsLong();
        double rate = done > firstDone && now > firstAt
                ? (done - firstDone) / ((now - firstAt) / 1e9)
                : done / Math.max(1e-9, (now - start) / 1e9);
        return rate > 0 ? OptionalDouble.of((total - done) / rate) : OptionalDouble.empty();
    }

    /** {@code 27%, 4.2 s, about 11 s left} (the estimate once a second has passed); {@code 12.0 s} without a total. */
    synchronized String status() {
        double elapsed = elapsedSeconds();
        if (total <= 0) {
            return clock(elapsed);
        }
        String s = Math.round(100 * fraction()) + "%, " + clock(elapsed);
        OptionalDouble left = remainingSeconds();
        return left.isPresent() && elapsed >= 1 && done < total ? s + ", about " + left(left.getAsDouble()) + " left" : s;
    }

    /** {@code 4.2 s}, {@code 3m 05s}, {@code 1h 02m}. */
    static String clock(double seconds) {
        return dev.corescope.analysis.Units.human(seconds);
    }

    /** A time left, to the second: {@code under a second}, {@code 11 s}, {@code 3m 05s}. */
    static String left(double seconds) {
        return seconds < 1 ? "under a second" : seconds < 60 ? Math.round(seconds) + " s" : clock(seconds);
    }
}
