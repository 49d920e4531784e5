package dev.corescope.experiment;

import dev.corescope.machine.MachineProfile;
import dev.corescope.store.ThresholdCache;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleSupplier;
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
     * kernel's threshold when no entry holds (null: refuse with {@link #NOT_CACHED}). A null cache (a
     * simulated machine's) holds nothing.
     */
    public record Context(ThresholdCache cache, Supplier<String> machineKey, String workloadKey,
                          Supplier<Instant> now, DoubleSupplier otherBusyNow, CacheCheck.QuickCheck quick,
                          Supplier<MeasuredThreshold> measureSpin) {

        /**
         * This machine ({@code machine}: its profile, read when first needed): the user's cache, the clock, /proc,
         * and a quick check on threads pinned as the profile says.
         */
        public static Context live(Supplier<MachineProfile> machine, String workloadKey, Supplier<MeasuredThreshold> measureSpin) {
            return live(dev.corescope.exec.Machine.real(machine), workloadKey, measureSpin);
        }

        /**
         * {@code host}: this machine as above, or a simulated one, whose threshold is never cached: nothing is
         * looked up, so {@code auto} measures it ({@code measureSpin}) on every run.
         */
        public static Context live(dev.corescope.exec.Machine host, String workloadKey, Supplier<MeasuredThreshold> measureSpin) {
            Supplier<MachineProfile> machine = host::profile;
            ThresholdCache cache = host.simulated() == null ? ThresholdCache.defaultCache() : null;
            return new Context(cache, () -> machine.get().key(), workloadKey, Instant::now,
                    () -> CacheCheck.otherBusyNow(host, List.of()),
                    new SpinQuickCheck(host, machine), measureSpin);
        }
    }

    /** A threshold measured just now, and in a few words what limits it (e.g. "other load: ..."). */
    public record MeasuredThreshold(int threshold, String why) {
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
        MeasuredThreshold m = ctx.measureSpin().get();
        String why = checks.isEmpty() ? "nothing cached for this machine" : checks.get(checks.size() - 1);
        return new Resolved(m.threshold(), "auto: " + why + ", so investigate measured the spin kernel's threshold "
                + "first: " + m.threshold() + (m.why() == null || m.why().isBlank() ? "" : " (" + m.why() + ")"), checks);
    }

    private static Optional<Resolved> reuse(Context ctx, String key, DoubleSupplier busyNow, List<String> checks,
                                            String what) {
        Optional<ThresholdCache.Entry> e = ctx.cache() == null ? Optional.empty()
                : ctx.cache().lookup(key).filter(x -> x.threshold() >= 1);
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

    /**
     * The workers of {@code transfer}, which maps when parallelism pays and so needs at least two: the
     * cached threshold when it is 2 or more (at most the usable CPUs), else 2 when this process may use
     * two CPUs, saying why a cached 1 is not followed; 1 only when one CPU is all there is, saying so.
     *
     * @param usableCpus CPUs this process may use (affinity and quota), rounded down
     */
    public static Resolved forTransfer(int usableCpus, Optional<ThresholdCache.Entry> cached) {
        if (usableCpus < 2) {
            return new Resolved(1, "Workers: 1: this process may use only " + Math.max(usableCpus, 1) + " CPU (affinity "
                    + "or quota), so parallel workers could only share it; the map shows the costs of dispatch and "
                    + "transfer, not a speedup.");
        }
        if (cached.isPresent() && cached.get().threshold() >= 2) {
            int n = Math.min(cached.get().threshold(), usableCpus);
            return new Resolved(n, "Workers: " + n + ", this machine's threshold cached by 'investigate' at "
                    + cached.get().measuredAt() + ".");
        }
        if (cached.isPresent()) {
            ThresholdCache.Entry e = cached.get();
            String busy = e.otherBusyCpus() == null ? "" : String.format(Locale.ROOT, ", while other work kept %.1f "
                    + "CPUs busy", e.otherBusyCpus());
            return new Resolved(2, "Workers: 2: the cached threshold is 1 (measured at " + e.measuredAt() + busy
                    + "), but whether parallelism pays can only be measured with at least 2 workers, and this process "
                    + "may use " + usableCpus + " CPUs.");
        }
        return new Resolved(usableCpus, "Workers: " + usableCpus + " = usable CPUs: no threshold cached for this "
                + "machine (run 'corescope investigate' to measure it, or pass --workers).");
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
