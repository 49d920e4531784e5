package dev.corescope.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The CPU quota of corescope's cgroup, as CFS bandwidth control enforces it: the group's threads may use
 * {@code cpus × period} of CPU time per period of {@value Kernel#PERIOD} ns, counted over all CPUs; once
 * they have, all of them are throttled until the next period starts. Keeps what each period used.
 */
public final class Quota {
    /** One period: when it started, the group's CPU time in it, whether the group was throttled in it. */
    public record Period(long startNanos, long groupCpuNanos, boolean throttled) {
    }

    private static final double EPS = 1e-3;
    private final double perPeriod;
    private double periodEnd = Kernel.PERIOD;
    private double used;
    private boolean throttled;
    private boolean throttledThisPeriod;
    private final List<Period> periods = new ArrayList<>();

    /** @param cpus the quota in CPUs, or null for none */
    Quota(Double cpus) {
        perPeriod = cpus == null ? Double.POSITIVE_INFINITY : cpus * Kernel.PERIOD;
    }

    boolean limits() {
        return Double.isFinite(perPeriod);
    }

    boolean throttled() {
        return throttled;
    }

    /** The next time the quota changes anything, with {@code running} group threads on CPUs now. */
    double nextEvent(double now, int running) {
        if (!limits()) {
            return Double.POSITIVE_INFINITY;
        }
        return running > 0 && !throttled ? Math.min(periodEnd, now + Math.max(0, perPeriod - used) / running)
                : periodEnd;
    }

    void charge(double nanos) {
        used += nanos;
    }

    /**
     * At {@code now}: a new period refills the quota and ends a throttle; a used-up quota starts one.
     *
     * @return true when the group has just been throttled (its running threads must leave their CPUs)
     */
    boolean tick(double now) {
        if (!limits()) {
            return false;
        }
        if (now >= periodEnd - EPS) {
            while (periodEnd <= now + EPS) {
                periods.add(new Period(Math.round(periodEnd - Kernel.PERIOD), Math.round(used), throttledThisPeriod));
                periodEnd += Kernel.PERIOD;
                used = 0;
                throttledThisPeriod = false;
            }
            throttled = false;
            return false;
        }
        if (!throttled && used >= perPeriod - EPS) {
            throttled = true;
            throttledThisPeriod = true;
            return true;
        }
        return false;
    }

    /** The periods that have ended. */
    List<Period> periods() {
        return List.copyOf(periods);
    }

    long throttledPeriods() {
        return periods.stream().filter(Period::throttled).count() + (throttledThisPeriod ? 1 : 0);
    }
}
