package dev.corescope.sim;

import java.util.function.Consumer;

/**
 * A thread of the simulated machine: a worker of corescope's (in the quota's group), a pinned program
 * keeping one CPU busy (a hog), or an unpinned background thread that runs in bursts. It is runnable
 * while it is on a run queue ({@link #rq} not null) and sleeps otherwise.
 */
final class SimThread {
    enum Kind { WORKER, HOG, BACKGROUND }

    final int id;
    final Kind kind;
    /** The CPU it may run on, or -1: any (placed and balanced by the scheduler). */
    final int pin;
    /** In corescope's cgroup: subject to the CPU quota. */
    final boolean grouped;
    /** Background threads: the fraction of the time they want to run. */
    final double duty;

    /** The run queue it is on while runnable, else null. */
    SimCpu rq;
    /** The CPU it last ran on (or was queued on), -1 before it ever ran. */
    int last = -1;
    /** Fair-share clock: ns it has run, normalised to its run queue (CFS's vruntime). */
    double vruntime;
    /** Work left in the current task or burst: ns at full speed; infinite for a hog. */
    double work;
    /** All the CPU time it has used, ns. */
    double cpuNs;

    /** The current task: when it first ran (NaN before), its CPU time and run-queue wait, its preemptions. */
    double taskStart = Double.NaN;
    double taskCpu;
    double taskWait;
    int taskSwitches;
    /** Told when the current task or burst ends. */
    Consumer<SimThread> onDone;

    SimThread(int id, Kind kind, int pin, boolean grouped, double duty) {
        this.id = id;
        this.kind = kind;
        this.pin = pin;
        this.grouped = grouped;
        this.duty = duty;
    }

    boolean started() {
        return !Double.isNaN(taskStart);
    }

    /** A new task (or burst) of {@code nanos} work, reported to {@code done} when it ends. */
    void begin(double nanos, Consumer<SimThread> done) {
        work = nanos;
        onDone = done;
        taskStart = Double.NaN;
        taskCpu = 0;
        taskWait = 0;
        taskSwitches = 0;
    }

    @Override
    public String toString() {
        return kind + "-" + id;
    }
}
