package dev.corescope.exec.pin;

/**
 * Pins one worker to its slot's CPU (the slot's CPU comes from the pool's {@link CpuAssignment}). The pools
 * take one in their constructors: {@link AffinityPinner}, corescope's one mechanism, in a run; a test may
 * record the calls instead.
 */
public interface Pinner {
    /**
     * Restricts the worker to {@code cpu}.
     *
     * @param pid the worker's process
     * @param tid the Linux id of the thread that runs its tasks
     * @return false when it could not be pinned (the worker then runs where the OS puts it)
     */
    boolean pin(long pid, long tid, int cpu);

    /** What is pinned, for a run's notes: e.g. {@code each worker JVM pins all its threads}. */
    String describe();

    /** Called once by a pool that will pin, before its first worker starts (e.g. to load the native call early). */
    default void prepare() {
    }
}
