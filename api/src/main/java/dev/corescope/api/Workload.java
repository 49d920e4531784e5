package dev.corescope.api;

/**
 * The unit of work corescope measures: implement it to assess your own algorithm with
 * {@code corescope assess --class your.Type --classpath your.jar}.
 *
 * <p><b>run vs prepare.</b> The harness times one task at a time. A workload that only implements
 * {@link #run} is timed whole: whatever {@code run} does (generating its input, checking its result) is in
 * the time. A workload that must build an input first (an array to sort, matrices to multiply) overrides
 * {@link #prepare}: it builds the input there, before the clock starts, and returns a {@link PreparedTask}
 * whose {@link PreparedTask#run} is the only timed part and whose {@link PreparedTask#check} verifies the
 * result after the clock stopped (JMH's {@code @Setup(Level.Invocation)} / benchmark / {@code @TearDown}).
 *
 * <p><b>What to return, and why.</b> Return a {@link TaskOutput} whose checksum is derived from all of the
 * work (a sum, a hash, an element of the result that depends on every step). The JIT removes computations
 * whose results are never used (dead-code elimination); a result that flows into the returned checksum is
 * used, and the harness folds every checksum into the task's record, so the work cannot be optimised away.
 * Equal inputs must give equal checksums: corescope compares them across workers to catch a wrong result.
 *
 * <p><b>Parameters and construction.</b> corescope creates one instance per worker (thread or worker JVM)
 * by reflection: with a public constructor taking {@code Map<String,String>}, which receives every
 * {@code --param key=value} of the command line; else with a public no-argument constructor, and then
 * {@code --param} is refused (never silently dropped). Instances may be used for many tasks in a row, so
 * keep no state between calls that changes results (caches that do not change results are fine).
 */
public interface Workload {

    /**
     * The workload's short name, as printed in tables and charts (e.g. {@code my-sort}).
     *
     * @return a short, stable, human-readable name
     */
    String name();

    /**
     * Runs one task, timed whole (unless {@link #prepare} is overridden, in which case only what
     * {@link #prepare} returns is timed and this method may serve as the simple untimed reference).
     *
     * @param input the task's problem size ({@link TaskInput#size()}, 0 for size-less workloads) and seed
     *              ({@link TaskInput#seed()}: derive all randomness from it, so the same input gives the same
     *              checksum in any worker)
     * @return a checksum derived from all the work done (see the class comment: dead-code elimination)
     */
    TaskOutput run(TaskInput input);

    /**
     * Builds one task's input, untimed, and returns the task whose {@link PreparedTask#run} is timed.
     * Default: a task whose timed part is the whole {@link #run(TaskInput)}.
     *
     * @param input the task's size and seed, as for {@link #run(TaskInput)}
     * @return the prepared task; its {@code run} does the timed work only
     */
    default PreparedTask prepare(TaskInput input) {
        return () -> run(input);
    }
}
