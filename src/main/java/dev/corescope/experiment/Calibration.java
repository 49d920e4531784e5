package dev.corescope.experiment;

import dev.corescope.exec.TaskResult;
import dev.corescope.exec.Worker;
import dev.corescope.workload.SpinWorkload;
import dev.corescope.workload.TaskInput;
import java.time.Duration;

/**
 * Finds the spin {@code loops} for which one task alone takes the target duration, measured on a
 * real worker of the run's pool (so JIT and JVM options are those of the measurement): grow the
 * loop count until a task takes a measurable time, scale linearly to the target, check at full
 * length once and rescale. The chosen value and the check's duration are reported.
 */
public record Calibration(long loops, double targetSeconds, double checkSeconds, int probes) {

    private static final long MIN_PROBE_NANOS = 20_000_000L;

    public static Calibration calibrate(Worker worker, Duration target, long seed) {
        long targetNanos = target.toNanos();
        long loops = 100_000;
        int probes = 0;
        long wall = time(worker, loops, seed);
        probes++;
        long probeGoal = Math.min(MIN_PROBE_NANOS, Math.max(1, targetNanos / 4));
        while (wall < probeGoal && loops < Long.MAX_VALUE / 16) {
            loops *= wall <= 0 ? 16 : Math.max(2, Math.min(16, probeGoal / Math.max(wall, 1)));
            wall = time(worker, loops, seed);
            probes++;
        }
        // The first probes run interpreted or half-compiled: repeat until two agree within 10%.
        for (int i = 0; i < 8; i++) {
            long again = time(worker, loops, seed);
            probes++;
            boolean stable = Math.abs(again - wall) <= 0.1 * Math.max(again, wall);
            wall = Math.min(wall, again);
            if (stable) {
                break;
            }
        }
        loops = scale(loops, wall, targetNanos);
        wall = time(worker, loops, seed);
        probes++;
        loops = scale(loops, wall, targetNanos);
        return new Calibration(loops, targetNanos / 1e9, wall / 1e9, probes);
    }

    private static long scale(long loops, long wall, long targetNanos) {
        return Math.max(1, Math.round(loops * (double) targetNanos / Math.max(1, wall)));
    }

    private static long time(Worker worker, long loops, long seed) {
        TaskResult r = worker.submit(SpinWorkload.spec(loops), new TaskInput(0, 0, seed)).join();
        if (!r.ok()) {
            throw new IllegalStateException("calibration task failed: " + r.error());
        }
        return r.wallNanos();
    }

    /** e.g. {@code spin loops=23,000,000 (target 1.000 s, check ran 0.987 s)} */
    public String describe() {
        return String.format("calibrated spin: loops=%,d for a %.3f s task (check run took %.3f s before the final rescale)",
                loops, targetSeconds, checkSeconds);
    }
}
