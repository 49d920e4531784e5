package dev.corescope.exec;

/**
 * What this JVM's clocks resolve, measured as JMH does at start-up: the wall clock's granularity (the
 * smallest step {@link System#nanoTime()} takes) and the cost of one reading, whichever is larger; and the
 * same for a task's CPU-time reading ({@link ThreadStats#cpuNanos()}, read beside the wall clock: its cost
 * falls inside the CPU window but outside the wall window). The cost is the least over several batches of readings (the first
 * ones run interpreted, and a batch the OS preempts reads long), so that a busy machine does not inflate it.
 * Measured once per JVM, in about a millisecond.
 *
 * @param wallSeconds what one wall-clock reading resolves
 * @param cpuSeconds  what one CPU-time reading resolves
 */
public record ClockResolution(double wallSeconds, double cpuSeconds) {
    private static final int BATCHES = 30;
    private static final int READINGS = 1_000;
    private static final int SAMPLES = 50;

    /** This JVM's (measured on first use). */
    public static ClockResolution current() {
        return Holder.VALUE;
    }

    private static final class Holder {
        static final ClockResolution VALUE = measure();
    }

    static ClockResolution measure() {
        long granularity = Long.MAX_VALUE;
        double perReading = Double.MAX_VALUE;
        for (int b = 0; b < BATCHES; b++) {
            long t0 = System.nanoTime();
            long last = t0;
            for (int i = 0; i < READINGS; i++) {
                long now = System.nanoTime();
                if (now > last) {
                    granularity = Math.min(granularity, now - last);
                }
                last = now;
            }
            perReading = Math.min(perReading, (double) (last - t0) / READINGS);
        }
        double wall = Math.max(granularity == Long.MAX_VALUE ? 1 : granularity, perReading);
        long cpuGranularity = Long.MAX_VALUE;
        double perSample = Double.MAX_VALUE;
        for (int b = 0; b < BATCHES; b++) {
            long c0 = System.nanoTime();
            long lastCpu = ThreadStats.cpuNanos();
            for (int i = 0; i < SAMPLES; i++) {
                long cpu = ThreadStats.cpuNanos();
                if (cpu > lastCpu) {
                    cpuGranularity = Math.min(cpuGranularity, cpu - lastCpu);
                }
                lastCpu = cpu;
            }
            perSample = Math.min(perSample, (double) (System.nanoTime() - c0) / (SAMPLES + 1));
        }
        double cpu = Math.max(cpuGranularity == Long.MAX_VALUE ? perSample : cpuGranularity, perSample);
        return new ClockResolution(wall / 1e9, cpu / 1e9);
    }
}
