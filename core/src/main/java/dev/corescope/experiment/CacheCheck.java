package dev.corescope.experiment;

import dev.corescope.exec.Machine;
import dev.corescope.store.ThresholdCache;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Whether a cached threshold still holds, checked cheaply before it is used: it must be younger than a
 * day, measured in the same state of the machine as now (other work busy then and idle now, or the
 * reverse, re-measures), and pass a quick check: a few rounds at the cached level against one worker.
 * Every decision comes with the one line that says which of these happened.
 */
public final class CacheCheck {
    /** Older entries are measured again. */
    public static final Duration MAX_AGE = Duration.ofDays(1);
    /** Other work keeping at least this many CPUs busy makes the machine "busy". */
    public static final double BUSY_CPUS = 0.5;
    /** How long the machine is watched to see how busy it is now. */
    public static final Duration WATCH = Duration.ofMillis(250);

    /** Reuse the entry, or measure again; {@code line} says why, for the user. */
    public record Decision(boolean reuse, String line) {
    }

    /** A few rounds at {@code level} against one worker: still clean, and what was seen. */
    public interface QuickCheck {
        Result check(int level);

        record Result(boolean clean, String detail) {
        }
    }

    private CacheCheck() {
    }

    /**
     * @param otherBusyNow CPUs other work keeps busy now (NaN: unknown)
     * @param quick        run only when age and state allow reuse
     */
    public static Decision judge(ThresholdCache.Entry e, Instant now, double otherBusyNow, QuickCheck quick) {
        String what = "the cached threshold of " + e.threshold() + (e.workload() == null ? "" : " for " + e.workload());
        Instant at;
        try {
            at = e.measuredAt() == null ? null : Instant.parse(e.measuredAt());
        } catch (DateTimeParseException ex) {
            at = null;
        }
        if (at == null) {
            return new Decision(false, what + " has no measurement time: measuring again");
        }
        Duration age = Duration.between(at, now);
        if (age.compareTo(MAX_AGE) > 0) {
            return new Decision(false, what + " was measured " + ago(age) + ", more than a day ago: measuring again");
        }
        if (e.otherBusyCpus() == null || !Double.isFinite(e.otherBusyCpus())) {
            return new Decision(false, what + " does not say how busy the machine was when it was measured: measuring again");
        }
        boolean busyThen = e.otherBusyCpus() >= BUSY_CPUS;
        if (Double.isFinite(otherBusyNow)) {
            boolean busyNow = otherBusyNow >= BUSY_CPUS;
            if (busyThen != busyNow) {
                return new Decision(false, String.format(Locale.ROOT, "%s was measured while other work kept %.1f CPUs "
                        + "busy, and it keeps %.1f busy now (%s then, %s now): measuring again", what, e.otherBusyCpus(),
                        otherBusyNow, busyThen ? "busy" : "idle", busyNow ? "busy" : "idle"));
            }
        }
        String state = busyThen ? "busy then and now" : "idle then and now";
        if (e.threshold() < 2) {
            return new Decision(true, what + " (measured " + ago(age) + ", " + state + "): reused");
        }
        QuickCheck.Result r = quick.check(e.threshold());
        if (!r.clean()) {
            return new Decision(false, "the quick check of " + what + " failed (" + r.detail() + "): measuring again");
        }
        return new Decision(true, what + " (measured " + ago(age) + ", " + state + "; quick check: " + r.detail()
                + "): reused");
    }

    /** CPUs kept busy by other work on this machine over {@link #WATCH}; NaN if unknown. */
    public static double otherBusyNow(List<Long> ours) {
        return otherBusyNow(Machine.real(), ours);
    }

    /** CPUs kept busy by other work (not this process, not {@code ours}) on {@code machine} over {@link #WATCH}; NaN if unknown. */
    public static double otherBusyNow(Machine machine, List<Long> ours) {
        var before = machine.cpuAccounting(ours);
        try {
            machine.sleep(WATCH);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
        var after = machine.cpuAccounting(ours);
        return before.isPresent() && after.isPresent() ? before.get().otherBusyCpus(after.get()) : Double.NaN;
    }

    static String ago(Duration d) {
        long m = Math.max(0, d.toMinutes());
        if (m < 1) {
            return "less than a minute ago";
        }
        if (m < 120) {
            return m + " min ago";
        }
        return d.toHours() < 48 ? d.toHours() + " h ago" : d.toDays() + " days ago";
    }
}
