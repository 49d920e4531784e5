package dev.corescope.workload;

/**
 * The unit of work corescope measures. Implementations must be stateless between calls (or keep only
 * caches that do not change results) and return a value derived from all the work done, so that the
 * JIT cannot remove it: the harness folds every returned checksum into the task record.
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
}
