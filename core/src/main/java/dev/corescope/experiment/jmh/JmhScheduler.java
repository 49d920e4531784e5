package dev.corescope.experiment.jmh;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Runs the jobs {@code width} at a time, in queue order (longest first, controls where they were placed): a job
 * starts when the CPUs it needs are free among the first {@code width} of the pin order. A job that needs more CPUs
 * than the level, and every job at level 1, run alone, once the jobs before them have ended. A control starts alone
 * too, and nothing starts beside it until it has measured its first {@link JmhJob#aloneIterations()} iterations (or
 * ended). Every job's marks are timed on the run's timeline ({@link Occupancy}), so each outcome says what ran beside
 * each of its measured iterations. After each job, the {@link Steering} may lower the level, add reruns and make
 * queued jobs controls; when the queue is empty it may add the last ones. A failed job is reported and the suite goes
 * on (with {@code failFast}, JMH's {@code -foe true}, no job starts after it). Single-threaded: each job waits on a
 * thread of its own, and everything else happens on the caller's thread.
 */
public final class JmhScheduler {
    /** Decides, from each job's outcome, what changes. Called on the scheduler's thread. */
    public interface Steering {
        Change after(JobOutcome outcome, State state);

        /** The queue is empty and nothing runs: the last jobs to add (none ends the run). */
        Change atEnd(State state);

        Steering NONE = new Steering() {
            @Override
            public Change after(JobOutcome outcome, State state) {
                return Change.none(state.width());
            }

            @Override
            public Change atEnd(State state) {
                return Change.none(state.width());
            }
        };
    }

    /**
     * Where the run is, for the {@link Steering}.
     *
     * @param controlsLeft controls queued or running
     * @param promotable   queued measured jobs that could become controls at {@code width}
     */
    public record State(int width, int controlsLeft, int promotable) {
    }

    /**
     * @param width        the level from now on
     * @param reruns       measured jobs to add, merged longest first
     * @param promote      how many queued measured jobs become controls, chosen at random
     * @param dropControls the controls still queued become plain jobs (at level 1 every job runs alone)
     */
    public record Change(int width, List<JmhJob> reruns, int promote, boolean dropControls) {
        public static Change none(int width) {
            return new Change(width, List.of(), 0, false);
        }
    }

    /** What ran: every outcome in the order they ended, the jobs never started, the level at the end. */
    public record Schedule(List<JobOutcome> outcomes, List<JmhJob> skipped, boolean interrupted, int finalWidth,
                           long wallNanos) {
    }

    private record Done(JmhJob job, JobExecutor.JobRun run, long end) {
    }

    private record Marked(JmhJob job, JobExecutor.Mark mark, long at) {
    }

    private static final class Running {
        final List<Integer> cpus;
        final long start;
        final int widthAtStart;
        boolean alone;
        int holdFor;
        int slots;
        int othersMin;
        int othersMax;
        Thread thread;

        Running(List<Integer> cpus, long start, int width, boolean alone, int holdFor, int slots, int others) {
            this.cpus = cpus;
            this.start = start;
            this.widthAtStart = width;
            this.alone = alone;
            this.holdFor = holdFor;
            this.slots = slots;
            this.othersMin = others;
            this.othersMax = others;
        }
    }

    private final JobExecutor executor;
    private final CpuSlots slots;
    private final boolean failFast;
    private final Steering steering;
    private final Consumer<JobOutcome> sink;
    private final LongSupplier clock;
    private final Random rng;
    private final Map<JmhJob, Running> running = new LinkedHashMap<>();
    private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
    private final Occupancy occupancy = new Occupancy();
    private final List<JobOutcome> outcomes = new ArrayList<>();
    private Deque<JmhJob> queue = new ArrayDeque<>();
    private int width;
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
        this.slots = new CpuSlots(pinOrder, cpus);
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
                    apply(steering.atEnd(state()));
                    if (queue.isEmpty()) {
                        break;
                    }
                }
                continue;
            }
            try {
                Object m = messages.take();
                if (m instanceof Marked k) {
                    marked(k);
                } else {
                    finish((Done) m);
                }
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

    /** Runs alone: a control (at first), a job wider than the level, every job at level 1. */
    private boolean alone(JmhJob job) {
        return job.kind() == JmhJob.Kind.CONTROL || width <= 1 || job.cores() >= width;
    }

    private boolean canStart(JmhJob job) {
        if (alone(job)) {
            return running.isEmpty();
        }
        return running.values().stream().noneMatch(r -> r.alone) && slots.fits(job, width);
    }

    private void start(JmhJob job) {
        boolean alone = alone(job);
        int[] taken = new int[1];
        List<Integer> cpusOf = slots.take(job, width, alone, taken);
        int hold = job.kind() == JmhJob.Kind.CONTROL && width > 1 && job.cores() < width ? job.aloneIterations() : 0;
        long now = clock.getAsLong();
        Running r = new Running(cpusOf, now, width, alone, hold, taken[0], running.size());
        occupancy.started(job, slots.needs(job), now);
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

    private void execute(JmhJob job, List<Integer> cpusOf) {
        JobExecutor.JobRun run;
        try {
            run = executor.run(job, cpusOf, m -> messages.add(new Marked(job, m, clock.getAsLong())));
        } catch (InterruptedException e) {
            run = null;
        } catch (RuntimeException e) {
            run = JobExecutor.JobRun.failed(JobExecutor.Status.FAILED, "corescope could not run the job: " + e, null);
        }
        messages.add(new Done(job, run, clock.getAsLong()));
    }

    /** A job said how far it is: a control that has measured enough alone lets the level fill again. */
    private void marked(Marked k) {
        occupancy.mark(k.job(), k.mark(), k.at());
        Running r = running.get(k.job());
        if (r != null && r.holdFor > 0 && occupancy.measuredIterations(k.job()) >= r.holdFor) {
            r.holdFor = 0;
            r.alone = false;
            r.slots = slots.share(k.job(), r.slots);
        }
    }

    private void finish(Done d) {
        Running r;
        synchronized (running) {
            r = running.remove(d.job());
            for (Running other : running.values()) {
                other.othersMin = Math.min(other.othersMin, running.size() - 1);
            }
        }
        occupancy.ended(d.job(), d.end());
        slots.give(r.cpus, r.slots);
        if (d.run() == null || interrupted) {
            return; // stopped: nothing of it is kept
        }
        JobOutcome o = new JobOutcome(d.job(), d.run(), r.cpus, r.widthAtStart, r.othersMin, r.othersMax, r.start,
                d.end(), occupancy.contexts(d.job()));
        outcomes.add(o);
        sink.accept(o);
        if (!o.ok() && failFast) {
            noMoreStarts = true;
            return;
        }
        apply(steering.after(o, state()));
    }

    private State state() {
        int controls = (int) (queue.stream().filter(j -> j.kind() == JmhJob.Kind.CONTROL).count()
                + running.keySet().stream().filter(j -> j.kind() == JmhJob.Kind.CONTROL).count());
        int promotable = (int) queue.stream().filter(j -> JmhControls.eligible(j, width)).count();
        return new State(width, controls, promotable);
    }

    private void apply(Change c) {
        width = Math.max(1, c.width());
        if (c.reruns().isEmpty() && c.promote() == 0 && !c.dropControls()) {
            return;
        }
        List<JmhJob> jobs = new ArrayList<>(queue);
        if (c.dropControls()) {
            jobs.replaceAll(j -> j.kind() == JmhJob.Kind.CONTROL ? j.asControl(false) : j);
        }
        List<Integer> plain = new ArrayList<>();
        for (int k = 0; k < jobs.size(); k++) {
            if (JmhControls.eligible(jobs.get(k), width)) {
                plain.add(k);
            }
        }
        for (int n = 0; n < c.promote() && width + 3 * width * n < plain.size() - width; n++) { // soon, jobs after it
            int from = width + 3 * width * n;
            int k = plain.get(from + rng.nextInt(Math.min(plain.size() - width - from, 2 * width)));
            jobs.set(k, jobs.get(k).asControl(true));
        }
        if (!c.reruns().isEmpty()) {
            jobs.addAll(c.reruns());
            jobs.sort(Comparator.comparingDouble(JmhJob::seconds).reversed()); // stable: controls keep their turn
        }
        queue = new ArrayDeque<>(jobs);
    }
}
