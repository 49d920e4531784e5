package dev.corescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on a running sweep with worker JVMs: the CLI runs as its own JVM (this JVM's classpath),
 * gets SIGINT once it has written a record, and must leave whole JSON lines, a partial summary and no
 * worker JVM behind.
 */
@EnabledOnOs(OS.LINUX)
class InterruptTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    @Timeout(180)
    void sigintKeepsEveryRecordWritesAPartialSummaryAndStopsTheWorkers() throws Exception {
        Path out = tmp.resolve("run");
        Path records = out.resolve("records.jsonl");
        List<String> cmd = new ArrayList<>();
        if (sigintIgnored()) {
            // Started from a background job of a non-interactive shell, we (and so the CLI) inherit SIGINT as
            // ignored, and the JVM then installs no handler for it: give the CLI the default disposition back.
            cmd.addAll(List.of("env", "--default-signal=INT"));
        }
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "sweep", "--mode", "processes", "--max", "3", "--target", "300ms", "--out", out.toString(), "--quiet"));
        Process cli = new ProcessBuilder(cmd).redirectOutput(tmp.resolve("stdout.txt").toFile())
                .redirectError(tmp.resolve("stderr.txt").toFile()).start();
        Set<Long> workers = new TreeSet<>();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (completeLines(records) < 1) {
                assertThat(cli.isAlive()).as("CLI still running; stderr: %s", read("stderr.txt")).isTrue();
                assertThat(System.nanoTime()).as("a first record within 120 s").isLessThan(deadline);
                cli.descendants().forEach(h -> workers.add(h.pid()));
                Thread.sleep(10);
            }
            cli.descendants().forEach(h -> workers.add(h.pid()));
            assertThat(cli.isAlive()).as("still running when interrupted").isTrue();
            int kill = new ProcessBuilder("kill", "-INT", Long.toString(cli.pid())).inheritIO().start().waitFor();
            assertThat(kill).isZero();

            assertThat(cli.waitFor(15, TimeUnit.SECONDS)).as("CLI exits within 15 s of SIGINT").isTrue();
            assertThat(cli.exitValue()).as("exit code after SIGINT").isNotZero();

            List<String> lines = Files.readAllLines(records, StandardCharsets.UTF_8);
            assertThat(lines).isNotEmpty();
            for (String line : lines) {
                JsonNode rec = JSON.readTree(line); // throws on a torn or invalid line
                assertThat(rec.isObject()).as(line).isTrue();
                assertThat(rec.get("pid").asLong()).isPositive();
                workers.add(rec.get("pid").asLong());
            }
            workers.remove(cli.pid());
            assertThat(workers).as("worker JVMs seen").isNotEmpty();

            Path summary = out.resolve("summary.json");
            assertThat(summary).as("partial summary; stderr: %s", read("stderr.txt")).exists();
            JsonNode s = JSON.readTree(summary.toFile());
            assertThat(s.get("complete").isBoolean()).isTrue();
            assertThat(s.get("complete").asBoolean()).as("summary marked incomplete").isFalse();
            assertThat(read("stderr.txt")).contains("interrupted");

            long gone = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (!alive(workers).isEmpty() && System.nanoTime() < gone) {
                Thread.sleep(20);
            }
            assertThat(alive(workers)).as("worker JVMs alive 3 s after the CLI exited").isEmpty();
        } finally {
            cli.descendants().forEach(ProcessHandle::destroyForcibly);
            cli.destroyForcibly();
        }
    }

    /** Whether SIGINT is ignored in this process ({@code SigIgn} mask of /proc/self/status; SIGINT is bit 1). */
    private static boolean sigintIgnored() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << 1)) != 0;
            }
        }
        return false;
    }

    private static List<Long> alive(Set<Long> pids) {
        List<Long> alive = new ArrayList<>();
        for (long pid : pids) {
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                alive.add(pid);
            }
        }
        return alive;
    }

    /** Lines ended by a newline: a line being written is not counted. */
    private static long completeLines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        byte[] bytes = Files.readAllBytes(file);
        long n = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }

    private String read(String name) throws IOException {
        Path p = tmp.resolve(name);
        return Files.exists(p) ? Files.readString(p) : "";
    }
}
