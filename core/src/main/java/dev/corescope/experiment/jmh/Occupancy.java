package dev.corescope.experiment.jmh;

import dev.corescope.experiment.jmh.JobExecutor.Mark;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who ran when, on the run's timeline: every job's processes, from its start to its end, the moments its iterations
 * ended ({@link Mark}), and its CPUs. From these, each measured iteration of a job gets its
 * {@link IterationContext}: whether nothing else ran at any moment of it (alone), or other jobs kept the rest of
 * the level's CPUs busy with their own iterations all through it (at the level). The rules are strict on purpose, so that a sample is never counted on
 * the wrong side: an iteration runs from the previous mark of its fork (the fork's start for the first, so a JVM
 * start counts against being alone) to its own; another job counts as a neighbour from its start until its end
 * (its host JVM starting and exiting included), but as filling its CPUs only while its fork's JVM runs the
 * benchmark: from the moment its first fork is launched (the JVM starting, then warming up) to the end of its last
 * iteration. An iteration neither alone nor at the level is neither.
 */
final class Occupancy {
    private static final class Entry {
        final int cores;
        final long start;
        final int planned;
        long forkStart = Long.MAX_VALUE;
        long end = Long.MAX_VALUE;
        long previous;
        boolean measuredFork;
        int iterations;
        long lastIteration = Long.MIN_VALUE;
        final List<long[]> measured = new ArrayList<>();

        Entry(int cores, long start, int planned) {
            this.cores = cores;
            this.start = start;
            this.planned = planned;
            this.previous = start;
        }

        /** The end of its last iteration, or never while it may still iterate. */
        long iteratingEnd() {
            return end != Long.MAX_VALUE || iterations >= planned ? lastIteration : Long.MAX_VALUE;
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** {@code job} started at {@code t} on {@code cores} CPUs. */
    void started(JmhJob job, int cores, long t) {
        BenchmarkPlan p = job.plan();
        int perFork = Math.max(0, p.warmupIterations()) + Math.max(0, p.iterations());
        entries.put(job.id(), new Entry(cores, t, perFork * (1 + Math.max(0, job.warmupForks()))));
    }

    /** {@code job} said {@code m} at {@code t}. */
    void mark(JmhJob job, Mark m, long t) {
        Entry e = entries.get(job.id());
        if (e == null || e.end != Long.MAX_VALUE) {
            return;
        }
        switch (m) {
            case WARMUP_FORK, FORK -> {
                e.measuredFork = m == Mark.FORK;
                e.measured.clear();
                e.forkStart = Math.min(e.forkStart, t);
            }
            case WARMUP_ITERATION, ITERATION -> {
                e.iterations++;
                e.lastIteration = Math.max(e.lastIteration, t);
                if (m == Mark.ITERATION && e.measuredFork) {
                    e.measured.add(new long[] {e.previous, t});
                }
            }
            default -> { }
        }
        e.previous = t;
    }

    /** {@code job}'s processes ended at {@code t}. */
    void ended(JmhJob job, long t) {
        Entry e = entries.get(job.id());
        if (e != null) {
            e.end = t;
        }
    }

    /** The measured iterations {@code job}'s measured fork has ended so far. */
    int measuredIterations(JmhJob job) {
        Entry e = entries.get(job.id());
        return e == null ? 0 : e.measured.size();
    }

    /** The context of each measured iteration of {@code job}, in order (empty when its JMH said none). */
    List<IterationContext> contexts(JmhJob job) {
        Entry self = entries.get(job.id());
        if (self == null) {
            return List.of();
        }
        List<IterationContext> out = new ArrayList<>();
        for (long[] it : self.measured) {
            int covered = 0;
            int touched = 0;
            for (Map.Entry<String, Entry> x : entries.entrySet()) {
                Entry o = x.getValue();
                if (o == self || o.start >= it[1] || o.end <= it[0]) {
                    continue;
                }
                touched += o.cores;
                if (o.forkStart <= it[0] && o.iteratingEnd() >= it[1]) {
                    covered += o.cores;
                }
            }
            out.add(new IterationContext(it[0], it[1], covered, touched));
        }
        return out;
    }
}
