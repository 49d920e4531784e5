package dev.corescope.experiment.jmh;

import java.util.List;

/**
 * A job as it ran: how it ended, where, when, and beside how many other jobs: {@code othersMin}/{@code othersMax}
 * are the fewest and most jobs that ran beside it at any moment of its run (a fork run alone has 0 and 0; a parallel job
 * measured at full occupancy of {@code width} one-core jobs has {@code width - 1} and {@code width - 1}).
 *
 * @param width       the level (concurrent one-core jobs) the run was at when it started
 * @param startNanos  its start on the run's timeline (nanoseconds from the run's start)
 * @param iterations  what ran beside each measured iteration of its measured fork, in order (empty when its JMH
 *                    did not say when its iterations ended)
 */
public record JobOutcome(JmhJob job, JobExecutor.JobRun run, List<Integer> cpus, int width, int othersMin, int othersMax,
                         long startNanos, long endNanos, List<IterationContext> iterations) {
    public JobOutcome {
        cpus = List.copyOf(cpus);
        iterations = List.copyOf(iterations);
    }

    /**
     * Each measured iteration's context, when they match the fork's scores one for one; else null (the sides of its
     * iterations are unknown).
     */
    public List<IterationContext> contexts() {
        return ok() && iterations.size() == run.fork().iterations().size() ? iterations : null;
    }

    public boolean ok() {
        return run.status() == JobExecutor.Status.OK && run.fork() != null;
    }

    /** Whether nothing else ran at any moment of it. */
    public boolean alone() {
        return othersMax == 0;
    }

    public double seconds() {
        return (endNanos - startNanos) / 1e9;
    }
}
