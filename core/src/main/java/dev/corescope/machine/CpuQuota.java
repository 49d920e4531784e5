package dev.corescope.machine;

import java.util.Locale;

/**
 * The CFS bandwidth limit of this process's cgroup: {@code cpus} = quota / period, {@code
 * +Infinity} when there is no limit and {@code NaN} when it could not be read. {@code quotaMicros}
 * is -1 when there is no quota or it is unknown; {@code periodMicros} is -1 when unknown. {@code
 * source} names where the figure came from (null when unknown).
 */
public record CpuQuota(double cpus, long quotaMicros, long periodMicros, String source) {
    /**
     * A {@code cpus} that is NaN next to a quota that was read is restored from the other fields: JSON
     * writes +Infinity (no limit) as null, read back as NaN. A source means the cgroup was read.
     */
    public CpuQuota {
        if (Double.isNaN(cpus) && source != null) {
            cpus = quotaMicros > 0 && periodMicros > 0 ? (double) quotaMicros / periodMicros
                    : quotaMicros < 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        }
    }

    /** No quota could be read. */
    public static CpuQuota unknown() {
        return new CpuQuota(Double.NaN, -1, -1, null);
    }

    /** The cgroup was read and sets no limit. */
    public static CpuQuota unlimited(long periodMicros, String source) {
        return new CpuQuota(Double.POSITIVE_INFINITY, -1, periodMicros, source);
    }

    /** A limit of {@code quotaMicros} of CPU time per {@code periodMicros} of wall time. */
    public static CpuQuota limited(long quotaMicros, long periodMicros, String source) {
        if (quotaMicros <= 0 || periodMicros <= 0) {
            throw new IllegalArgumentException("quota and period must be positive: " + quotaMicros + "/" + periodMicros);
        }
        return new CpuQuota((double) quotaMicros / periodMicros, quotaMicros, periodMicros, source);
    }

    /** Whether the quota was read (limited or not). */
    public boolean known() {
        return !Double.isNaN(cpus);
    }

    /** Whether a finite limit applies. */
    public boolean limits() {
        return Double.isFinite(cpus);
    }

    /** {@code none}, {@code unknown} or {@code 1.50 CPUs (cgroup v2 cpu.max 150000/100000)}. */
    public String describe() {
        if (!known()) {
            return "unknown";
        }
        if (!limits()) {
            return "none";
        }
        return String.format(Locale.ROOT, "%.2f CPUs (%s %d/%d)", cpus, source, quotaMicros, periodMicros);
    }
}
