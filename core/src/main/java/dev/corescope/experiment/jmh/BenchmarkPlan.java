package dev.corescope.experiment.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What JMH would run for one benchmark in one mode with one set of {@code @Param} values (JMH's
 * {@code BenchmarkParams}): the settings resolved as JMH's {@code Runner} resolves them (the command line's
 * option, else the annotation, else JMH's default), and what each of its forks costs, as planned.
 *
 * @param index        its place in JMH's order (mode, name, parameter values in declaration order)
 * @param params       the parameter values, by name (sorted, as JMH writes them)
 * @param passedParams the {@code -p name=value} a job passes to select exactly these values (a single value
 *                     JMH would take from the annotation anyway is not passed, so a comma in it is no problem)
 * @param threads      JMH's threads ({@code -t}, {@code @Threads}, rounded up to the {@code @Group}'s size)
 * @param forks        measured forks ({@code 0}: JMH runs it in its own JVM, one job)
 * @param forkSeconds  the planned time of one fork: JVM starts, warm-up and measurement iterations
 * @param noHostArgs   neither {@code -jvmArgs} nor {@code @Fork(jvmArgs)} is given: JMH would hand the forks its
 *                     host JVM's own options, none with {@code java -jar benchmarks.jar}, so a job says so
 *                     ({@code -jvmArgs " "}) rather than pass on the options of the host corescope starts
 * @param gcChosen     the forks' options name a garbage collector ({@code -XX:+Use...GC})
 */
public record BenchmarkPlan(int index, String benchmark, JmhMode mode, Map<String, String> params,
                            List<String> passedParams, int threads, int forks, int warmupForks, int warmupIterations,
                            JmhTime warmupTime, int iterations, JmhTime measurementTime, double forkSeconds,
                            boolean noHostArgs, boolean gcChosen) {
    /** A host JVM and its forked JVM starting, and JMH's own work around the iterations (measured: ~1.3 s). */
    public static final double START_SECONDS = 1.5;
    /** Of which the host JVM's start, paid once per job however many forks it runs (measured: ~0.6 s). */
    public static final double HOST_SECONDS = 0.6;
    /** A single-shot iteration's length is unknown before it runs: this much is planned for each. */
    public static final double SINGLE_SHOT_SECONDS = 1.0;

    /** A JVM option that chooses the garbage collector. */
    public static final java.util.regex.Pattern GC_OPTION = java.util.regex.Pattern.compile("-XX:\\+Use\\w*GC\\b");

    public BenchmarkPlan {
        params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
        passedParams = List.copyOf(passedParams);
    }

    /** {@code name|mode|k=v,...}: one benchmark result of JMH's. */
    public String key() {
        return key(benchmark, mode.label(), params);
    }

    /** The key of a benchmark result, e.g. of a JMH result file's entry. */
    public static String key(String benchmark, String modeLabel, Map<String, String> params) {
        StringBuilder sb = new StringBuilder(benchmark).append('|').append(modeLabel).append('|');
        boolean first = true;
        for (var e : new TreeMap<>(params).entrySet()) {
            sb.append(first ? "" : ",").append(e.getKey()).append('=').append(e.getValue());
            first = false;
        }
        return sb.toString();
    }

    /** e.g. {@code MyBenchmark.sort (size=1000) avgt}, for messages. */
    public String label() {
        String shortName = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
        return shortName + (params.isEmpty() ? "" : " " + params.toString().replace('{', '(').replace('}', ')'))
                + " " + mode.label();
    }

    /** The planned seconds of one fork with {@code warmupForksBefore} warm-up forks before it in the same host. */
    public double jobSeconds(int warmupForksBefore) {
        return forkSeconds + warmupForksBefore * (forkSeconds - HOST_SECONDS);
    }

    /** The time of one fork as planned, from its iterations. */
    static double forkSeconds(JmhMode mode, int wi, JmhTime w, int i, JmhTime r) {
        double iterations = mode.timed()
                ? wi * w.seconds() + i * r.seconds()
                : (wi + i) * SINGLE_SHOT_SECONDS;
        return START_SECONDS + iterations;
    }

    /**
     * The JMH arguments that make a job's JMH run exactly this benchmark, in its mode, with its parameters,
     * {@code warmupForks} warm-up forks and one measured fork (none when {@link #forks} is 0).
     */
    public List<String> jobArguments(int jobWarmupForks) {
        List<String> args = new ArrayList<>();
        args.add("^\\Q" + benchmark + "\\E$");
        args.add("-bm");
        args.add(mode.label());
        for (String p : passedParams) {
            args.add("-p");
            args.add(p);
        }
        args.add("-f");
        args.add(forks == 0 ? "0" : "1");
        args.add("-wf");
        args.add(Integer.toString(jobWarmupForks));
        if (noHostArgs) {
            args.add("-jvmArgs");
            args.add(" ");
        }
        return args;
    }
}
