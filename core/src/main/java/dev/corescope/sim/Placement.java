package dev.corescope.sim;

import java.util.function.Predicate;

/**
 * Where the scheduler puts an unpinned thread, as Linux's does: on wake-up, its previous CPU if its whole
 * core is idle, else the first idle core, else an idle CPU (previous first), else the shortest run queue
 * ({@code select_idle_sibling}); when a CPU goes idle, and every balance tick, it pulls a waiting unpinned
 * thread from the busiest queue ({@code newidle_balance}); and a thread running beside a busy SMT sibling
 * while a whole core is idle is moved there (active balance). Pinned threads never move.
 */
final class Placement {
    private final SimCpu[] cpus;
    /** Whether a thread may run now (a throttled group's may not). */
    private final Predicate<SimThread> eligible;

    Placement(SimCpu[] cpus, Predicate<SimThread> eligible) {
        this.cpus = cpus;
        this.eligible = eligible;
    }

    /** No runnable thread may run here now. */
    boolean idle(SimCpu c) {
        if (c.current != null) {
            return false;
        }
        for (SimThread t : c.queue) {
            if (eligible.test(t)) {
                return false;
            }
        }
        return true;
    }

    private boolean idleCore(SimCpu c) {
        return idle(c) && (c.sibling < 0 || idle(cpus[c.sibling]));
    }

    private int load(SimCpu c) {
        int n = 0;
        for (SimThread t : c.queue) {
            n += eligible.test(t) ? 1 : 0;
        }
        return n;
    }

    /** The CPU an unpinned thread waking up goes to. */
    SimCpu select(SimThread t) {
        int prev = Math.max(0, t.last);
        int n = cpus.length;
        for (int k = 0; k < n; k++) {
            SimCpu c = cpus[(prev + k) % n];
            if (idleCore(c)) {
                return c;
            }
        }
        for (int k = 0; k < n; k++) {
            SimCpu c = cpus[(prev + k) % n];
            if (idle(c)) {
                return c;
            }
        }
        SimCpu best = cpus[prev];
        int bestLoad = load(best);
        for (int k = 1; k < n; k++) {
            SimCpu c = cpus[(prev + k) % n];
            int l = load(c);
            if (l < bestLoad) {
                best = c;
                bestLoad = l;
            }
        }
        return best;
    }

    /**
     * A waiting (runnable, not running) unpinned thread for the idle CPU {@code to}, from the queue with the
     * most runnable threads; null when there is none.
     */
    SimThread pullable(SimCpu to) {
        SimThread pick = null;
        int most = 1;
        for (SimCpu c : cpus) {
            if (c == to) {
                continue;
            }
            int l = load(c);
            if (l <= most) {
                continue;
            }
            for (SimThread t : c.queue) {
                if (t != c.current && t.pin < 0 && eligible.test(t)) {
                    pick = t;
                    most = l;
                    break;
                }
            }
        }
        return pick;
    }

    /** An idle core's CPU for an unpinned thread running on {@code from} beside a busy sibling, or null. */
    SimCpu spreadTarget(SimCpu from) {
        if (from.sibling < 0 || from.current == null || from.current.pin >= 0 || idle(cpus[from.sibling])) {
            return null;
        }
        for (SimCpu c : cpus) {
            if (c != from && c.id != from.sibling && idleCore(c)) {
                return c;
            }
        }
        return null;
    }
}
