package dev.corescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.corescope.api.Workload;
import dev.corescope.store.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's path of the README, end to end: {@code examples/} (a user's own sort and matrix product, a Maven
 * project depending on {@code dev.corescope:corescope-api:0.1.0}) is built with Maven against the API artifact
 * installed into a temporary local repository, and its classes are assessed with {@code assess --class}. The
 * temporary repository gets the API jar and its POM in Maven's layout; Maven's own plugins come from the
 * user's local repository through a {@code file://} mirror (no network). The CLI runs in a JVM of its own with
 * a temporary CORESCOPE_HOME. Structure only, tiny sizes.
 */
class ExamplesProjectTest {
    private static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();

    @TempDir
    static Path tmp;

    private static Path examplesJar;

    @BeforeAll
    static void buildTheExamplesAgainstTheInstalledApi() throws Exception {
        Path repo = tmp.resolve("repo");
        Path settings = Files.writeString(tmp.resolve("settings.xml"), "<settings><mirrors><mirror><id>user-repository"
                + "</id><mirrorOf>*</mirrorOf><url>" + userRepository().toUri() + "</url></mirror></mirrors></settings>");
        Path project = tmp.resolve("examples");
        copy(EXAMPLES, project);
        List<String> maven = List.of("mvn", "-B", "-q", "-s", settings.toString(), "-Dmaven.repo.local=" + repo);
        // installed as install:install-file would (a local repository is a directory layout), without needing the
        // install plugin, which `mvn verify` never downloads; the POM as published (the module's own names
        // corescope's parent, which this repository lacks)
        Path installed = Files.createDirectories(repo.resolve("dev/corescope/corescope-api/0.1.0"));
        Files.copy(apiJar(), installed.resolve("corescope-api-0.1.0.jar"));
        Files.writeString(installed.resolve("corescope-api-0.1.0.pom"), "<project><modelVersion>4.0.0</modelVersion>"
                + "<groupId>dev.corescope</groupId><artifactId>corescope-api</artifactId><version>0.1.0</version>"
                + "<packaging>jar</packaging></project>");
        assertThat(repo.resolve("dev/corescope/corescope-api/0.1.0/corescope-api-0.1.0.jar")).isRegularFile();
        List<String> build = new ArrayList<>(maven);
        build.addAll(List.of("-DskipTests", "package"));
        run(build, project);
        examplesJar = project.resolve("target/corescope-examples-1.0.jar");
        assertThat(examplesJar).isRegularFile();
    }

    @Test
    void aUsersSortIsAssessedWithItsParameter() throws Exception {
        Path out = tmp.resolve("sort");
        Result r = corescope("assess", "--class", "com.example.MergeSort", "--classpath", examplesJar.toString(),
                "--param", "order=reversed", "-n", "1000,2000", "-r", "4", "-w", "2", "--warmup", "1", "-q",
                "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("merge-sort-reversed");
        JsonNode summary = Json.MAPPER.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("command").asText()).isEqualTo("assess");
        JsonNode algo = summary.get("analysis").get("algorithms").get(0);
        assertThat(algo.get("sizes")).hasSize(2);
        assertThat(algo.get("sizes").get(0).get("count").asInt()).isEqualTo(4);
    }

    @Test
    void aUsersMatrixProductIsAssessedAndRefusesAParameterItCannotTake() throws Exception {
        Path out = tmp.resolve("matrix");
        Result r = corescope("assess", "--class", "com.example.MatrixProduct", "--classpath", examplesJar.toString(),
                "-n", "20,40", "-r", "4", "-w", "2", "--warmup", "1", "-q", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("matrix-product");
        assertThat(out.resolve("summary.json")).isRegularFile();

        Result refused = corescope("assess", "--class", "com.example.MatrixProduct", "--classpath",
                examplesJar.toString(), "--param", "block=8", "-n", "20", "-r", "2", "-w", "1", "-q",
                "--out", tmp.resolve("refused").toString());
        assertThat(refused.code()).isNotZero();
        assertThat(refused.err().strip().lines().toList()).hasSize(1);
        assertThat(refused.err()).contains("--param block=8 cannot reach com.example.MatrixProduct");
    }

    /** The API's jar: the packaged one, or (a build that stopped before packaging) a jar of its classes. */
    private static Path apiJar() throws Exception {
        Path source = Path.of(Workload.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isRegularFile(source)) {
            return source;
        }
        Path jar = tmp.resolve("corescope-api-0.1.0.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(source)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(source.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Path userRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(p -> !from.relativize(p).startsWith("target")).toList()) {
                Path dst = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(dst);
                } else {
                    Files.copy(f, dst);
                }
            }
        }
    }

    private static void run(List<String> command, Path dir) throws Exception {
        Path log = Files.createTempFile(tmp, "mvn-", ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("maven finished").isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ":\n" + Files.readString(log)).isZero();
    }

    private record Result(int code, String out, String err) {
    }

    /** The CLI in a JVM of its own (this class path), with a temporary CORESCOPE_HOME. */
    private static Result corescope(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "out-", ".txt");
        Path err = Files.createTempFile(tmp, "err-", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().put("CORESCOPE_HOME", tmp.resolve("home").toString());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("corescope " + String.join(" ", args) + " did not finish");
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
