package dev.corescope.experiment;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * Resolves {@code --workers auto|N}. {@code auto} is the threshold cached by {@code investigate} for
 * this machine's capacity key. Kept in one place so that {@code auto} can later run an investigation
 * itself when nothing is cached.
 */
public final class WorkerCount {
    public static final String AUTO = "auto";
    public static final String NOT_CACHED =
            "no threshold cached for this machine: run 'corescope investigate' first, or pass --workers N";

    /** The number of workers and where it came from. */
    public record Resolved(int workers, String source) {
    }

    private WorkerCount() {
    }

    /**
     * @param value      {@code auto} or a positive integer
     * @param machineKey the capacity key of this machine (called only for {@code auto})
     * @throws IllegalArgumentException with a one-line reason: not a count, or nothing cached for {@code auto}
     */
    public static Resolved resolve(String value, ThresholdCache cache, Supplier<String> machineKey) {
        return resolve(value, cache, machineKey, null);
    }

    /**
     * As {@link #resolve(String, ThresholdCache, Supplier)}, but when nothing is cached for {@code auto},
     * {@code investigate} (if not null) measures the threshold first and returns it.
     */
    public static Resolved resolve(String value, ThresholdCache cache, Supplier<String> machineKey,
                                   java.util.function.IntSupplier investigate) {
        String v = value == null ? AUTO : value.trim().toLowerCase(Locale.ROOT);
        if (v.equals(AUTO)) {
            String key = machineKey.get();
            var cached = cache.lookup(key)
                    .filter(e -> e.threshold() >= 1)
                    .map(e -> new Resolved(e.threshold(), "auto: threshold " + e.threshold() + " cached by investigate"
                            + (e.measuredAt() == null ? "" : " at " + e.measuredAt()) + " (" + e.mode() + ", key " + key + ")"));
            if (cached.isPresent()) {
                return cached.get();
            }
            if (investigate == null) {
                throw new IllegalArgumentException(NOT_CACHED);
            }
            int t = investigate.getAsInt();
            return new Resolved(t, "auto: nothing cached for this machine (key " + key + "), so investigate ran first: "
                    + "threshold " + t);
        }
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--workers must be 'auto' or a positive number, got '" + value + "'");
        }
        if (n < 1) {
            throw new IllegalArgumentException("--workers must be at least 1, got " + n);
        }
        return new Resolved(n, "--workers " + n);
    }
}
