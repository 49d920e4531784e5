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
     * runs on the task's own CPU: a fixed few short tasks end before it.
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
        return new Prepared(spec, calibration);
    }

    record Prepared(WorkloadSpec spec, Calibration calibration) {
    }

}
