package dev.corescope;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The flow plan → execute → records → analysis → report, read from the sources: every package uses
 * only the packages below it. {@code workload} ← {@code exec} ← {@code experiment} ← {@code report} ←
 * the API ({@code dev.corescope}) ← {@code cli}; {@code machine}, {@code analysis} and {@code store} sit
 * below {@code experiment}; {@code cluster} is a worker pool (exec, store, analysis), used by the CLI;
 * {@code sim} is a simulated machine behind exec's machine seam, chosen by the API and the CLI.
 * Sub-packages ({@code exec.pin}, {@code workload.algo}, {@code report.html}) belong to their package.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/dev/corescope");
    /** What each package may use (besides itself). */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("workload", Set.of()),
            Map.entry("machine", Set.of()),
            Map.entry("exec", Set.of("workload", "machine")),
            Map.entry("analysis", Set.of("workload", "machine", "exec")),
            Map.entry("store", Set.of("workload", "machine", "exec")),
            Map.entry("experiment", Set.of("workload", "machine", "exec", "analysis", "store")),
            Map.entry("cluster", Set.of("workload", "machine", "exec", "analysis", "store")),
            Map.entry("sim", Set.of("workload", "machine", "exec", "analysis")),
            Map.entry("report", Set.of("workload", "machine", "exec", "analysis", "store", "experiment")),
            Map.entry("(api)", Set.of("workload", "machine", "exec", "analysis", "store", "experiment", "report", "sim")),
            Map.entry("cli", Set.of("workload", "machine", "exec", "analysis", "store", "experiment", "report", "(api)",
                    "cluster", "sim")));
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.corescope\\.(?:([a-z]+)\\b|[A-Z])");

    @Test
    void everyPackageUsesOnlyThePackagesBelowIt() throws IOException {
        List<String> violations = new ArrayList<>();
        int files = 0;
        for (Path f : sources()) {
            files++;
            String pkg = packageOf(f);
            assertThat(ALLOWED).as("a rule for the package of " + f).containsKey(pkg);
            for (String used : uses(f)) {
                if (!used.equals(pkg) && !ALLOWED.get(pkg).contains(used)) {
                    violations.add(MAIN.relativize(f) + " (" + pkg + ") uses " + used);
                }
            }
        }
        assertThat(files).isGreaterThan(100);
        assertThat(violations).isEmpty();
    }

    @Test
    void theCheckSeesImportsAndQualifiedNamesButNotComments() {
        assertThat(usesOf("package dev.corescope.exec;\nimport dev.corescope.report.Table;\n")).containsExactly("report");
        assertThat(usesOf("package dev.corescope.exec;\nclass A { Object t = new dev.corescope.cli.Main(); }"))
                .containsExactly("cli");
        assertThat(usesOf("package dev.corescope.exec;\nclass A { Object t = dev.corescope.Corescope.sweep(); }"))
                .containsExactly("(api)");
        assertThat(usesOf("package dev.corescope.exec;\n/** see {@link dev.corescope.report.Table} */\n"
                + "// dev.corescope.cli.Main\nclass A { String s = \"dev.corescope.cli.Main\"; }")).isEmpty();
    }

    /**
     * Process-wide holders that stay, each for a fact about the JVM itself (not about a run): shared by the
     * JVM's threads, they are final, concurrent, and say so. Anything else static and mutable is refused.
     */
    private static final Map<String, String> JVM_WIDE = Map.of(
            "exec.Spawner.THREAD", "the one long-lived thread this JVM starts its worker JVMs from",
            "exec.WorkerImage.DUMPING", "one worker per JVM dumps the class-data archive",
            "exec.ThreadStats.DEFER_NATIVE", "the worker JVM loads the native library off its start path",
            "exec.ThreadStats.NATIVE_LOADED", "whether this JVM has loaded the native library",
            "exec.ThreadStats.LOCAL", "each thread's own open counters",
            "experiment.CoordinatorWarmup.DONE", "this JVM's JIT is warmed once",
            "store.SummaryFiles.LOCKS", "one lock per summary file across the JVM's threads",
            "store.ThresholdCache.LOCKS", "one lock per cache file across the JVM's threads",
            "workload.UserClassWorkload.LOADERS", "one class loader per user classpath in this JVM",
            "workload.algo.Scratch.BUFFERS", "each thread's own scratch buffers");

    /**
     * No static mutable state: no main class (nested ones included) has a static field that is not final; a
     * static final array is private (its class's constant table); a static final atomic, concurrent map or
     * thread-local is a named JVM-wide fact ({@link #JVM_WIDE}).
     */
    @Test
    void noStaticMutableState() throws Exception {
        List<String> violations = new ArrayList<>();
        Set<String> holders = new TreeSet<>();
        for (Class<?> c : mainClasses()) {
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (f.isSynthetic() || !java.lang.reflect.Modifier.isStatic(m)) {
                    continue;
                }
                String name = c.getName().substring("dev.corescope.".length()).replace('$', '.') + "." + f.getName();
                if (!java.lang.reflect.Modifier.isFinal(m)) {
                    violations.add(name + " is static and not final");
                } else if (f.getType().isArray() && !java.lang.reflect.Modifier.isPrivate(m)) {
                    violations.add(name + " is a static array others can write");
                } else if (f.getType().getName().startsWith("java.util.concurrent.")
                        || ThreadLocal.class.isAssignableFrom(f.getType())) {
                    holders.add(name);
                } else if (JVM_WIDE.containsKey(name)) {
                    holders.add(name);
                }
            }
        }
        assertThat(violations).isEmpty();
        assertThat(holders).as("static mutable holders: each a named JVM-wide fact").isEqualTo(JVM_WIDE.keySet());
    }

    /**
     * No two main types share a simple name: top-level ones never; nested ones only where listed in
     * {@link #SHARED_NESTED_NAMES}, the names left from before the rule, a list that may only shrink.
     */
    @Test
    void noTwoMainTypesShareASimpleName() throws Exception {
        Map<String, List<String>> topLevel = new java.util.TreeMap<>();
        Map<String, List<String>> all = new java.util.TreeMap<>();
        for (Class<?> c : mainClasses()) {
            if (c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()) {
                continue;
            }
            String qualified = c.getName().substring("dev.corescope.".length()).replace('$', '.');
            if (c.getEnclosingClass() == null) {
                topLevel.computeIfAbsent(c.getSimpleName(), k -> new ArrayList<>()).add(qualified);
            }
            all.computeIfAbsent(c.getSimpleName(), k -> new ArrayList<>()).add(qualified);
        }
        assertThat(topLevel.values()).as("top-level types sharing a simple name").allMatch(l -> l.size() == 1);
        Map<String, List<String>> shared = new java.util.TreeMap<>(all);
        shared.values().removeIf(l -> l.size() == 1);
        assertThat(shared.keySet()).as("simple names shared by main types: " + shared).isEqualTo(SHARED_NESTED_NAMES);
    }

    /** Classes stay small: no main source file is over 300 lines. */
    @Test
    void noMainFileIsOver300Lines() throws IOException {
        List<String> long_ = new ArrayList<>();
        for (Path f : sources()) {
            long lines = Files.readAllLines(f, StandardCharsets.UTF_8).size();
            if (lines > 300) {
                long_.add(MAIN.relativize(f) + ": " + lines + " lines");
            }
        }
        assertThat(long_).isEmpty();
    }

    /** Nested types' simple names shared before the rule (issue 20); none may be added, each one renamed goes. */
    private static final Set<String> SHARED_NESTED_NAMES = new TreeSet<>(List.of(
            "Block", "Cell", "Certification", "Check", "Context", "Decision", "Defaults", "Entry", "Fork", "Holder",
            "Job", "Kind", "Level", "Marks", "Probe", "Ran", "Result", "Row", "Setup", "Side", "State", "Statistic",
            "Status", "Threshold", "Times", "Timing", "Unusable"));

    /** Every main class, nested ones included, loaded without running its static initialisers. */
    static List<Class<?>> mainClasses() throws IOException, ClassNotFoundException {
        List<Class<?>> all = new ArrayList<>();
        ClassLoader loader = ArchitectureTest.class.getClassLoader();
        for (Path f : sources()) {
            String rel = MAIN.relativize(f).toString();
            String name = "dev.corescope." + rel.substring(0, rel.length() - ".java".length()).replace('/', '.');
            if (name.endsWith("package-info")) {
                continue;
            }
            addWithNested(Class.forName(name, false, loader), all);
        }
        return all;
    }

    private static void addWithNested(Class<?> c, List<Class<?>> into) {
        into.add(c);
        for (Class<?> n : c.getDeclaredClasses()) {
            addWithNested(n, into);
        }
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> all = Files.walk(MAIN)) {
            return all.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String packageOf(Path f) {
        Path rel = MAIN.relativize(f);
        return rel.getNameCount() == 1 ? "(api)" : rel.getName(0).toString();
    }

    private static Set<String> uses(Path f) throws IOException {
        return usesOf(Files.readString(f, StandardCharsets.UTF_8));
    }

    static Set<String> usesOf(String source) {
        String code = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "")
                .replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"").replaceAll("(?m)^package [^;]*;", "");
        Set<String> used = new TreeSet<>();
        Matcher m = REFERENCE.matcher(code);
        while (m.find()) {
            used.add(m.group(1) == null ? "(api)" : m.group(1));
        }
        return used;
    }
}
