package dev.corescope.workload.algo;

import java.util.HashMap;
import java.util.Map;

/**
 * Per-thread input buffers, reused from task to task: a workload refills them from the task's seed before
 * the clock starts instead of allocating new ones. Allocating a task's inputs afresh (1.5 MB for a 250×250
 * product) sends every task to cold memory and, in threads mode, fills the shared heap so that a collection
 * stops every worker's task; measured in docs/performance.md. One buffer per slot and thread, of the last
 * length asked for (a new length replaces it), so a thread holds at most one task's inputs, which the
 * plan's memory check already counts.
 */
final class Scratch {
    private static final ThreadLocal<Map<String, Object>> BUFFERS = ThreadLocal.withInitial(HashMap::new);

    private Scratch() {
    }

    /** This thread's double buffer {@code slot} of exactly {@code length} (contents: whatever was left). */
    static double[] doubles(String slot, int length) {
        Object b = BUFFERS.get().get(slot);
        if (b instanceof double[] d && d.length == length) {
            return d;
        }
        double[] d = new double[length];
        BUFFERS.get().put(slot, d);
        return d;
    }

    /** This thread's int buffer {@code slot} of exactly {@code length} (contents: whatever was left). */
    static int[] ints(String slot, int length) {
        Object b = BUFFERS.get().get(slot);
        if (b instanceof int[] a && a.length == length) {
            return a;
        }
        int[] a = new int[length];
        BUFFERS.get().put(slot, a);
        return a;
    }
}
