package dev.corescope.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A logical CPU of the simulated machine: its run queue, what runs now, and its accounting. */
final class SimCpu {
    final int id;
    /** The SMT sibling, or -1. */
    final int sibling;
    /** The runnable threads queued here, the running one included, in the order they arrived. */
    final List<SimThread> queue = new ArrayList<>();
    SimThread current;
    /** When the current thread got the CPU. */
    double sliceStart;
    /** The smallest vruntime seen on this queue; never goes back (CFS's min_vruntime). */
    double minVruntime;
    /** ns this CPU was busy, and ns of that spent by threads of corescope's group. */
    double busyNs;
    double groupNs;

    SimCpu(int id, int sibling) {
        this.id = id;
        this.sibling = sibling;
    }

    /** The smallest vruntime queued here now (the running thread's counted to now), remembered as the minimum. */
    double fairTime() {
        double min = Double.POSITIVE_INFINITY;
        for (SimThread q : queue) {
            min = Math.min(min, q.vruntime);
        }
        minVruntime = Math.max(minVruntime, Double.isInfinite(min) ? minVruntime : min);
        return minVruntime;
    }

    /** Queues a runnable thread here. */
    void add(SimThread t) {
        queue.add(t);
        t.rq = this;
        t.last = id;
    }

    /** Takes the CPU from the running thread (it stays queued): an involuntary context switch. */
    void preempt() {
        if (current != null) {
            current.taskSwitches++;
            current = null;
        }
    }

    /** Whether another thread than the running one could use the CPU now. */
    boolean waiting(Predicate<SimThread> eligible) {
        for (SimThread t : queue) {
            if (t != current && eligible.test(t)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "cpu" + id;
    }
}
