package dev.corescope.experiment.jmh;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Runs the jobs {@code width} at a time, in queue order (longest first, controls where they were placed): a job
 * starts when the CPUs it needs are free among the first {@code width} of the pin order; a control, a job that
 * needs more CPUs than the level, and every job at level 1 run alone, once the jobs before them have ended. A
 * control rotates over the level's CPUs. After each job, the {@link Steering} may lower the level and add jobs
 * (reruns, more controls); when the queue is empty it may add the last ones. A failed job is reported and the
 * suite goes on (with {@code failFast}, JMH's {@code -foe true}, no job starts after it). Single-threaded: each job
 * waits on a thread of its own, and everything else happens on the caller's thread.
 */
public final class JmhScheduler {
    /** Decides, from each job's outcome, what changes. Called on the scheduler's thread. */
    public interface Steering {
        Change after(JobOutcome outcome, int width);

        /** The queue is empty and nothing runs: the last jobs to add (none ends the run). */
        Change atEnd(int width);

        Steering NONE = new Steering() {
            @Override
            public Change after(JobOutcome outcome, int width) {
                return Change.none(width);
            }

            @Override
            public Change atEnd(int width) {
                return Change.none(width);
            }
        };
    }

    /**
     * @param width        the level from now on
     * @param reruns       measured jobs to add, merged longest first
     * @param controls     controls to add, each at a random place of the queue
     * @param dropControls drop the controls still queued (at level 1 every job runs alone)
     */
    public record Change(int width, List<JmhJob> reruns, List<JmhJob> controls, boolean dropControls) {
        public static Change none(int width) {
            return new Change(width, List.of(), List.of(), false);
        }
    }

    /** What ran: every outcome in the order they ended, the jobs never started, the level at the end. */
    public record Schedule(List<JobOutcome> outcomes, List<JmhJob> skipped, boolean interrupted, int finalWidth,
                           long wallNanos) {
    }

    private record Done(JmhJob job, JobExecutor.Run run, long end) {
    }

    private static final class Running {
        final List<Integer> cpus;
        final long start;
        final int widthAtStart;
        final boolean exclusive;
        int othersMin;
        int othersMax;
        Thread thread;

        Running(List<Integer> cpus, long start, int width, boolean exclusive, int others) {
            this.cpus = cpus;
            this.start = start;
            this.widthAtStart = width;
            this.exclusive = exclusive;
            this.othersMin = others;
            this.othersMax = others;
        }
    }

    private final JobExecutor executor;
    private final List<Integer> pinOrder;
    private final int cpus;
    private final boolean failFast;
    private final Steering steering;
    private final Consumer<JobOutcome> sink;
    private final LongSupplier clock;
    private final Random rng;
    private final Map<JmhJob, Running> running = new LinkedHashMap<>();
    private final Set<Integer> busy = new HashSet<>();
    private final BlockingQueue<Done> done = new LinkedBlockingQueue<>();
    private final List<JobOutcome> outcomes = new ArrayList<>();
    private Deque<JmhJob> queue = new ArrayDeque<>();
    private int width;
    private int slotsUsed;
    private int soloTurn;
    private volatile boolean interrupted;
    private boolean noMoreStarts;

    /**
     * @param pinOrder the CPUs in pin order (one per physical core first), empty: jobs are not pinned
     * @param cpus     the CPUs there are (a job needs at most this many)
     * @param clock    nanoseconds on the run's timeline
     */
    public JmhScheduler(JobExecutor executor, List<Integer> pinOrder, int cpus, int width, boolean failFast,
                        Steering steering, Consumer<JobOutcome> sink, LongSupplier clock, Random rng) {
        this.executor = executor;
        this.pinOrder = List.copyOf(pinOrder);
        this.cpus = Math.max(1, cpus);
        this.width = Math.max(1, width);
        this.failFast = failFast;
        this.steering = steering;
        this.sink = sink;
        this.clock = clock;
        this.rng = rng;
    }

    /** Runs {@code jobs} in this order (until the queue is empty, or {@link #stop()}). */
    public Schedule run(List<JmhJob> jobs) {
        long start = clock.getAsLong();
        queue = new ArrayDeque<>(jobs);
        while (true) {
            if (!noMoreStarts && !interrupted) {
                while (!queue.isEmpty() && canStart(queue.peekFirst())) {
                    start(queue.pollFirst());
                }
            }
            if (running.isEmpty()) {
                if (interrupted || noMoreStarts) {
                    break;
                }
                if (queue.isEmpty()) {
                    apply(steering.atEnd(width));
                    if (queue.isEmpty()) {
                        break;
                    }
                }
                continue;
            }
            try {
                finish(done.take());
            } catch (InterruptedException e) {
                stop();
            }
        }
        return new Schedule(List.copyOf(outcomes), List.copyOf(queue), interrupted, width, clock.getAsLong() - start);
    }

    /** Ctrl-C: no job starts any more, and the running ones are stopped (their processes killed). Any thread. */
    public void stop() {
        interrupted = true;
        synchronized (running) {
            running.values().forEach(r -> {
                if (r.thread != null) {
                    r.thread.interrupt();
                }
            });
        }
    }

    private boolean exclusive(JmhJob job) {
        return job.kind() == JmhJob.Kind.CONTROL || width <= 1 || job.cores() > width;
    }

    private boolean canStart(JmhJob job) {
        if (exclusive(job)) {
            return running.isEmpty();
        }
        if (running.values().stream().anyMatch(r -> r.exclusive)) {
            return false;
        }
        return pinOrder.isEmpty() ? width - slotsUsed >= job.cores() : shared().size() >= job.cores();
    }

    /** The free CPUs of the level: the first {@code width} of the pin order not in use. */
    private List<Integer> shared() {
        return pinOrder.subList(0, Math.min(width, pinOrder.size())).stream().filter(c -> !busy.contains(c)).toList();
    }

    private void start(JmhJob job) {
        boolean exclusive = exclusive(job);
        List<Integer> cpusOf = allocate(job, exclusive);
        Running r = new Running(cpusOf, clock.getAsLong(), width, exclusive, running.size());
        synchronized (running) {
            running.put(job, r);
            for (Running other : running.values()) {
                other.othersMax = Math.max(other.othersMax, running.size() - 1);
            }
            r.thread = new Thread(() -> execute(job, cpusOf), "corescope-jmh-" + job.id());
            r.thread.setDaemon(true);
            r.thread.start();
            if (interrupted) {
                r.thread.interrupt();
            }
        }
    }

    private List<Integer> allocate(JmhJob job, boolean exclusive) {
        int n = Math.min(job.cores(), cpus);
        if (pinOrder.isEmpty()) {
            slotsUsed += exclusive ? width : n;
            return List.of();
        }
        List<Integer> out = new ArrayList<>();
        if (exclusive) {
            int span = Math.min(pinOrder.size(), Math.max(width, n));
            int first = job.kind() == JmhJob.Kind.CONTROL ? soloTurn++ % span : 0;
            for (int k = 0; k < Math.min(n, pinOrder.size()); k++) {
                out.add(pinOrder.get((first + k) % span));
            }
        } else {
            out.addAll(shared().subList(0, n));
        }
        busy.addAll(out);
        return out;
    }

    private void execute(JmhJob job, List<Integer> cpusOf) {
        JobExecutor.Run run;
        try {
            run = executor.run(job, cpusOf);
        } catch (InterruptedException e) {
            run = null;
        } catch (RuntimeException e) {
            run = JobExecutor.Run.failed(JobExecutor.Status.FAILED, "corescope could not run the job: " + e, null);
        }
        done.add(new Done(job, run, clock.getAsLong()));
    }

    private void finish(Done d) {
        Running r;
        synchronized (running) {
            r = running.remove(d.job());
            for (Running other : running.values()) {
                other.othersMin = Math.min(other.othersMin, running.size() - 1);
            }
        }
        busy.removeAll(r.cpus);
        if (pinOrder.isEmpty()) {
            slotsUsed -= r.exclusive ? r.widthAtStart : Math.min(d.job().cores(), cpus);
        }
        if (d.run() == null || interrupted) {
            return; // stopped: nothing of it is kept
        }
        JobOutcome o = new JobOutcome(d.job(), d.run(), r.cpus, r.widthAtStart, r.othersMin, r.othersMax, r.start,
                d.end());
        outcomes.add(o);
        sink.accept(o);
        if (!o.ok() && failFast) {
            noMoreStarts = true;
            return;
        }
        apply(steering.after(o, width));
    }

    private void apply(Change c) {
        width = Math.max(1, c.width());
        if (c.reruns().isEmpty() && c.controls().isEmpty() && !c.dropControls()) {
            return;
        }
        List<JmhJob> measured = new ArrayList<>();
        List<Integer> controlAt = new ArrayList<>();
        List<JmhJob> controls = new ArrayList<>();
        int k = 0;
        for (JmhJob j : queue) {
            if (j.kind() == JmhJob.Kind.CONTROL) {
                if (!c.dropControls()) {
                    controls.add(j);
                    controlAt.add(k);
                }
            } else {
                measured.add(j);
            }
            k++;
        }
        measured.addAll(c.reruns());
        measured.sort(Comparator.comparingDouble(JmhJob::seconds).reversed());
        List<JmhJob> next = new ArrayList<>(measured);
        for (int i = 0; i < controls.size(); i++) {
            next.add(Math.min(controlAt.get(i), next.size()), controls.get(i));
        }
        next = JmhControls.interleave(next, c.controls(), rng);
        queue = new ArrayDeque<>(next);
    }
}
