package dev.corescope.workload;

import dev.corescope.workload.algo.Algorithms;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Adapter that makes the algorithm workloads ({@code sort-*}, {@code matmul-*}) reachable through
 * {@link Workloads#create}, in this JVM and in worker JVMs alike: its spec is this class's name with
 * {@code algorithm=<name>} plus the algorithm's own parameters. ({@link Workloads} registers only
 * {@code spin} and {@code empty} by name.)
 */
public final class AlgorithmWorkload implements Workload {
    public static final String PARAM = "algorithm";
    private static final Map<String, Function<Map<String, String>, Workload>> FACTORIES = new TreeMap<>();

    static {
        Algorithms.registerAll(FACTORIES::put);
    }

    private final Workload delegate;

    public AlgorithmWorkload(Map<String, String> params) {
        String name = params.get(PARAM);
        Function<Map<String, String>, Workload> f = name == null ? null : FACTORIES.get(name);
        if (f == null) {
            throw new IllegalArgumentException(unknown(name));
        }
        Map<String, String> rest = new TreeMap<>(params);
        rest.remove(PARAM);
        delegate = f.apply(rest);
    }

    /** Known algorithm names, in registration order. */
    public static List<String> known() {
        return Algorithms.names();
    }

    public static boolean isKnown(String name) {
        return FACTORIES.containsKey(name);
    }

    public static String unknown(String name) {
        return "unknown algorithm '" + name + "' (known: " + String.join(", ", known()) + ")";
    }

    /** The spec that runs {@code algorithm} with {@code params} (values without spaces). */
    public static WorkloadSpec spec(String algorithm, Map<String, String> params) {
        Map<String, String> p = new TreeMap<>(params);
        p.put(PARAM, algorithm);
        return new WorkloadSpec(AlgorithmWorkload.class.getName(), p);
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public TaskOutput run(TaskInput input) {
        return delegate.run(input);
    }
}
