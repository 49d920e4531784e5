package dev.corescope.experiment.jmh;

import java.util.List;
import java.util.Map;

/**
 * JMH's command-line options as corescope reads them ({@link JmhOptionParser}): what the plan needs (null where
 * the option was not given, so the benchmark's annotation or JMH's default applies, as in JMH's {@code Runner}),
 * and the options every job passes on to JMH as typed ({@link #passThrough}).
 *
 * @param includes    benchmark patterns (JMH: {@code find()} on {@code class.method}); empty = all
 * @param threads     {@code -t}: -1 for {@code max}
 * @param passThrough options each job's JMH gets verbatim ({@code -i}, {@code -r}, {@code -jvmArgs}, {@code -prof}...)
 * @param jvmArgsGiven whether {@code -jvmArgs} was given (else the forks get the annotation's or none, never the
 *                    host JVM's own options, as with {@code java -jar benchmarks.jar})
 * @param resultFile  {@code -rff}, or {@code jmh-result.json} with {@code -rf json} alone; null: the run directory only
 * @param listing     {@code -l}, {@code -lp}, {@code -lprof}, {@code -lrf} or {@code -h}: JMH answers it itself; else null
 */
public record JmhOptions(List<String> includes, List<String> excludes, Integer forks, Integer warmupForks,
                         Integer warmupIterations, JmhTime warmupTime, Integer iterations, JmhTime measurementTime,
                         Integer threads, List<Integer> threadGroups, List<JmhMode> modes,
                         Map<String, List<String>> params, boolean failOnError, JmhTime timeout,
                         boolean jvmArgsGiven, List<String> passThrough, String resultFile, String listing) {
    public static final JmhOptions NONE = JmhOptionParser.parse(List.of());

    public JmhOptions {
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        threadGroups = threadGroups == null ? null : List.copyOf(threadGroups);
        modes = List.copyOf(modes);
        params = Map.copyOf(params);
        passThrough = List.copyOf(passThrough);
    }

    /** The same options with more benchmark patterns (those given before {@code --}). */
    public JmhOptions withIncludes(List<String> more) {
        List<String> all = new java.util.ArrayList<>(more);
        all.addAll(includes);
        return new JmhOptions(all, excludes, forks, warmupForks, warmupIterations, warmupTime, iterations,
                measurementTime, threads, threadGroups, modes, params, failOnError, timeout, jvmArgsGiven, passThrough,
                resultFile, listing);
    }
}
