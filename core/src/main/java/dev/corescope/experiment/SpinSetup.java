package dev.corescope.experiment;

import dev.corescope.workload.SpinWorkload;
import dev.corescope.workload.WorkloadSpec;
import java.time.Duration;
import java.util.List;

/**
 * How the spin workload is sized: a fixed loop count, or a target duration to calibrate to.
 * Exactly one is set.
 */
public record SpinSetup(Long loops, Duration target) {
    /** Warm-up rounds at least, before the JIT is watched for quiet ({@link Warmup#untilQuiet}). */
    public static final int WARMUP_ITERATIONS = 3;

    /**
     * Calibrates when needed (on worker 0 of the session), then warms up {@code workers} workers with the
     * measured task itself until the JIT is quiet: at least {@value #WARMUP_ITERATIONS} rounds, then until two
     * rounds in a row saw no compilation in any worker's JVM ({@link Warmup#untilQuiet}). A worker JVM's C2
     * compilation of the kernel can arrive 100-250 ms after its first task, and with the JVM pinned whole it
     * runs on the task's own CPU: a fixed few short tasks end before it. When the warmed-up task is more than
     * 15% off the target in CPU time (the calibration timed slower code than the JIT delivered since), the
     * kernel is calibrated again.
     */
    Prepared prepare(Session session, int workers) {
        session.pool().ensure(workers);
        session.profile(); // read the machine before measuring, not while
        Calibration calibration = null;
        long n;
        if (loops != null) {
            n = loops;
        } else {
            calibration = Calibration.calibrate(session.pool().worker(0), target, session.settings().seed());
            n = calibration.loops();
        }
        WorkloadSpec spec = SpinWorkload.spec(n);
        Warmup.untilQuiet(session.pool(), 0, workers, spec, List.of(0L), WARMUP_ITERATIONS);
        if (calibration != null && offTarget(session, spec)) {
            // the JIT delivered faster code during the warm-up than during the calibration: calibrate the final code
            calibration = Calibration.calibrate(session.pool().worker(0), target, session.settings().seed());
            spec = SpinWorkload.spec(calibration.loops());
            Warmup.untilQuiet(session.pool(), 0, workers, spec, List.of(0L), 1);
        }
        return new Prepared(spec, calibration);
    }

    /** Whether one task of {@code spec} alone, after the warm-up, is more than 15% off the target in CPU time. */
    private boolean offTarget(Session session, WorkloadSpec spec) {
        var r = session.pool().worker(0).submit(spec, new dev.corescope.api.TaskInput(-1, 0,
                session.settings().seed())).join();
        long t = r.cpuNanos() > 0 ? r.cpuNanos() : r.wallNanos();
        return r.ok() && t > 0 && Math.abs((double) t / target.toNanos() - 1) > 0.15;
    }

    record Prepared(WorkloadSpec spec, Calibration calibration) {
    }

}
