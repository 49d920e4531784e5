package dev.corescope.sim;

import dev.corescope.machine.MachineSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The scheduler of the simulated machine, a deterministic discrete-event simulation in nanoseconds. One
 * run queue per logical CPU; on each, the fair scheduler runs the runnable thread with the smallest
 * vruntime for a slice (EEVDF's base slice: 0.75 ms × (1 + log2 of the CPUs, at most 8), so 1.5 ms on 2
 * CPUs, 3 ms on 8 or more); a waking thread keeps no credit for its sleep (EEVDF places it at the queue's
 * fair time, not before) and preempts the running one only when it is more than
 * {@value #WAKEUP_GRANULARITY} ns behind; so k threads on one CPU each get 1/k of it, the rest of their
 * time being run-queue wait. A thread runs
 * {@code smtSlowdown} times slower while its SMT sibling is busy: it uses more CPU time, it does not wait.
 * The threads of corescope's group (its workers) share a CPU quota per period of {@value #PERIOD} ns:
 * once the group has used it, all of them are throttled (runnable, waiting) until the next period.
 * Unpinned threads are placed and balanced by {@link Placement}.
 */
final class Kernel {
    static final double BASE_SLICE = 0.75e6;
    static final double WAKEUP_GRANULARITY = 1e6;
    static final double PERIOD = 100e6;
    static final double BALANCE_INTERVAL = 4e6;
    /** Mean CPU time of a background thread's burst. */
    static final double BURST = 10e6;
    private static final double EPS = 1e-3;

    final SimCpu[] cpus;
    /** The slice of this machine's size. */
    final double slice;
    private final double smt;
    private final double drift;
    private final double sigma;
    private final List<SimThread> threads = new ArrayList<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final Placement placement;
    private final SplittableRandom noise;
    private final Quota quota;
    private boolean unpinned;
    private double nextBalance = BALANCE_INTERVAL;
    private long timerSeq;
    private double now;

    private record Timer(double at, long seq, Runnable action) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer o) {
            int c = Double.compare(at, o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    Kernel(MachineSpec spec) {
        int cores = spec.cores();
        cpus = new SimCpu[spec.logicalCpus()];
        for (int i = 0; i < cpus.length; i++) {
            cpus[i] = new SimCpu(i, spec.threadsPerCore() == 2 ? (i < cores ? i + cores : i - cores) : -1);
        }
        slice = BASE_SLICE * (1 + Math.floor(Math.log(Math.min(8, cpus.length)) / Math.log(2) + 1e-9));
        smt = spec.smtSlowdown();
        drift = spec.driftPerMinute();
        sigma = Math.sqrt(Math.log(1 + spec.noiseCv() * spec.noiseCv()));
        quota = new Quota(spec.quotaCpus());
        placement = new Placement(cpus, this::eligible);
        noise = new SplittableRandom(spec.seed());
        for (int cpu : spec.busyCpus()) {
            start(thread(SimThread.Kind.HOG, cpu, false, 1), Double.POSITIVE_INFINITY, null);
        }
        new Background(this, spec.backgroundCpus(), spec.seed() * 0x9E3779B97F4A7C15L + 0x5DEECE66DL);
        schedule();
    }

    /** A new thread (asleep); {@code pin} -1: unpinned. */
    SimThread thread(SimThread.Kind kind, int pin, boolean grouped, double duty) {
        SimThread t = new SimThread(threads.size(), kind, pin, grouped, duty);
        threads.add(t);
        unpinned |= pin < 0;
        return t;
    }

    double now() {
        return now;
    }

    List<SimThread> threads() {
        return threads;
    }

    Quota quota() {
        return quota;
    }

    /** {@code base} ns of work as the machine makes it now: with per-task noise and the drift so far. */
    double work(double base) {
        double n = sigma == 0 ? 1 : Math.exp(sigma * noise.nextGaussian());
        return base * n * Math.max(0.05, 1 + drift * now / 60e9);
    }

    /** Calls {@code action} at time {@code at} (not before now). */
    void at(double at, Runnable action) {
        timers.add(new Timer(Math.max(at, now), timerSeq++, action));
    }

    /** Thread {@code t} starts {@code nanos} of work now, and tells {@code done} when it has done it. */
    void start(SimThread t, double nanos, Consumer<SimThread> done) {
        t.begin(nanos, done);
        wake(t);
    }

    private boolean eligible(SimThread t) {
        return !(t.grouped && quota.throttled());
    }

    private void wake(SimThread t) {
        SimCpu to = t.pin >= 0 ? cpus[t.pin] : placement.select(t);
        double from = t.last >= 0 ? cpus[t.last].minVruntime : to.minVruntime;
        t.vruntime = Math.max(t.vruntime - from + to.minVruntime, to.fairTime());
        to.add(t);
        SimThread running = to.current;
        if (running != null && eligible(t) && t.vruntime + WAKEUP_GRANULARITY < running.vruntime) {
            to.preempt();
        }
    }

    private void migrate(SimThread t, SimCpu to) {
        SimCpu from = t.rq;
        if (from.current == t) {
            from.preempt();
        }
        from.queue.remove(t);
        t.vruntime = t.vruntime - from.minVruntime + to.minVruntime;
        to.add(t);
    }

    /**
     * Runs the machine until {@code done} holds (checked after every event) or time {@code until}, whichever
     * comes first.
     */
    void run(double until, BooleanSupplier done) {
        while (!done.getAsBoolean()) {
            double next = Math.min(nextEvent(until), until);
            if (Double.isInfinite(next)) {
                throw new IllegalStateException("the simulation stalled: nothing left to happen");
            }
            advance(next - now);
            now = next;
            fire();
            schedule();
            if (next >= until) {
                return;
            }
        }
    }

    private double rate(SimCpu c) {
        return c.sibling >= 0 && cpus[c.sibling].current != null ? 1 / smt : 1;
    }

    private double nextEvent(double until) {
        double t = until;
        if (!timers.isEmpty()) {
            t = Math.min(t, timers.peek().at());
        }
        int group = 0;
        for (SimCpu c : cpus) {
            SimThread r = c.current;
            if (r == null) {
                continue;
            }
            group += r.grouped ? 1 : 0;
            if (Double.isFinite(r.work)) {
                t = Math.min(t, now + r.work / rate(c));
            }
            if (c.queue.size() > 1 && c.waiting(this::eligible)) {
                t = Math.min(t, c.sliceStart + slice);
            }
        }
        t = Math.min(t, quota.nextEvent(now, group));
        return Math.max(now, unpinned ? Math.min(t, nextBalance) : t);
    }

    private void advance(double dt) {
        if (dt <= 0) {
            return;
        }
        for (SimCpu c : cpus) {
            SimThread r = c.current;
            if (r != null) {
                double rate = rate(c);
                c.busyNs += dt;
                r.cpuNs += dt;
                r.vruntime += dt;
                r.taskCpu += dt;
                r.work -= dt * rate;
                if (r.grouped) {
                    quota.charge(dt);
                    c.groupNs += dt;
                }
            }
            double min = Double.POSITIVE_INFINITY;
            for (SimThread q : c.queue) {
                min = Math.min(min, q.vruntime);
                if (q != r && q.started()) {
                    q.taskWait += dt;
                }
            }
            if (min > c.minVruntime && min < Double.POSITIVE_INFINITY) {
                c.minVruntime = min; // follows the running thread: a thread waking later is placed beside it
            }
        }
    }

    private void fire() {
        for (SimCpu c : cpus) {
            SimThread r = c.current;
            if (r != null && r.work <= EPS) {
                c.current = null;
                c.queue.remove(r);
                r.rq = null;
                r.work = 0;
                if (r.onDone != null) {
                    r.onDone.accept(r);
                }
            }
        }
        while (!timers.isEmpty() && timers.peek().at() <= now + EPS) {
            timers.poll().action().run();
        }
        if (quota.tick(now)) {
            for (SimCpu c : cpus) {
                if (c.current != null && c.current.grouped) {
                    c.preempt();
                }
            }
        }
        for (SimCpu c : cpus) {
            if (c.current != null && now >= c.sliceStart + slice - EPS && c.waiting(this::eligible)) {
                c.preempt();
            }
        }
        if (unpinned && now >= nextBalance - EPS) {
            while (nextBalance <= now + EPS) {
                nextBalance += BALANCE_INTERVAL;
            }
            balance();
        }
    }

    private void balance() {
        for (SimCpu c : cpus) {
            SimCpu to = placement.spreadTarget(c);
            if (to != null) {
                migrate(c.current, to);
            }
        }
        for (SimCpu c : cpus) {
            if (placement.idle(c)) {
                SimThread t = placement.pullable(c);
                if (t != null) {
                    migrate(t, c);
                }
            }
        }
    }

    /** Every CPU without a running thread picks the eligible one with the smallest vruntime, or pulls one. */
    private void schedule() {
        for (SimCpu c : cpus) {
            if (c.current != null) {
                continue;
            }
            SimThread pick = null;
            for (SimThread t : c.queue) {
                if (eligible(t) && (pick == null || t.vruntime < pick.vruntime)) {
                    pick = t;
                }
            }
            if (pick == null && unpinned) {
                pick = placement.pullable(c);
                if (pick != null) {
                    migrate(pick, c);
                }
            }
            if (pick == null) {
                continue;
            }
            c.current = pick;
            c.sliceStart = now;
            c.minVruntime = Math.max(c.minVruntime, pick.vruntime);
            if (!pick.started()) {
                pick.taskStart = now;
            }
        }
    }
}
