package dev.corescope.experiment.jmh;

/**
 * One JMH host JVM: one fork of one benchmark (with the benchmark's warm-up forks before its first), on
 * {@link #cores} pinned CPUs. A {@link Kind#CONTROL} runs alone, as a one-worker reference, and is not reported in
 * the benchmark's result; a {@link Kind#RERUN} replaces the fork of the same number measured on a level that failed
 * its certification.
 *
 * @param fork    the fork's number within its benchmark (controls are numbered after the measured forks)
 * @param cores   the CPUs it needs: the benchmark's threads, at most the CPUs there are
 * @param seconds its planned time ({@link BenchmarkPlan#jobSeconds}), for longest-first and the timeout
 */
public record JmhJob(String id, BenchmarkPlan plan, int fork, Kind kind, int warmupForks, int cores, double seconds) {
    public enum Kind { MEASURED, CONTROL, RERUN }

    /** Whether its fork counts in the benchmark's result (controls do not: they only prove it). */
    public boolean reported() {
        return kind != Kind.CONTROL;
    }

    /** The same fork again, as a rerun with id {@code newId}. */
    public JmhJob rerun(String newId) {
        return new JmhJob(newId, plan, fork, Kind.RERUN, warmupForks, cores, seconds);
    }
}
