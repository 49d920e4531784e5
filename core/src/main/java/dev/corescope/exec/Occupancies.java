package dev.corescope.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How full a batch's workers were while its measured tasks ran: the time-weighted mean number of tasks
 * running (measured and fillers) over the measured tasks' time, divided by the level, at most 1. The gaps
 * between one task and the next on a worker (the round trip to the coordinator) count as not running.
 */
final class Occupancies {
    private Occupancies() {
    }

    /** @param spans {start, end, measured ? 1 : 0}; NaN without measured spans */
    static double of(List<long[]> spans, int level) {
        List<long[]> all;
        synchronized (spans) {
            all = new ArrayList<>(spans);
        }
        long[][] events = new long[2 * all.size()][];
        int k = 0;
        for (long[] s : all) {
            events[k++] = new long[] {s[0], 1};
            events[k++] = new long[] {s[1], -1};
        }
        Arrays.sort(events, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        long[] times = new long[events.length];
        double[] running = new double[events.length]; // tasks running from times[i] on
        double[] integral = new double[events.length]; // ∫ running dt from times[0] to times[i]
        double c = 0;
        for (int i = 0; i < events.length; i++) {
            times[i] = events[i][0];
            integral[i] = i == 0 ? 0 : integral[i - 1] + running[i - 1] * (times[i] - times[i - 1]);
            c += events[i][1];
            running[i] = c;
        }
        double busy = 0;
        double total = 0;
        for (long[] s : all) {
            if (s[2] == 1 && s[1] > s[0]) {
                busy += at(times, running, integral, s[1]) - at(times, running, integral, s[0]);
                total += s[1] - s[0];
            }
        }
        return total > 0 ? Math.min(1.0, busy / total / level) : Double.NaN;
    }

    /** ∫ running dt from the first event to {@code t}. */
    private static double at(long[] times, double[] running, double[] integral, long t) {
        int i = Arrays.binarySearch(times, t);
        if (i < 0) {
            i = -i - 2;
        } else {
            while (i + 1 < times.length && times[i + 1] == t) {
                i++;
            }
        }
        if (i < 0) {
            return 0;
        }
        return integral[i] + running[i] * (t - times[i]);
    }
}
