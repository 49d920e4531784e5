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
 * The flow plan → execute → records → analysis → report, read from the sources of every module: every
 * package uses only the packages below it. {@code api} (the Workload SPI) ← {@code workload} ←
 * {@code exec} ← {@code experiment} ← {@code report} ← the Java API ({@code dev.corescope}) ← {@code cli};
 * {@code machine}, {@code analysis} and {@code store} sit below {@code experiment}; {@code cluster} is a
 * worker pool (exec, store, analysis), used by the CLI; {@code sim} is a simulated machine behind exec's
 * machine seam, chosen by the API and the CLI. Sub-packages ({@code exec.pin}, {@code workload.algo},
 * {@code report.html}) belong to their package.
 *
 * <p>The modules: each package lives in one module and uses only packages of its own module or of the
 * modules below it (api ← core ← cluster ← cli); Hazelcast named in neither api nor core, and not on core's
 * class path (this test runs in core, so its own class path is core's).
 */
class ArchitectureTest {
    /** The repository's root: this test runs in {@code core/}. */
    private static final Path ROOT = Path.of("..");
    /** Each module, bottom up, with its packages. */
    private static final Map<String, Set<String>> MODULES = Map.of(
            "api", Set.of("api"),
            "core", Set.of("workload", "machine", "exec", "analysis", "store", "experiment", "sim", "report", "(api)"),
            "cluster", Set.of("cluster"),
            "cli", Set.of("cli"));
    /** What each module may use besides itself. */
    private static final Map<String, Set<String>> MODULE_USES = Map.of(
            "api", Set.of(),
            "core", Set.of("api"),
            "cluster", Set.of("api", "core"),
            "cli", Set.of("api", "core", "cluster"));
    /** What each package may use (besides itself). */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("api", Set.of()),
            Map.entry("workload", Set.of("api")),
            Map.entry("machine", Set.of()),
            Map.entry("exec", Set.of("api", "workload", "machine")),
            Map.entry("analysis", Set.of("api", "workload", "machine", "exec")),
            Map.entry("store", Set.of("api", "workload", "machine", "exec")),
            Map.entry("experiment", Set.of("api", "workload", "machine", "exec", "analysis", "store")),
            Map.entry("cluster", Set.of("api", "workload", "machine", "exec", "analysis", "store")),
            Map.entry("sim", Set.of("api", "workload", "machine", "exec", "analysis")),
            Map.entry("report", Set.of("api", "workload", "machine", "exec", "analysis", "store", "experiment")),
            Map.entry("(api)", Set.of("api", "workload", "machine", "exec", "analysis", "store", "experiment", "report",
                    "sim")),
            Map.entry("cli", Set.of("api", "workload", "machine", "exec", "analysis", "store", "experiment", "report",
                    "(api)", "cluster", "sim")));
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
                    violations.add(ROOT.relativize(f) + " (" + pkg + ") uses " + used);
                }
            }
        }
        assertThat(files).isGreaterThan(100);
        assertThat(violations).isEmpty();
    }

    @Test
    void everyModuleUsesOnlyItselfAndTheModulesBelowIt() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path f : sources()) {
            String module = moduleOf(f);
            String pkg = packageOf(f);
            assertThat(MODULES.get(module)).as("the module of package " + pkg + " (" + f + ")").contains(pkg);
            String code = Files.readString(f, StandardCharsets.UTF_8);
            for (String used : usesOf(code)) {
                String owner = moduleOfPackage(used);
                if (!owner.equals(module) && !MODULE_USES.get(module).contains(owner)) {
                    violations.add(f + " (" + module + ") uses " + used + " (" + owner + ")");
                }
            }
            if ((module.equals("api") || module.equals("core")) && code.contains("com.hazelcast")) {
                violations.add(f + " (" + module + ") names Hazelcast");
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void hazelcastIsNotOnCoresClassPath() {
        assertThat(System.getProperty("java.class.path")).doesNotContainIgnoringCase("hazelcast");
        for (String type : List.of("com.hazelcast.core.Hazelcast", "com.hazelcast.config.Config")) {
            assertThat(ArchitectureTest.class.getClassLoader().getResource(type.replace('.', '/') + ".class"))
                    .as(type + " loadable from core's class path").isNull();
        }
    }

    @Test
    void theApiModuleHoldsTheSpiAndNothingElse() throws IOException {
        Path api = ROOT.resolve("api/src/main/java/dev/corescope/api");
        try (Stream<Path> files = Files.list(api)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                    "PreparedTask.java", "ProcessUsage.java", "TaskInput.java", "TaskOutput.java", "Workload.java");
        }
        assertThat(Files.readString(ROOT.resolve("api/pom.xml"))).doesNotContain("<dependencies>");
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
        for (Path f : sources()) { // cluster and cli are not on core's class path: their top-level names by file
            String module = moduleOf(f);
            if (module.equals("cluster") || module.equals("cli")) {
                String rel = mainOf(module).relativize(f).toString();
                String simple = f.getFileName().toString().replace(".java", "");
                topLevel.computeIfAbsent(simple, k -> new ArrayList<>()).add(rel);
                all.computeIfAbsent(simple, k -> new ArrayList<>()).add(rel);
            }
        }
        assertThat(topLevel.entrySet()).as("top-level types sharing a simple name").allMatch(e -> e.getValue().size() == 1);
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
                long_.add(ROOT.relativize(f) + ": " + lines + " lines");
            }
        }
        assertThat(long_).isEmpty();
    }

    /**
     * Nested types' simple names shared before the rule (issue 20) among api's and core's types (cluster's and cli's
     * nested types are not on this test's class path; their top-level names are checked); none may be added.
     */
    private static final Set<String> SHARED_NESTED_NAMES = new TreeSet<>(List.of(
            "Block", "Cell", "Certification", "Check", "Context", "Entry", "Fork", "Holder",
            "Kind", "Level", "Marks", "Probe", "Ran", "Result", "Row", "Setup", "Side", "State", "Statistic",
            "Status", "Times", "Timing"));

    /**
     * Every main class of api and core (the modules on this test's class path), nested ones included, loaded
     * without running its static initialisers; cluster's and cli's are checked by {@link #noStaticFieldIsWritable}.
     */
    static List<Class<?>> mainClasses() throws IOException, ClassNotFoundException {
        List<Class<?>> all = new ArrayList<>();
        ClassLoader loader = ArchitectureTest.class.getClassLoader();
        for (Path f : sources()) {
            String module = moduleOf(f);
            if (!module.equals("api") && !module.equals("core")) {
                continue;
            }
            String rel = mainOf(module).relativize(f).toString();
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

    /** cluster and cli, read as source: no static field that is not final. */
    @Test
    void noStaticFieldIsWritable() throws IOException {
        Pattern field = Pattern.compile("(?m)^\\s+(?:(?:private|public|protected)\\s+)?static\\s+(?!final\\b)(?!class\\b|record\\b|"
                + "enum\\b|interface\\b|abstract\\b|sealed\\b|void\\b)[\\w<>\\[\\], ?.]+\\s+\\w+\\s*(?:=|;)");
        List<String> writable = new ArrayList<>();
        for (Path f : sources()) {
            String module = moduleOf(f);
            if (module.equals("cluster") || module.equals("cli")) {
                Matcher m = field.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    writable.add(ROOT.relativize(f) + ": " + m.group().strip());
                }
            }
        }
        assertThat(writable).isEmpty();
    }

    private static Path mainOf(String module) {
        return ROOT.resolve(module).resolve("src/main/java/dev/corescope");
    }

    private static List<Path> sources() throws IOException {
        List<Path> all = new ArrayList<>();
        for (String module : List.of("api", "core", "cluster", "cli")) {
            assertThat(mainOf(module)).isDirectory();
            try (Stream<Path> files = Files.walk(mainOf(module))) {
                files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(all::add);
            }
        }
        return all;
    }

    private static String moduleOf(Path f) {
        return ROOT.relativize(f).getName(0).toString();
    }

    private static String moduleOfPackage(String pkg) {
        return MODULES.entrySet().stream().filter(e -> e.getValue().contains(pkg)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new AssertionError("no module holds package " + pkg));
    }

    private static String packageOf(Path f) {
        Path rel = mainOf(moduleOf(f)).relativize(f);
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
