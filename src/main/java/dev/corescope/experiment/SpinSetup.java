package dev.corescope.experiment;

import dev.corescope.workload.SpinWorkload;
import dev.corescope.workload.WorkloadSpec;
import java.time.Duration;

/**
 * How the spin workload is sized: a fixed loop count, or a target duration to calibrate to.
 * Exactly one is set.
 */
public record SpinSetup(Long loops, Duration target) {
    public static final int WARMUP_ITERATIONS = 3;

    /** Calibrates when needed (on worker 0 of the session), then warms up {@code workers} workers. */
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
        Warmup.run(session.pool(), workers, warmupSpec(spec), 0, WARMUP_ITERATIONS);
        return new Prepared(spec, calibration);
    }

    /** A tenth of the measured task: enough for the JIT to compile the kernel, short enough not to matter. */
    static WorkloadSpec warmupSpec(WorkloadSpec spec) {
        long n = spec.longParam("loops", 1_000_000);
        return SpinWorkload.spec(Math.max(1, n / 10 + 1));
    }

    record Prepared(WorkloadSpec spec, Calibration calibration) {
    }

}
