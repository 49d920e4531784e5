package dev.corescope.exec;

/**
 * What this JVM's clocks resolve, measured as JMH does at start-up: the wall clock's granularity (the
 * smallest step {@link System#nanoTime()} takes) and the cost of one reading, whichever is larger; and the
 * same for a task's CPU-time reading ({@link ThreadStats#sample()}, whose cost falls inside the CPU
 * window but outside the wall window). Measured once per JVM, in a few milliseconds.
 *
 * @param wallSeconds what one wall-clock reading resolves
 * @param cpuSeconds  what one CPU-time reading resolves
 */
public record ClockResolution(double wallSeconds, double cpuSeconds) {
    private static final int READINGS = 2_000;

    /** This JVM's (measured on first use). */
    public static ClockResolution current() {
        return Holder.VALUE;
    }

    private static final class Holder {
        static final ClockResolution VALUE = measure();
    }

    static ClockResolution measure() {
        long granularity = Long.MAX_VALUE;
        long t0 = System.nanoTime();
        long last = t0;
        for (int i = 0; i < READINGS; i++) {
            long now = System.nanoTime();
            if (now > last) {
                granularity = Math.min(granularity, now - last);
            }
            last = now;
        }
        double perReading = (double) (last - t0) / READINGS;
        double wall = Math.max(granularity == Long.MAX_VALUE ? 1 : granularity, perReading);
        ThreadStats.sample(); // first use opens the thread's files
        long c0 = System.nanoTime();
        long cpuGranularity = Long.MAX_VALUE;
        long lastCpu = ThreadStats.sample().cpuNanos();
        for (int i = 0; i < READINGS / 10; i++) {
            long cpu = ThreadStats.sample().cpuNanos();
            if (cpu > lastCpu) {
                cpuGranularity = Math.min(cpuGranularity, cpu - lastCpu);
            }
            lastCpu = cpu;
        }
        double perSample = (double) (System.nanoTime() - c0) / (READINGS / 10 + 1);
        double cpu = Math.max(cpuGranularity == Long.MAX_VALUE ? perSample : cpuGranularity, perSample);
        return new ClockResolution(wall / 1e9, cpu / 1e9);
    }
}
