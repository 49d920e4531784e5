package dev.corescope.experiment.jmh;

import java.util.List;

/**
 * Runs one job to its end: a JMH host JVM for {@link ProcessJobExecutor}; tests pass one that returns invented
 * iteration scores, so the scheduling and the certification are tested without timing anything. As it runs, a job
 * says when its measured fork starts and when each iteration ends ({@link Marks}): the scheduler times them, so that
 * each measured iteration is known to have run alone or beside others ({@link Occupancy}).
 */
@FunctionalInterface
public interface JobExecutor {
    /**
     * Runs {@code job} pinned to {@code cpus} (empty: not pinned) and waits for its end. A benchmark that fails,
     * hangs or crashes is a {@link JobRun} of that status, never an exception.
     *
     * @throws InterruptedException when the run is stopped (the job's processes are killed first)
     */
    JobRun run(JmhJob job, List<Integer> cpus, Marks marks) throws InterruptedException;

    /** What a job's JMH has just done, in the order it happens ({@link JmhLines}). */
    enum Mark {
        /** A warm-up fork ({@code -wf}) starts: its iterations are not the measured ones. */
        WARMUP_FORK,
        /** The measured fork starts (its JVM is being launched). */
        FORK,
        /** A warm-up iteration ended. */
        WARMUP_ITERATION,
        /** A measured iteration ended. */
        ITERATION
    }

    /** Told each {@link Mark} as it happens; called on any thread, never blocks. */
    @FunctionalInterface
    interface Marks {
        Marks NONE = m -> { };

        void mark(Mark m);
    }

    /** How a job ended. */
    enum Status {
        OK, FAILED, TIMEOUT, CRASHED;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * @param fork  the measurement (null unless {@link Status#OK})
     * @param error what went wrong, in one line (null when OK)
     * @param log   where the job's JMH output is, relative to the run directory (null: none)
     */
    record JobRun(Status status, ForkData fork, String error, String log) {
        public static JobRun ok(ForkData fork, String log) {
            return new JobRun(Status.OK, fork, null, log);
        }

        public static JobRun failed(Status status, String error, String log) {
            return new JobRun(status, null, error, log);
        }
    }
}
