package dev.corescope.api;

/**
 * One task made ready to run. {@link Workload#prepare} builds its input before the harness starts the clock;
 * {@link #run} is the only part that is timed; {@link #check} verifies the output after the clock has
 * stopped. So input generation and verification never enter a task's time, as in JMH's
 * {@code @Setup(Level.Invocation)} / benchmark method / {@code @TearDown} split.
 *
 * <p>{@link #run} must leave its result where the JIT cannot discard it (dead-code elimination): in the
 * returned output, or in a field or array of this object that {@link #check} reads.
 */
public interface PreparedTask {

    /**
     * The timed work.
     *
     * @return the work's output: a checksum of the result, or a cheap placeholder when {@link #check}
     *         computes the checksum from what {@code run} left in this object
     */
    TaskOutput run();

    /**
     * Verifies the output of {@link #run}, untimed, and returns what is recorded (e.g. with a checksum of the
     * whole result, computed here rather than inside the timed region). Default: the output as it is.
     *
     * @param output what {@link #run} returned
     * @return the output to record
     * @throws RuntimeException when the result is wrong; the task is then recorded as failed
     */
    default TaskOutput check(TaskOutput output) {
        return output;
    }

    /**
     * Prepares, runs and checks one task in a row, nothing timed: for tests and tools.
     *
     * @param workload the workload
     * @param input    the task's size and seed
     * @return the checked output
     */
    static TaskOutput runWhole(Workload workload, TaskInput input) {
        PreparedTask task = workload.prepare(input);
        return task.check(task.run());
    }
}
