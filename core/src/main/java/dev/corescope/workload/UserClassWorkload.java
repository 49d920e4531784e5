package dev.corescope.workload;

import dev.corescope.api.PreparedTask;
import dev.corescope.api.TaskOutput;
import dev.corescope.api.TaskInput;
import dev.corescope.api.Workload;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The user's own {@link Workload} class from a jar or directory (the {@code --class}/{@code --classpath}
 * of {@code assess}), loaded with a {@link URLClassLoader} whose parent is corescope's loader, so the
 * class sees the SPI. The classpath travels in the spec, so a worker JVM loads the same class the same
 * way: the user's jar reaches every worker without changing the worker's command line. One loader per
 * classpath per JVM, shared by all thread workers.
 *
 * <p>Spec: this class's name with {@code class=<name>}, {@code cp=<base64url of the classpath>}
 * (entries separated by {@link File#pathSeparator}) and the user class's own parameters ({@code --param}), which
 * reach its {@code Map<String,String>} constructor; a class without one is refused when it is given any, so a
 * parameter is never silently dropped.
 */
public final class UserClassWorkload implements Workload {
    public static final String CLASS = "class";
    public static final String CLASSPATH = "cp";
    private static final Map<String, ClassLoader> LOADERS = new ConcurrentHashMap<>();

    private final Workload delegate;

    public UserClassWorkload(Map<String, String> params) {
        String type = params.get(CLASS);
        if (type == null) {
            throw new IllegalArgumentException("UserClassWorkload needs a class parameter");
        }
        String cp = params.containsKey(CLASSPATH) ? SpecText.decode(params.get(CLASSPATH)) : "";
        Map<String, String> rest = new TreeMap<>(params);
        rest.remove(CLASS);
        rest.remove(CLASSPATH);
        delegate = Workloads.fromClass(new WorkloadSpec(type, rest), loader(cp));
        if (!rest.isEmpty() && !takesParams(delegate.getClass())) {
            String given = String.join(" ", rest.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
            throw new IllegalArgumentException("--param " + given + " cannot reach " + type + ": it has no public "
                    + "constructor taking Map<String,String> (add one to read its parameters, or drop --param)");
        }
    }

    /** Whether {@code type} is created with its parameters (a public {@code Map<String,String>} constructor). */
    private static boolean takesParams(Class<?> type) {
        try {
            type.getConstructor(Map.class);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    public static WorkloadSpec spec(String className, String classpath, Map<String, String> params) {
        Map<String, String> p = new TreeMap<>(params);
        p.put(CLASS, className);
        if (classpath != null && !classpath.isEmpty()) {
            p.put(CLASSPATH, SpecText.encode(classpath));
        }
        return new WorkloadSpec(UserClassWorkload.class.getName(), p);
    }

    /**
     * Loads and instantiates the class once, to fail early with a one-line reason.
     *
     * @throws IllegalArgumentException when an entry is missing, the class is not found, is not a workload
     *                                  or cannot be created
     */
    public static Workload check(String className, String classpath, Map<String, String> params) {
        checkClasspath(classpath);
        return new UserClassWorkload(spec(className, classpath, params).params());
    }

    /** @throws IllegalArgumentException when an entry of {@code classpath} (null: none) does not exist */
    public static void checkClasspath(String classpath) {
        if (classpath != null) {
            for (String entry : classpath.split(File.pathSeparator)) {
                if (!entry.isEmpty() && !Files.exists(Path.of(entry))) {
                    throw new IllegalArgumentException("classpath entry not found: " + entry);
                }
            }
        }
    }

    static ClassLoader loader(String classpath) {
        ClassLoader parent = UserClassWorkload.class.getClassLoader();
        if (classpath == null || classpath.isEmpty()) {
            return parent;
        }
        return LOADERS.computeIfAbsent(classpath, cp -> {
            List<URL> urls = new ArrayList<>();
            for (String entry : cp.split(File.pathSeparator)) {
                if (entry.isEmpty()) {
                    continue;
                }
                try {
                    urls.add(Path.of(entry).toAbsolutePath().toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new IllegalArgumentException("bad classpath entry " + entry + ": " + e.getMessage());
                }
            }
            return new URLClassLoader("corescope-user", urls.toArray(URL[]::new), parent);
        });
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public TaskOutput run(TaskInput input) {
        return delegate.run(input);
    }

    @Override
    public PreparedTask prepare(TaskInput input) {
        return delegate.prepare(input);
    }
}
