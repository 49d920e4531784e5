package dev.corescope.experiment.jmh;

import java.util.List;
import java.util.Map;

/**
 * What {@code corescope jmh} ran and measured, as {@code summary.json} keeps it (the {@code jmh} field of
 * {@link dev.corescope.experiment.JmhResult}): the setup, each benchmark's result with its forks, the
 * certification, the timing, and what failed.
 */
public record JmhRun(Setup setup, List<Benchmark> benchmarks, Certification certification, Timing timing,
                     List<Failure> failures, List<String> notRun) {
    public JmhRun {
        benchmarks = List.copyOf(benchmarks);
        failures = List.copyOf(failures);
        notRun = List.copyOf(notRun);
    }

    /**
     * @param source        the jar, or {@code --classpath ...}
     * @param jmhVersion    the jar's JMH (null: unknown)
     * @param jmhOptions    JMH's options as given after {@code --}
     * @param workers       the level the run started at, and where it came from
     * @param finalWorkers  the level it ended at (lower after a step-down)
     * @param cpus          the CPUs in pin order (empty: not pinned)
     * @param pinning       how jobs were pinned, in words
     * @param controlShare  the controls' share of the planned time
     */
    public record Setup(String source, String jmhVersion, List<String> jmhOptions, int workers, String workersSource,
                        int finalWorkers, List<Integer> cpus, String pinning, double controlShare) {
        public Setup {
            jmhOptions = List.copyOf(jmhOptions);
            cpus = List.copyOf(cpus);
        }
    }

    /**
     * One of JMH's results: a benchmark in one mode with one set of parameters, from its reported forks.
     *
     * @param score      the mean of every reported iteration (of every sample in {@code sample} mode), as JMH's
     * @param scoreError the half-width of JMH's 99.9% interval (NaN with fewer than 3 samples, as in JMH)
     * @param certified  {@code yes} (measured at a certified level), {@code solo} (measured alone),
     *                   {@code solo (rerun)}, {@code rerun at N, yes}..., {@code no}, {@code unsettled},
     *                   {@code not verified} or {@code failed}
     */
    public record Benchmark(String benchmark, String mode, Map<String, String> params, int threads, String unit,
                            int forksPlanned, List<Fork> forks, double score, double scoreError, long samples,
                            String certified, String error) {
        public Benchmark {
            params = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(params));
            forks = List.copyOf(forks);
        }

        public boolean failed() {
            return error != null;
        }
    }

    /**
     * One fork: the job that ran it, alone or beside others, where and when, and its iteration scores.
     *
     * @param kind     {@code measured}, {@code control} or {@code rerun}
     * @param workers  the level when it started
     * @param sides    each measured iteration's side: {@code alone}, {@code level} (beside others filling the level)
     *                 or {@code partial} (empty: its JMH did not say when its iterations ended)
     */
    public record Fork(String job, int fork, String kind, int workers, List<Integer> cpus, int othersMin, int othersMax,
                       double startSeconds, double seconds, List<Double> iterations, List<String> sides) {
        public Fork {
            cpus = List.copyOf(cpus);
            iterations = List.copyOf(iterations);
            sides = List.copyOf(sides);
        }
    }

    /**
     * @param test       what test certified
     * @param controls   the jobs that ran as controls
     * @param levels     each level judged: its last verdict
     * @param steps      step-downs and extensions
     */
    public record Certification(String test, List<String> controls, List<Level> levels, List<String> steps) {
        public Certification {
            controls = List.copyOf(controls);
            levels = List.copyOf(levels);
            steps = List.copyOf(steps);
        }
    }

    /**
     * A level's verdict: the equivalence test's three statistics (null when it could not run: too few forks with
     * iterations on both sides), each with its interval, margin and A/A band.
     *
     * @param blocks the jobs whose forks were the test's blocks
     */
    public record Level(int workers, String verdict, String reason, List<String> blocks,
                        dev.corescope.analysis.Equivalence.Statistic location,
                        dev.corescope.analysis.Equivalence.Statistic spread,
                        dev.corescope.analysis.Equivalence.Statistic tail) {
        public Level {
            blocks = List.copyOf(blocks);
        }
    }

    /**
     * @param wallSeconds     the suite, end to end
     * @param forkSeconds     the reported forks' times summed: the suite one fork at a time, as measured here
     * @param controlSeconds  the time the controls ran alone, summed (their starts to the end of their last alone
     *                        iteration: while the level's other CPUs waited)
     * @param rerunSeconds    the reruns' times summed
     */
    public record Timing(double wallSeconds, double forkSeconds, double controlSeconds, double rerunSeconds, int jobs,
                         int controls, int reruns) {
        /** The suite's wall time over its forks' summed time (below 1: time saved). */
        public double ratio() {
            return forkSeconds > 0 ? wallSeconds / forkSeconds : Double.NaN;
        }
    }

    /** A job that ended without a result: which benchmark, how ({@code failed}, {@code timeout}, {@code crashed}), why. */
    public record Failure(String job, String benchmark, String status, String reason, String log) {
    }
}
