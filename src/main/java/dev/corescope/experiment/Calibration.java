package dev.corescope.experiment;

import dev.corescope.analysis.Units;
import dev.corescope.exec.TaskResult;
import dev.corescope.exec.Worker;
import dev.corescope.workload.SpinWorkload;
import dev.corescope.workload.TaskInput;
import java.time.Duration;

/**
 * Finds the spin {@code loops} for which one task alone takes the target duration. Probes run on a
 * real worker of the run's pool (so JIT and JVM options are those of the measurement) and are timed
 * by the worker thread's CPU time, so that other load on the machine (which inflates wall time, not
 * CPU time) does not shrink the task. The loop count grows until a probe lasts ≥ 20 ms, then probes
 * repeat until the cost per loop is stable (three probes in a row within 5%: the JIT has finished
 * compiling the kernel), and the target is divided by that cost.
 *
 * @param loops        the chosen loop count
 * @param targetSeconds the requested task duration
 * @param nanosPerLoop the stable cost of one loop iteration
 * @param probes       probe tasks run
 * @param stable       false when the cost never stabilised within the probe budget
 */
public record Calibration(long loops, double targetSeconds, double nanosPerLoop, int probes, boolean stable) {

    private static final long MIN_PROBE_NANOS = 20_000_000L;
    /**
     * Probing lasts at least this much CPU time: the JIT's final (C2) code for the kernel can arrive
     * late on a loaded or slow machine, after several probes at a stable but slower tier-3 speed.
     */
    private static final long MIN_TOTAL_NANOS = 250_000_000L;
    private static final int MAX_PROBES = 40;

    public static Calibration calibrate(Worker worker, Duration target, long seed) {
        long targetNanos = target.toNanos();
        long probeNanos = Math.min(MIN_PROBE_NANOS, Math.max(1_000_000L, targetNanos / 2));
        long loops = 100_000;
        int probes = 0;
        double previous = Double.NaN;
        double best = Double.NaN;
        boolean stable = false;
        int agreeing = 0;
        long spent = 0;
        while (probes < MAX_PROBES) {
            long cost = time(worker, loops, seed);
            probes++;
            spent += cost;
            if (cost < probeNanos) {
                long factor = cost <= 0 ? 16 : Math.max(2, Math.min(16, (probeNanos + cost - 1) / cost));
                loops = Math.multiplyExact(loops, factor);
                continue;
            }
            double perLoop = (double) cost / loops;
            best = Double.isNaN(best) ? perLoop : Math.min(best, perLoop);
            if (perLoop < 0.9 * previous) {
                best = perLoop; // the code got faster (the JIT delivered): earlier probes no longer count
            }
            agreeing = Math.abs(perLoop - previous) <= 0.05 * Math.max(perLoop, previous)
                    && perLoop <= 1.05 * best ? agreeing + 1 : 0;
            previous = perLoop;
            if (agreeing >= 2 && spent >= Math.min(MIN_TOTAL_NANOS, 5 * targetNanos)) {
                stable = true;
                break;
            }
        }
        if (Double.isNaN(best)) {
            best = (double) probeNanos / loops;
        }
        long chosen = Math.max(1, Math.round(targetNanos / best));
        return new Calibration(chosen, targetNanos / 1e9, best, probes, stable);
    }

    /** CPU time of one probe (wall time where CPU time is not measurable). */
    private static long time(Worker worker, long loops, long seed) {
        TaskResult r = worker.submit(SpinWorkload.spec(loops), new TaskInput(0, 0, seed)).join();
        if (!r.ok()) {
            throw new IllegalStateException("calibration task failed: " + r.error());
        }
        return r.cpuNanos() > 0 ? r.cpuNanos() : r.wallNanos();
    }

    /** e.g. {@code calibrated spin: loops=23,000,000 for a 1.000 s task (1.52 ns per loop, 5 probes)} */
    public String describe() {
        return Units.format("calibrated spin: loops=%,d for a %.3f s task (%.3f ns per loop of CPU time, %d probes%s)",
                loops, targetSeconds, nanosPerLoop, probes, stable ? "" : "; cost per loop did not settle, JIT or load may skew it");
    }
}
