package dev.corescope.exec;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * What the JVM a task ran in did while the task was timed: garbage collections (count and milliseconds,
 * all collectors) and JIT compilation (milliseconds of compiler time, all compiler threads). JVM-wide:
 * in threads mode a collection stops every worker's task, and a compilation uses a CPU beside them, so
 * a task that overlapped one of them was not timed alone. {@code -1} where not measurable.
 *
 * <p>Both counters come from the JVM's own performance counters through the management beans: a read
 * costs well under a microsecond. Their millisecond resolution is coarse for one task, so a task that
 * saw some activity can report 0 ms; the counts are exact.
 */
public record JvmActivity(long gcCount, long gcMillis, long jitMillis) {

    public static final JvmActivity UNKNOWN = new JvmActivity(-1, -1, -1);

    /** The beans are looked up once; JMX initialises on first use, not when a worker JVM starts. */
    private static final class Beans {
        static final List<GarbageCollectorMXBean> GC = ManagementFactory.getGarbageCollectorMXBeans();
        static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
        static final boolean JIT_TIME = JIT != null && JIT.isCompilationTimeMonitoringSupported();
    }

    /** The JVM's totals since it started. */
    public static JvmActivity sample() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean b : Beans.GC) {
            long c = b.getCollectionCount();
            long t = b.getCollectionTime();
            if (c < 0 || t < 0) {
                count = -1;
                break;
            }
            count += c;
            millis += t;
        }
        long jit = Beans.JIT_TIME ? Beans.JIT.getTotalCompilationTime() : -1;
        return new JvmActivity(count, count < 0 ? -1 : millis, jit);
    }

    /** What happened between {@code before} and this sample. */
    public JvmActivity minus(JvmActivity before) {
        return new JvmActivity(diff(gcCount, before.gcCount), diff(gcMillis, before.gcMillis),
                diff(jitMillis, before.jitMillis));
    }

    /** Both together (e.g. several stretches of a run); unknown stays unknown. */
    public JvmActivity plus(JvmActivity other) {
        return new JvmActivity(sum(gcCount, other.gcCount), sum(gcMillis, other.gcMillis), sum(jitMillis, other.jitMillis));
    }

    private static long sum(long a, long b) {
        return a < 0 || b < 0 ? -1 : a + b;
    }

    private static long diff(long a, long b) {
        return a < 0 || b < 0 ? -1 : a - b;
    }
}
