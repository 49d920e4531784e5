package dev.corescope.machine;

import java.util.Locale;
import java.util.Optional;

/**
 * The system load at one moment, from {@code /proc/loadavg}: the 1, 5 and 15 minute load
 * averages, the number of runnable threads (which includes the thread reading the file) and the
 * number of threads in the system. Unreadable values are NaN / -1.
 */
public record LoadSnapshot(double load1, double load5, double load15, int runnable, int totalThreads,
                           long epochMillis) {

    /** Reads {@code /proc/loadavg} now; an unreadable file gives a snapshot of unknowns. */
    public static LoadSnapshot read(ProcFs fs) {
        long now = System.currentTimeMillis();
        return fs.readLine("/proc/loadavg").flatMap(line -> parse(line, now))
                .orElseGet(() -> new LoadSnapshot(Double.NaN, Double.NaN, Double.NaN, -1, -1, now));
    }

    static Optional<LoadSnapshot> parse(String line, long epochMillis) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 4) {
            return Optional.empty();
        }
        try {
            int slash = f[3].indexOf('/');
            if (slash < 0) {
                return Optional.empty();
            }
            return Optional.of(new LoadSnapshot(Double.parseDouble(f[0]), Double.parseDouble(f[1]),
                    Double.parseDouble(f[2]), Integer.parseInt(f[3].substring(0, slash)),
                    Integer.parseInt(f[3].substring(slash + 1)), epochMillis));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the file could be read. */
    public boolean known() {
        return runnable >= 0;
    }

    /** Runnable threads other than the reader itself; -1 when unknown. */
    public int runnableExcludingReader() {
        return runnable < 0 ? -1 : Math.max(0, runnable - 1);
    }

    /** {@code 0.12 0.30 0.41, 1 runnable} (other than the reader), or {@code unknown}. */
    public String describe() {
        if (!known()) {
            return "unknown";
        }
        return String.format(Locale.ROOT, "%.2f %.2f %.2f, %d runnable besides this one, %d threads",
                load1, load5, load15, runnableExcludingReader(), totalThreads);
    }
}
