package dev.corescope.experiment.jmh;

/**
 * One JMH host JVM: one fork of one benchmark (with the benchmark's warm-up forks before its first), on
 * {@link #cores} pinned CPUs. Every job's fork is reported in its benchmark's result. A {@link Kind#CONTROL} is a
 * fork that also proves the level: it starts with nothing else running, and the level's other CPUs stay idle until
 * it has measured its first {@link #aloneIterations()} iterations alone; then the run fills them again, and its
 * later iterations run beside others (see {@link JmhCertification}). A {@link Kind#RERUN} replaces the fork of the
 * same number measured on a level that failed its certification.
 *
 * @param fork    the fork's number within its benchmark
 * @param cores   the CPUs it needs: the benchmark's threads, at most the CPUs there are
 * @param seconds its planned time ({@link BenchmarkPlan#jobSeconds}), for longest-first and the timeout
 */
public record JmhJob(String id, BenchmarkPlan plan, int fork, Kind kind, int warmupForks, int cores, double seconds) {
    public enum Kind { MEASURED, CONTROL, RERUN }

    /** The same fork again, as a rerun with id {@code newId}. */
    public JmhJob rerun(String newId) {
        return new JmhJob(newId, plan, fork, Kind.RERUN, warmupForks, cores, seconds);
    }

    /** The same job, as a control ({@code true}) or not. */
    public JmhJob asControl(boolean control) {
        return new JmhJob(id, plan, fork, control ? Kind.CONTROL : Kind.MEASURED, warmupForks, cores, seconds);
    }

    /**
     * A control's measured iterations that run alone before the level fills again: half of them, at least one (the
     * other half runs beside others, less the iterations during which the neighbours' JVMs start).
     */
    public int aloneIterations() {
        return Math.max(1, plan.iterations() / 2);
    }
}
