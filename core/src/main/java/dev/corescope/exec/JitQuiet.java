package dev.corescope.exec;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Waits until this JVM's JIT compilers are idle: its total compilation time (management bean) has not
 * moved for {@link #QUIET_MILLIS}. The compilers work in background threads; right after code gets hot
 * they queue compilations that can take a CPU for tens of milliseconds, beside the workers being timed.
 * On two CPUs that is a worker's CPU: measurements start, and resume after a pause, only once the
 * queue is empty. Bounded: gives up after {@code maxMillis}.
 */
public final class JitQuiet {
    static final long POLL_MILLIS = 10;
    static final long QUIET_MILLIS = 50;

    private JitQuiet() {
    }

    /** @return milliseconds waited */
    public static long await(long maxMillis) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return 0;
        }
        return await(jit::getTotalCompilationTime, System::nanoTime, maxMillis);
    }

    /** As {@link #await(long)} on any compile-time counter and clock (tests). */
    static long await(LongSupplier compileMillis, LongSupplier nanoTime, long maxMillis) {
        long start = nanoTime.getAsLong();
        long last = compileMillis.getAsLong();
        long stableSince = start;
        while (true) {
            long now = nanoTime.getAsLong();
            if ((now - stableSince) / 1_000_000 >= QUIET_MILLIS || (now - start) / 1_000_000 >= maxMillis) {
                return (now - start) / 1_000_000;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return (nanoTime.getAsLong() - start) / 1_000_000;
            }
            long c = compileMillis.getAsLong();
            if (c != last) {
                last = c;
                stableSince = nanoTime.getAsLong();
            }
        }
    }
}
