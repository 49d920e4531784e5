package dev.corescope.experiment;

import dev.corescope.analysis.Units;
import dev.corescope.exec.TaskResult;
import dev.corescope.exec.Worker;
import dev.corescope.workload.SpinWorkload;
import dev.corescope.api.TaskInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the spin {@code loops} for which one task alone takes the target duration. Probes run on a real
 * worker of the run's pool (so JIT and JVM options are those of the measurement) and are timed by the worker
 * thread's CPU time, so that other load on the machine (which inflates wall time, not CPU time) does not
 * shrink the task.
 *
 * <p>The loop count grows until a probe lasts at least 20 ms of CPU (or half the target); from then on the
 * probes come in blocks of {@value #BLOCK}, and calibration settles when two consecutive blocks agree (their
 * median costs per loop within {@value #AGREE_PERCENT}%) while the JIT was quiet in all their probes (no
 * compilation finished in the probe's JVM while it ran): HotSpot compiles the kernel in tiers, and a block can
 * be stable at tier 3's speed before C2's code arrives, 2-4 times faster. Whether or not the JVM reports its
 * compilations too, the probes last at least {@value #MIN_TOTAL_MILLIS} ms in all: C2's code for a hot loop
 * can arrive after 100-250 ms, after a stretch of quiet at tier 3's speed. The cost per loop is the least of
 * the two blocks' (other work only ever slows a probe), and {@code spread} their range over their median.
 *
 * @param loops         the chosen loop count
 * @param targetSeconds the requested task duration
 * @param nanosPerLoop  the settled cost of one loop iteration
 * @param probes        probe tasks run
 * @param stable        false when the cost never settled within {@value #MAX_PROBES} probes
 * @param spread        (max - min) / median cost per loop of the deciding probes (NaN in older summaries)
 */
public record Calibration(long loops, double targetSeconds, double nanosPerLoop, int probes, boolean stable,
                          double spread) {

    static final int BLOCK = 3;
    static final int AGREE_PERCENT = 3;
    static final long MIN_TOTAL_MILLIS = 250;
    static final int MAX_PROBES = 60;
    private static final long MIN_PROBE_NANOS = 20_000_000L;

    /** Without a spread (summaries of earlier versions). */
    public Calibration(long loops, double targetSeconds, double nanosPerLoop, int probes, boolean stable) {
        this(loops, targetSeconds, nanosPerLoop, probes, stable, Double.NaN);
    }

    /** One probe: its CPU time (wall where CPU is unknown) and the JIT's milliseconds meanwhile (-1 unknown). */
    public record Probe(long nanos, long jitMillis) {
    }

    /** Runs {@code loops} of the spin kernel once. */
    @FunctionalInterface
    public interface Prober {
        Probe run(long loops);
    }

    public static Calibration calibrate(Worker worker, Duration target, long seed) {
        return calibrate(loops -> probe(worker, loops, seed), target);
    }

    /** The calibration from any probe source (tests invent one). */
    public static Calibration calibrate(Prober prober, Duration target) {
        long targetNanos = target.toNanos();
        long probeNanos = Math.min(MIN_PROBE_NANOS, Math.max(1_000_000L, targetNanos / 2));
        long loops = 100_000;
        int probes = 0;
        long spent = 0;
        List<double[]> history = new ArrayList<>(); // {cost per loop, 1 when the JIT was quiet, 0 busy, -1 unknown}
        while (probes < MAX_PROBES) {
            Probe p = prober.run(loops);
            probes++;
            spent += Math.max(0, p.nanos());
            if (p.nanos() < probeNanos) {
                long factor = p.nanos() <= 0 ? 16 : Math.max(2, Math.min(16, (probeNanos + p.nanos() - 1) / p.nanos()));
                loops = Math.multiplyExact(loops, factor);
                history.clear();
                continue;
            }
            history.add(new double[] {(double) p.nanos() / loops, p.jitMillis() < 0 ? -1 : p.jitMillis() == 0 ? 1 : 0});
            double[] settled = settled(history, spent);
            if (settled != null) {
                return new Calibration(Math.max(1, Math.round(targetNanos / settled[0])), targetNanos / 1e9,
                        settled[0], probes, true, settled[1]);
            }
        }
        double cost = history.isEmpty() ? (double) probeNanos / loops
                : median(history.subList(Math.max(0, history.size() - BLOCK), history.size()));
        return new Calibration(Math.max(1, Math.round(targetNanos / cost)), targetNanos / 1e9, cost, probes, false,
                spread(history.subList(Math.max(0, history.size() - 2 * BLOCK), history.size())));
    }

    /** {cost, spread} once the last two blocks agree with the JIT quiet; else null. */
    private static double[] settled(List<double[]> history, long spentNanos) {
        int n = history.size();
        if (n < 2 * BLOCK) {
            return null;
        }
        List<double[]> last = history.subList(n - 2 * BLOCK, n);
        boolean quiet = last.stream().allMatch(h -> h[1] != 0);
        if (!quiet || spentNanos < MIN_TOTAL_MILLIS * 1_000_000L) {
            return null;
        }
        double a = median(last.subList(0, BLOCK));
        double b = median(last.subList(BLOCK, 2 * BLOCK));
        if (Math.abs(a - b) > AGREE_PERCENT / 100.0 * b) {
            return null;
        }
        // the least cost of the settled probes: other work can only slow a probe down (cache, a shared core, a
        // vCPU's stolen time counted as its CPU time), never speed it up
        return new double[] {last.stream().mapToDouble(h -> h[0]).min().getAsDouble(), spread(last)};
    }

    private static double median(List<double[]> h) {
        double[] v = h.stream().mapToDouble(x -> x[0]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double spread(List<double[]> h) {
        if (h.isEmpty()) {
            return Double.NaN;
        }
        double[] v = h.stream().mapToDouble(x -> x[0]).toArray();
        return (Arrays.stream(v).max().getAsDouble() - Arrays.stream(v).min().getAsDouble()) / median(h);
    }

    /** One probe on the worker: CPU time (wall time where CPU time is not measurable) and JIT activity. */
    private static Probe probe(Worker worker, long loops, long seed) {
        TaskResult r = worker.submit(SpinWorkload.spec(loops), new TaskInput(0, 0, seed)).join();
        if (!r.ok()) {
            throw new IllegalStateException("calibration task failed: " + r.error());
        }
        return new Probe(r.cpuNanos() > 0 ? r.cpuNanos() : r.wallNanos(), r.jvm().jitMillis());
    }

    /**
     * e.g. {@code calibrated spin: loops=23,000,000 for a 1.000 s task (1.52 ns per loop of CPU time; the last 6
     * of 14 probes within 0.8%, JIT quiet)}
     */
    public String describe() {
        String how = stable ? Units.format("the last %d of %d probes within %s, JIT quiet", 2 * BLOCK, probes,
                Units.pct(spread)) : Units.format("%d probes; the cost per loop did not settle (spread %s): the JIT or "
                + "other work may skew it", probes, Units.pct(spread));
        return Units.format("calibrated spin: loops=%,d for a %.3f s task (%.3f ns per loop of CPU time; %s)",
                loops, targetSeconds, nanosPerLoop, how);
    }
}
