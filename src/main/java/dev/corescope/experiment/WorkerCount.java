package dev.corescope.experiment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Resolves {@code --workers auto|N}. {@code auto} is a threshold measured by {@code investigate}: the
 * user's workload's own if it was measured (same spec and sizes) and still holds, else the spin kernel's
 * if it still holds ({@link CacheCheck}: younger than a day, same busy/idle state of the machine, a
 * quick check at its level), else the spin kernel's measured now. Either way an assessment proves the
 * level in its own run, so the threshold is where the proof starts, not the proof.
 */
public final class WorkerCount {
    public static final String AUTO = "auto";
    public static final String NOT_CACHED =
            "no threshold cached for this machine: run 'corescope investigate' first, or pass --workers N";

    /**
     * The number of workers and where it came from ({@code source}: one line; {@code checks}: what
     * happened to each cache entry consulted, one line each).
     */
    public record Resolved(int workers, String source, List<String> checks) {
        public Resolved {
            checks = List.copyOf(checks);
        }

        public Resolved(int workers, String source) {
            this(workers, source, List.of());
        }
    }

    /**
     * What {@code auto} needs: the cache, this machine's key, the workload's key (null: spin kernel only),
     * the clock, how busy other work keeps the CPUs now, the quick check, and how to measure the spin
     * kernel's threshold when no entry holds (null: refuse with {@link #NOT_CACHED}).
     */
    public record Context(ThresholdCache cache, Supplier<String> machineKey, String workloadKey,
                          Supplier<Instant> now, DoubleSupplier otherBusyNow, CacheCheck.QuickCheck quick,
                          IntSupplier measureSpin) {

        /** This machine: the user's cache, the clock, /proc, and a quick check on pinned threads. */
        public static Context live(Supplier<String> machineKey, String workloadKey, IntSupplier measureSpin) {
            return new Context(ThresholdCache.defaultCache(), machineKey, workloadKey, Instant::now,
                    () -> CacheCheck.otherBusyNow(List.of()), new SpinQuickCheck(PinOrder.cpus()), measureSpin);
        }
    }

    private WorkerCount() {
    }

    /**
     * @param value {@code auto} or a positive integer
     * @throws IllegalArgumentException with a one-line reason: not a count, or nothing usable for {@code auto}
     *                                  and no way to measure
     */
    public static Resolved resolve(String value, Context ctx) {
        String v = value == null ? AUTO : value.trim().toLowerCase(Locale.ROOT);
        if (!v.equals(AUTO)) {
            return explicit(v, value);
        }
        String machine = ctx.machineKey().get();
        List<String> checks = new ArrayList<>();
        double[] busy = {Double.NaN};
        boolean[] watched = {false};
        DoubleSupplier busyNow = () -> {
            if (!watched[0]) {
                busy[0] = ctx.otherBusyNow().getAsDouble();
                watched[0] = true;
            }
            return busy[0];
        };
        if (ctx.workloadKey() != null) {
            Optional<Resolved> w = reuse(ctx, ThresholdCache.key(machine, ctx.workloadKey()), busyNow, checks,
                    "this workload's threshold");
            if (w.isPresent()) {
                return w.get();
            }
        }
        Optional<Resolved> spin = reuse(ctx, machine, busyNow, checks, "the spin kernel's threshold");
        if (spin.isPresent()) {
            return spin.get();
        }
        if (ctx.measureSpin() == null) {
            throw new IllegalArgumentException(NOT_CACHED);
        }
        int t = ctx.measureSpin().getAsInt();
        String why = checks.isEmpty() ? "nothing cached for this machine" : checks.get(checks.size() - 1);
        return new Resolved(t, "auto: " + why + ", so investigate measured the spin kernel's threshold first: " + t,
                checks);
    }

    private static Optional<Resolved> reuse(Context ctx, String key, DoubleSupplier busyNow, List<String> checks,
                                            String what) {
        Optional<ThresholdCache.Entry> e = ctx.cache().lookup(key).filter(x -> x.threshold() >= 1);
        if (e.isEmpty()) {
            return Optional.empty();
        }
        CacheCheck.Decision d = CacheCheck.judge(e.get(), ctx.now().get(), busyNow.getAsDouble(), ctx.quick());
        checks.add(d.line());
        if (!d.reuse()) {
            return Optional.empty();
        }
        return Optional.of(new Resolved(e.get().threshold(), "auto: " + what + ", " + d.line(), checks));
    }

    private static Resolved explicit(String v, String value) {
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
