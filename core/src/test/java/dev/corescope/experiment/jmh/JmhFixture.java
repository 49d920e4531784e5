package dev.corescope.experiment.jmh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A tiny JMH suite compiled at test time with JMH's annotation processor, once per JMH version per test JVM, from
 * the JMH jars Maven copies to {@code target/jmh-libs/<version>/} (JMH is never on corescope's class path): its
 * classes (for {@code --classpath}) and an uber jar built as JMH's archetype builds one ({@code Main-Class:
 * org.openjdk.jmh.Main}, JMH and its dependencies inside).
 */
public final class JmhFixture {
    public static final String CURRENT = "1.37";
    public static final String OTHER = "1.36";

    static final String QUICK = """
            package fixture;
            import java.util.concurrent.TimeUnit;
            import org.openjdk.jmh.annotations.*;
            @State(Scope.Benchmark)
            public class Quick {
                @Param({"10", "20"}) public int n;
                @Benchmark public long sum() { long s = 0; for (int i = 0; i < n; i++) { s += i * 31L ^ s; } return s; }
                @Benchmark @BenchmarkMode(Mode.AverageTime) @OutputTimeUnit(TimeUnit.NANOSECONDS)
                public long avg() { long s = 1; for (int i = 0; i < n; i++) { s = s * 7 + i; } return s; }
            }
            """;
    static final String FAULTY = """
            package fixture;
            import org.openjdk.jmh.annotations.*;
            @State(Scope.Benchmark)
            public class Faulty {
                @Benchmark public int fails() { throw new IllegalStateException("boom in the benchmark"); }
                @Benchmark public int crashes() { Runtime.getRuntime().halt(134); return 0; }
                @Benchmark public int hangs() {
                    while (true) { try { Thread.sleep(100_000); } catch (InterruptedException e) { /* ignore */ } }
                }
            }
            """;
    static final String WIDE = """
            package fixture;
            import org.openjdk.jmh.annotations.*;
            @State(Scope.Group)
            public class Wide {
                int x;
                @Benchmark @Group("pair") @GroupThreads(1) public int read() { return x; }
                @Benchmark @Group("pair") @GroupThreads(1) public void write() { x++; }
            }
            """;
    static final String WIDE_THREADS = """
            package fixture;
            import org.openjdk.jmh.annotations.*;
            @State(Scope.Thread)
            public class WideThreads {
                int x = 42;
                @Benchmark @Threads(2) public int both() { return x; }
            }
            """;

    /** What a version's build made. */
    public record Built(String version, Path classes, List<Path> libs, Path jar) {
        /** The class path of {@code --classpath}: the classes and JMH's jars. */
        public String classpath() {
            List<String> parts = new ArrayList<>(List.of(classes.toString()));
            libs.stream().filter(l -> !l.getFileName().toString().contains("annprocess")).forEach(l -> parts.add(l.toString()));
            return String.join(java.io.File.pathSeparator, parts);
        }
    }

    private static final Map<String, Built> BUILT = new ConcurrentHashMap<>();

    private JmhFixture() {
    }

    public static Built build(String version) {
        return BUILT.computeIfAbsent(version, v -> {
            try {
                return compile(v);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static Built compile(String version) throws IOException {
        Path libsDir = Path.of("target", "jmh-libs", version).toAbsolutePath();
        if (!Files.isDirectory(libsDir)) {
            throw new IllegalStateException(libsDir + " is missing: run the tests through Maven (it copies JMH there)");
        }
        List<Path> libs;
        try (Stream<Path> s = Files.list(libsDir)) {
            libs = s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        Files.createDirectories(Path.of("target"));
        Path root = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "jmh-fixture-" + version + "-");
        Path src = root.resolve("src/fixture");
        Files.createDirectories(src);
        Files.writeString(src.resolve("Quick.java"), QUICK);
        Files.writeString(src.resolve("Faulty.java"), FAULTY);
        Files.writeString(src.resolve("Wide.java"), WIDE);
        Files.writeString(src.resolve("WideThreads.java"), WIDE_THREADS);
        Path classes = root.resolve("classes");
        Files.createDirectories(classes);
        String cp = String.join(java.io.File.pathSeparator, libs.stream().map(Path::toString).toList());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        java.io.ByteArrayOutputStream diagnostics = new java.io.ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, "-d",
                classes.toString(), "-cp", cp, "-processorpath", cp, "--release", "17",
                src.resolve("Quick.java").toString(), src.resolve("Faulty.java").toString(),
                src.resolve("Wide.java").toString(), src.resolve("WideThreads.java").toString());
        if (rc != 0) {
            throw new IllegalStateException("javac with JMH " + version + "'s annotation processor failed: " + diagnostics);
        }
        Path jar = root.resolve("benchmarks.jar");
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.openjdk.jmh.Main");
        Set<String> seen = new HashSet<>();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf);
             Stream<Path> files = Files.walk(classes)) {
            seen.add("META-INF/MANIFEST.MF");
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = classes.relativize(f).toString().replace('\\', '/');
                seen.add(name);
                out.putNextEntry(new JarEntry(name));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
            for (Path lib : libs) {
                if (lib.getFileName().toString().contains("annprocess")) {
                    continue;
                }
                try (JarFile in = new JarFile(lib.toFile())) {
                    for (JarEntry e : java.util.Collections.list(in.entries())) {
                        String n = e.getName();
                        if (e.isDirectory() || n.matches("META-INF/.*\\.(SF|DSA|RSA)") || !seen.add(n)) {
                            continue;
                        }
                        out.putNextEntry(new JarEntry(n));
                        try (InputStream is = in.getInputStream(e)) {
                            is.transferTo(out);
                        }
                        out.closeEntry();
                    }
                }
            }
        }
        return new Built(version, classes, libs, jar);
    }
}
