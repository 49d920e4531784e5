package dev.corescope.api;

/**
 * The unit of work corescope measures. Implementations must be stateless between calls (or keep only
 * caches that do not change results) and return a value derived from all the work done, so that the
 * JIT cannot remove it: the harness folds every returned checksum into the task record.
 *
 * <p>The harness calls {@link #prepare} before it starts the clock and times only
 * {@link PreparedTask#run}. A workload that builds inputs (arrays, matrices) or verifies its result
 * overrides {@link #prepare}, so that neither is timed; one that only implements {@link #run} is timed
 * whole, as before.
 *
 * <p>A workload is created from a {@link WorkloadSpec} (name plus string parameters), so the same
 * workload can be rebuilt inside a worker JVM. User workloads need a public constructor taking
 * {@code Map<String,String>} or a public no-argument constructor.
 */
public interface Workload {

    /** Short name, as used on the command line (e.g. {@code spin}, {@code matmul-naive}). */
    String name();

    /**
     * Runs one task. {@code input.size()} is the problem size (ignored by size-less workloads) and
     * {@code input.seed()} seeds all randomness, so the same input gives the same checksum anywhere.
     */
    TaskOutput run(TaskInput input);

    /**
     * Builds one task's inputs (not timed) and returns the task. Default: a task whose timed part is
     * the whole {@link #run(TaskInput)}.
     */
    default PreparedTask prepare(TaskInput input) {
        return () -> run(input);
    }
}
