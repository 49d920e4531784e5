package dev.corescope.experiment.jmh;

import dev.corescope.experiment.PlanRefused;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The user's benchmarks: an uber jar ({@code java -jar benchmarks.jar}, as JMH's Maven archetype builds it) or
 * a class path ({@code java -cp CP org.openjdk.jmh.Main}), read as JMH reads it: every
 * {@code META-INF/BenchmarkList} on it. Nothing of it is loaded here: the benchmarks run in the jar's own JMH,
 * in JVMs of their own, so any JMH 1.2x-1.3x works.
 *
 * @param description the jar, or {@code --classpath ...}, for messages
 * @param classpath   what {@code java -cp} gets
 * @param jmhVersion  the JMH on the class path (from its Maven metadata or its jar's name); null when unknown
 */
public record BenchmarkSource(String description, String classpath, List<BenchmarkEntry> entries, String jmhVersion) {
    static final String LIST = "META-INF/BenchmarkList";
    static final String MAIN = "org/openjdk/jmh/Main.class";
    private static final String POM = "META-INF/maven/org.openjdk.jmh/jmh-core/pom.properties";
    private static final Pattern JAR_VERSION = Pattern.compile("jmh-core-(\\d+\\.\\d+(?:\\.\\d+)?)\\.jar$");

    public BenchmarkSource {
        entries = List.copyOf(entries);
    }

    /** An uber jar. @throws PlanRefused with one line when it is no JMH benchmark jar */
    public static BenchmarkSource jar(Path jar) {
        if (!Files.exists(jar)) {
            throw new PlanRefused(jar + ": no such file");
        }
        if (!Files.isRegularFile(jar) || !Files.isReadable(jar)) {
            throw new PlanRefused(jar + " is not a readable file (a JMH benchmark jar, or use --classpath)");
        }
        return read(jar.toString(), List.of(jar), jar.toAbsolutePath().toString());
    }

    /** A class path ({@code :}-separated jars and directories). @throws PlanRefused when it holds no JMH benchmarks */
    public static BenchmarkSource classpath(String cp) {
        List<Path> elements = new ArrayList<>();
        for (String e : cp.split(File.pathSeparator)) {
            if (!e.isBlank()) {
                Path p = Path.of(e);
                if (!Files.exists(p)) {
                    throw new PlanRefused("--classpath: " + e + ": no such file or directory");
                }
                elements.add(p);
            }
        }
        if (elements.isEmpty()) {
            throw new PlanRefused("--classpath is empty");
        }
        String abs = String.join(File.pathSeparator, elements.stream().map(p -> p.toAbsolutePath().toString()).toList());
        return read("--classpath " + cp, elements, abs);
    }

    private static BenchmarkSource read(String description, List<Path> elements, String classpath) {
        List<String> lines = new ArrayList<>();
        boolean main = false;
        String version = null;
        for (Path p : elements) {
            Contents c = Files.isDirectory(p) ? directory(p) : zip(p, description);
            lines.addAll(c.lines());
            main |= c.hasMain();
            if (version == null) {
                version = c.version();
            }
        }
        if (lines.isEmpty() && !main) {
            throw new PlanRefused(description + " is not a JMH benchmark jar: no " + LIST + " (benchmarks are compiled "
                    + "with JMH's annotation processor, jmh-generator-annprocess)");
        }
        if (lines.isEmpty()) {
            throw new PlanRefused(description + " has JMH but no benchmarks: no " + LIST + " (were they compiled with "
                    + "jmh-generator-annprocess?)");
        }
        if (!main) {
            throw new PlanRefused(description + " has benchmarks but not JMH itself (no org.openjdk.jmh.Main): pass the "
                    + "whole class path with --classpath");
        }
        boolean armored = version == null || atLeast(version, 1, 24);
        Set<BenchmarkEntry> entries = new LinkedHashSet<>();
        for (String line : lines) {
            try {
                entries.add(BenchmarkListParser.parse(line, armored));
            } catch (IllegalArgumentException e) {
                throw new PlanRefused(description + ": " + LIST + ": " + e.getMessage());
            }
        }
        return new BenchmarkSource(description, classpath, new ArrayList<>(entries), version);
    }

    /** Whether {@code version} (e.g. {@code 1.37}) is at least {@code major.minor}; false when unreadable. */
    public static boolean atLeast(String version, int major, int minor) {
        Matcher m = Pattern.compile("^(\\d+)\\.(\\d+)").matcher(version == null ? "" : version);
        if (!m.find()) {
            return false;
        }
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(2));
        return a > major || (a == major && b >= minor);
    }

    private record Contents(List<String> lines, boolean hasMain, String version) {
    }

    private static Contents directory(Path dir) {
        try {
            Path list = dir.resolve(LIST);
            List<String> lines = Files.isRegularFile(list) ? benchmarkLines(Files.newInputStream(list)) : List.of();
            Path pom = dir.resolve(POM);
            String version = Files.isRegularFile(pom) ? version(Files.newInputStream(pom)) : null;
            return new Contents(lines, Files.isRegularFile(dir.resolve(MAIN)), version);
        } catch (IOException e) {
            throw new PlanRefused("cannot read " + dir + ": " + e.getMessage());
        }
    }

    private static Contents zip(Path jar, String description) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry list = zip.getEntry(LIST);
            List<String> lines = list == null ? List.of() : benchmarkLines(zip.getInputStream(list));
            ZipEntry pom = zip.getEntry(POM);
            String version = pom != null ? version(zip.getInputStream(pom)) : null;
            if (version == null) {
                Matcher m = JAR_VERSION.matcher(jar.getFileName().toString());
                version = m.find() ? m.group(1) : null;
            }
            return new Contents(lines, zip.getEntry(MAIN) != null, version);
        } catch (ZipException e) {
            throw new PlanRefused((description.equals(jar.toString()) ? jar : description + ": " + jar)
                    + " is not a jar (not a zip file)");
        } catch (IOException e) {
            throw new PlanRefused("cannot read " + jar + ": " + e.getMessage());
        }
    }

    /** The benchmark lines, as JMH reads them: blank lines and {@code #} comments skipped. */
    private static List<String> benchmarkLines(InputStream in) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.startsWith("#") && !line.trim().isEmpty()) {
                    out.add(line);
                }
            }
        }
        return out;
    }

    private static String version(InputStream in) {
        try (in) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
