package dev.corescope.experiment.jmh;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of a jar's {@code META-INF/BenchmarkList}: a benchmark method (or {@code @Group}) in one mode, with
 * what its annotations set (null: not set, JMH's default or the command line's option applies).
 *
 * @param userClass    the benchmark class, e.g. {@code org.sample.MyBenchmark}
 * @param method       the method, or the group's name
 * @param threadGroups {@code @GroupThreads} per method of a group; {@code [1]} for a plain benchmark
 * @param params       {@code @Param} values by name, in declaration order of the values (null: no parameters)
 * @param forkJvmArgs  every JVM option of {@code @Fork} ({@code jvmArgs}, {@code jvmArgsPrepend}, {@code jvmArgsAppend})
 */
public record BenchmarkEntry(String userClass, String method, JmhMode mode, Integer threads, List<Integer> threadGroups,
                             Integer warmupIterations, JmhTime warmupTime, Integer warmupBatchSize,
                             Integer measurementIterations, JmhTime measurementTime, Integer measurementBatchSize,
                             Integer forks, Integer warmupForks, List<String> jvmArgs, Map<String, List<String>> params,
                             String timeUnit, JmhTime timeout, List<String> forkJvmArgs) {
    public BenchmarkEntry {
        forkJvmArgs = forkJvmArgs == null ? List.of() : List.copyOf(forkJvmArgs);
        threadGroups = List.copyOf(threadGroups);
        jvmArgs = jvmArgs == null ? null : List.copyOf(jvmArgs);
        if (params != null) {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            params.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            params = java.util.Collections.unmodifiableMap(copy);
        }
    }

    /** The name JMH matches the include and exclude patterns against: {@code class.method}. */
    public String name() {
        return userClass + "." + method;
    }

    /** The same benchmark in another mode (JMH's {@code -bm}, and {@code Mode.All} expanded). */
    public BenchmarkEntry withMode(JmhMode m) {
        return new BenchmarkEntry(userClass, method, m, threads, threadGroups, warmupIterations, warmupTime,
                warmupBatchSize, measurementIterations, measurementTime, measurementBatchSize, forks, warmupForks,
                jvmArgs, params, timeUnit, timeout, forkJvmArgs);
    }
}
