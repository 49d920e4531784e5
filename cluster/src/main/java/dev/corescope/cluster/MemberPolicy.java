package dev.corescope.cluster;

import dev.corescope.workload.CommandWorkload;
import dev.corescope.workload.UserClassWorkload;
import dev.corescope.api.Workload;
import dev.corescope.workload.WorkloadSpec;
import dev.corescope.workload.Workloads;
import dev.corescope.workload.algo.TransferWorkload;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a member agrees to run. By default only corescope's built-in workloads (spin, empty, the
 * algorithms, transfer). {@code --cmd} tasks (a shell command) only with {@code --allow-cmd};
 * {@code --class} tasks only with {@code --allow-class PATH...}, and then only classes defined in those
 * jars or directories: the member loads them from its own paths (the coordinator's {@code --classpath}
 * is not used), and a class that resolves from corescope's own classpath instead (such as
 * {@code CommandWorkload} smuggled in as a "user class") is refused. Checked before any class is
 * initialised.
 */
public final class MemberPolicy {
    /** How a task's workload is classified. */
    public enum Kind { BUILT_IN, CMD, CLASS }

    /** Corescope's own workload classes that count as built-ins (named by class, not by a short name). */
    static final Set<String> BUILT_IN_CLASSES = Set.of(TransferWorkload.class.getName());

    /** The spec to run (the member's own rewrite for classes), or why not. */
    public record Decision(WorkloadSpec spec, Kind kind, String refusal) {
        public boolean allowed() {
            return refusal == null;
        }
    }

    private final boolean allowCmd;
    private final List<Path> classPaths;
    private URLClassLoader loader;

    public MemberPolicy(boolean allowCmd, List<Path> classPaths) {
        this.allowCmd = allowCmd;
        this.classPaths = classPaths.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /** Built-ins only. */
    public static MemberPolicy builtInsOnly() {
        return new MemberPolicy(false, List.of());
    }

    public boolean allowCmd() {
        return allowCmd;
    }

    public boolean allowClass() {
        return !classPaths.isEmpty();
    }

    public List<Path> classPaths() {
        return classPaths;
    }

    public static Kind kind(WorkloadSpec spec) {
        if (Workloads.isBuiltIn(spec.name()) || BUILT_IN_CLASSES.contains(spec.name())) {
            return Kind.BUILT_IN;
        }
        return CommandWorkload.class.getName().equals(spec.name()) ? Kind.CMD : Kind.CLASS;
    }

    /** The short name of a kind, as the user types it. */
    public static String label(Kind kind) {
        return switch (kind) {
            case BUILT_IN -> "built-in";
            case CMD -> "--cmd";
            case CLASS -> "--class";
        };
    }

    /**
     * Why a member with this card would refuse {@code spec}, or null: lets a coordinator say so before it
     * sends anything (the member checks again, with its own policy, whatever the coordinator thinks).
     */
    public static String refusalByCard(MemberCard card, WorkloadSpec spec) {
        return switch (kind(spec)) {
            case BUILT_IN -> null;
            case CMD -> card.allowCmd() ? null : CMD_REFUSAL;
            case CLASS -> card.allowClass() ? null : CLASS_REFUSAL;
        };
    }

    static final String CMD_REFUSAL = "shell commands are not allowed on this member (start it with 'member --allow-cmd')";
    static final String CLASS_REFUSAL = "workload classes are not allowed on this member (start it with "
            + "'member --allow-class JAR')";

    public Decision decide(WorkloadSpec spec) {
        Kind kind = kind(spec);
        switch (kind) {
            case BUILT_IN:
                return new Decision(spec, kind, null);
            case CMD:
                return allowCmd ? new Decision(spec, kind, null) : new Decision(null, kind, CMD_REFUSAL);
            default:
                return decideClass(spec);
        }
    }

    private Decision decideClass(WorkloadSpec spec) {
        if (classPaths.isEmpty()) {
            return new Decision(null, Kind.CLASS, CLASS_REFUSAL + ": " + spec.name());
        }
        String className;
        Map<String, String> params = new TreeMap<>(spec.params());
        if (UserClassWorkload.class.getName().equals(spec.name())) {
            className = params.remove(UserClassWorkload.CLASS);
            params.remove(UserClassWorkload.CLASSPATH);
            if (className == null) {
                return new Decision(null, Kind.CLASS, "a class task without a class name");
            }
        } else {
            className = spec.name();
        }
        ClassLoader allowed = loader();
        Class<?> type;
        try {
            type = Class.forName(className, false, allowed);
        } catch (ClassNotFoundException | LinkageError e) {
            return new Decision(null, Kind.CLASS, "class " + className + " is not in this member's allowed jars ("
                    + String.join(File.pathSeparator, classPaths.stream().map(Path::toString).toList()) + ")");
        }
        if (type.getClassLoader() != allowed) {
            return new Decision(null, Kind.CLASS, "class " + className + " is not from this member's allowed jars "
                    + "(it resolves from corescope's own classpath)");
        }
        if (!Workload.class.isAssignableFrom(type)) {
            return new Decision(null, Kind.CLASS, className + " does not implement " + Workload.class.getName());
        }
        String cp = String.join(File.pathSeparator, classPaths.stream().map(Path::toString).toList());
        return new Decision(UserClassWorkload.spec(className, cp, params), Kind.CLASS, null);
    }

    private synchronized ClassLoader loader() {
        if (loader == null) {
            List<URL> urls = new ArrayList<>();
            for (Path p : classPaths) {
                try {
                    urls.add(p.toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new IllegalArgumentException("bad --allow-class path " + p + ": " + e.getMessage());
                }
            }
            loader = new URLClassLoader("corescope-allowed", urls.toArray(URL[]::new), MemberPolicy.class.getClassLoader());
        }
        return loader;
    }
}
