package dev.corescope.exec;

/**
 * How another clock maps onto this JVM's {@link System#nanoTime()}: a few round trips that each read the
 * other clock, and of the shortest one {@code offset = sent + rtt / 2 - otherTime} (the other clock was read
 * half way, within half that round trip). Worker JVMs are synced this way at start (pings on their pipe) and
 * cluster members at connect (signed clock probes). On one host the offset is ~0 (one monotonic clock);
 * it does not drift-correct: task times are measured on one clock and do not depend on it.
 *
 * @param offsetNanos        to add to a timestamp of the other clock to place it on this one
 * @param bestRoundTripNanos the shortest round trip, twice the offset's error at most
 */
public record ClockSync(long offsetNanos, long bestRoundTripNanos) {

    /** One round trip: reads the other clock. */
    @FunctionalInterface
    public interface Probe<E extends Exception> {
        long otherNanoTime() throws E;
    }

    /** The offset from {@code rounds} round trips of {@code probe}. */
    public static <E extends Exception> ClockSync measure(int rounds, Probe<E> probe) throws E {
        long bestRtt = Long.MAX_VALUE;
        long offset = 0;
        for (int i = 0; i < rounds; i++) {
            long sent = System.nanoTime();
            long other = probe.otherNanoTime();
            long rtt = System.nanoTime() - sent;
            if (rtt < bestRtt) {
                bestRtt = rtt;
                offset = offsetOf(sent, rtt, other);
            }
        }
        return new ClockSync(offset, bestRtt);
    }

    /** The offset of one round trip sent at {@code sent} that took {@code rtt} and read {@code other}. */
    static long offsetOf(long sent, long rtt, long other) {
        return sent + rtt / 2 - other;
    }
}
