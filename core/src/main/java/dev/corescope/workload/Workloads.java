package dev.corescope.workload;

import dev.corescope.api.Workload;

import java.lang.reflect.Constructor;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns a {@link WorkloadSpec} into a {@link Workload}: built-ins by name, anything else as a class
 * name on the classpath that implements {@link Workload}.
 */
public final class Workloads {
    /** Filled once, when the class loads, then read only. */
    private static final java.util.SortedMap<String, Function<Map<String, String>, Workload>> BUILT_INS;
    private static final java.util.SortedMap<String, BuiltIn> DECLARED;

    static {
        TreeMap<String, Function<Map<String, String>, Workload>> builtIns = new TreeMap<>();
        TreeMap<String, BuiltIn> declared = new TreeMap<>();
        builtIns.put(SpinWorkload.NAME, SpinWorkload::new);
        builtIns.put(EmptyWorkload.NAME, p -> new EmptyWorkload());
        dev.corescope.workload.algo.Algorithms.registerAll(builtIns::put);
        declared.put(SpinWorkload.NAME, SpinWorkload.INFO);
        declared.put(EmptyWorkload.NAME, EmptyWorkload.INFO);
        dev.corescope.workload.algo.Algorithms.builtIns().forEach(b -> declared.put(b.name(), b));
        if (!declared.keySet().equals(builtIns.keySet())) {
            throw new IllegalStateException("every built-in workload must declare its parameters: " + builtIns.keySet()
                    + " vs " + declared.keySet());
        }
        BUILT_INS = java.util.Collections.unmodifiableSortedMap(builtIns);
        DECLARED = java.util.Collections.unmodifiableSortedMap(declared);
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

    /**
     * Loads, initialises and creates the workload class {@code spec.name()} from {@code loader}.
     *
     * @throws IllegalArgumentException with a one-line reason that names the real cause: not found, compiled for a
     *                                  newer Java, a static initializer that threw, a class it needs that is missing,
     *                                  not a workload, a constructor that threw
     */
    public static Workload fromClass(WorkloadSpec spec, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(spec.name(), true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("workload class not found: " + spec.name());
        } catch (LinkageError e) {
            throw new IllegalArgumentException(loadFailure(spec.name(), e));
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
            if (cause instanceof IllegalArgumentException own && type.getPackageName().equals(Workloads.class.getPackageName())) {
                throw own; // corescope's own wrappers (a user class, a command) say what went wrong themselves
            }
            String why = e instanceof NoSuchMethodException ? "it has no public constructor taking Map<String,String> "
                    + "and no public no-argument constructor"
                    : e instanceof java.lang.reflect.InvocationTargetException ? "its constructor threw " + describe(cause)
                    : describe(cause);
            throw new IllegalArgumentException("cannot create workload " + spec.name() + ": " + why);
        }
    }

    /** Why a class that was found could not be loaded, in words: the JVM's error names the cause, not "not found". */
    static String loadFailure(String name, LinkageError e) {
        if (e instanceof UnsupportedClassVersionError) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("class file version (\\d+)")
                    .matcher(String.valueOf(e.getMessage()));
            String built = m.find() ? " (class file version " + m.group(1) + ", Java "
                    + (Integer.parseInt(m.group(1)) - 44) + ")" : "";
            return "workload class " + name + " was compiled for a newer Java" + built + " than this JVM runs (Java "
                    + Runtime.version().feature() + "): recompile it with --release " + Runtime.version().feature();
        }
        if (e instanceof ExceptionInInitializerError x) {
            Throwable cause = x.getCause() != null ? x.getCause() : x;
            return "workload class " + name + " failed in its static initializer: " + describe(cause);
        }
        if (e instanceof NoClassDefFoundError && String.valueOf(e.getMessage()).startsWith("Could not initialize")) {
            return "workload class " + name + " cannot be used: its static initializer failed earlier in this JVM ("
                    + e.getMessage() + ")";
        }
        if (e instanceof NoClassDefFoundError) {
            return "workload class " + name + " needs a class that is not on its classpath: " + e.getMessage()
                    + " (add its jar to --classpath)";
        }
        return "workload class " + name + " cannot be loaded: " + describe(e);
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m.lines().findFirst().orElse(""));
    }
}
