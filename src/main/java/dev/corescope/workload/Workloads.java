package dev.corescope.workload;

import java.lang.reflect.Constructor;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns a {@link WorkloadSpec} into a {@link Workload}: built-ins by name, anything else as a class
 * name on the classpath that implements {@link Workload}.
 */
public final class Workloads {
    private static final Map<String, Function<Map<String, String>, Workload>> BUILT_INS = new TreeMap<>();
    private static final Map<String, BuiltIn> DECLARED = new TreeMap<>();

    static {
        BUILT_INS.put(SpinWorkload.NAME, SpinWorkload::new);
        BUILT_INS.put(EmptyWorkload.NAME, p -> new EmptyWorkload());
        dev.corescope.workload.algo.Algorithms.registerAll(BUILT_INS::put);
        DECLARED.put(SpinWorkload.NAME, SpinWorkload.INFO);
        DECLARED.put(EmptyWorkload.NAME, EmptyWorkload.INFO);
        dev.corescope.workload.algo.Algorithms.builtIns().forEach(b -> DECLARED.put(b.name(), b));
        if (!DECLARED.keySet().equals(BUILT_INS.keySet())) {
            throw new IllegalStateException("every built-in workload must declare its parameters: " + BUILT_INS.keySet()
                    + " vs " + DECLARED.keySet());
        }
    }

    private Workloads() {
    }

    /** Names of the built-in workloads, sorted. */
    public static java.util.Set<String> builtIns() {
        return java.util.Collections.unmodifiableSet(BUILT_INS.keySet());
    }

    public static boolean isBuiltIn(String name) {
        return BUILT_INS.containsKey(name);
    }

    /** What a built-in declares (parameters, largest size, heap per task); empty for other names. */
    public static java.util.Optional<BuiltIn> builtIn(String name) {
        return java.util.Optional.ofNullable(DECLARED.get(name));
    }

    /**
     * Creates the workload.
     *
     * @throws IllegalArgumentException with a one-line reason when the name is unknown, the class is not
     *                                  found or is not a workload, or a
     *                                  built-in is given a parameter it does not declare
     */
    public static Workload create(WorkloadSpec spec) {
        Function<Map<String, String>, Workload> factory = BUILT_INS.get(spec.name());
        if (factory != null) {
            DECLARED.get(spec.name()).checkParameters(spec.params());
            return factory.apply(spec.params());
        }
        if (!spec.name().contains(".")) {
            throw new IllegalArgumentException("unknown workload '" + spec.name() + "' (known: "
                    + String.join(", ", BUILT_INS.keySet()) + ", or a class name)");
        }
        return fromClass(spec, Thread.currentThread().getContextClassLoader());
    }

    public static Workload fromClass(WorkloadSpec spec, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(spec.name(), true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("workload class not found: " + spec.name());
        }
        if (!Workload.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(spec.name() + " does not implement " + Workload.class.getName());
        }
        try {
            try {
                Constructor<?> c = type.getConstructor(Map.class);
                return (Workload) c.newInstance(spec.params());
            } catch (NoSuchMethodException e) {
                return (Workload) type.getConstructor().newInstance();
            }
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException("cannot create workload " + spec.name() + ": " + cause);
        }
    }
}
