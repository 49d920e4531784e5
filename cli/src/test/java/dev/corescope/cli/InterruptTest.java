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
 * worker JVM behind. Also: an interrupted assess counts its running batch, an interrupted transfer
 * writes a partial summary.
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

    @Test
    @Timeout(180)
    void anInterruptedSingleAlgorithmAssessCountsTheRunningBatch() throws Exception {
        Path out = tmp.resolve("assess");
        Process cli = start(out, "assess", "-a", "sort-jdk", "-n", "300000", "-r", "400", "-w", "1", "--warmup", "0");
        try {
            waitForRecords(cli, out.resolve("records.jsonl"), "\"experiment\":\"assess/sort-jdk\"", 5);
            interrupt(cli);
        } finally {
            cli.destroyForcibly();
        }
        JsonNode s = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(s.get("complete").asBoolean()).isFalse();
        JsonNode levels = s.get("levels");
        assertThat(levels.size()).as("the running batch is in the partial summary: %s", s).isEqualTo(1);
        assertThat(levels.get(0).get("experiment").asText()).isEqualTo("assess/sort-jdk");
        assertThat(levels.get(0).get("tasks").asInt()).isGreaterThanOrEqualTo(5);
        String err = read("stderr.txt");
        long kept = Long.parseLong(err.replaceAll("(?s).*interrupted; (\\d+) completed task records.*", "$1"));
        assertThat(kept).as(err).isGreaterThanOrEqualTo(5);
        assertThat(kept).isEqualTo(Files.readAllLines(out.resolve("records.jsonl")).size());
        assertThat(err).as("the interrupt is one line, not an error about the pool it closed")
                .doesNotContain("corescope: error");
    }

    @Test
    @Timeout(180)
    void anInterruptedTransferWritesAPartialSummary() throws Exception {
        Path out = tmp.resolve("transfer");
        Process cli = start(out, "transfer", "--mode", "threads", "--workers", "1", "--durations", "100ms,200ms",
                "--bytes", "0,1KB,1MB", "--tasks", "8", "--cell-budget", "2s");
        try {
            waitForRecords(cli, out.resolve("records.jsonl"), "\"experiment\":\"transfer-threads\"", 1);
            interrupt(cli);
        } finally {
            cli.destroyForcibly();
        }
        JsonNode s = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(s.get("complete").asBoolean()).isFalse();
        assertThat(s.get("notes").get(0).asText()).startsWith("Interrupted: ");
        assertThat(out.resolve("summary.csv")).exists();
        assertThat(read("stderr.txt")).contains("interrupted; ");
    }

    private Process start(Path out, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (sigintIgnored()) {
            cmd.addAll(List.of("env", "--default-signal=INT"));
        }
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--out", out.toString(), "--quiet"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(tmp.resolve("stdout.txt").toFile())
                .redirectError(tmp.resolve("stderr.txt").toFile());
        pb.environment().put("CORESCOPE_HOME", tmp.resolve("home").toString());
        return pb.start();
    }

    private void waitForRecords(Process cli, Path records, String containing, int n) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (count(records, containing) < n) {
            assertThat(cli.isAlive()).as("CLI still running; stderr: %s", read("stderr.txt")).isTrue();
            assertThat(System.nanoTime()).as("%d records within 120 s", n).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static long count(Path records, String containing) throws IOException {
        if (!Files.exists(records)) {
            return 0;
        }
        String text = Files.readString(records, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        return end < 0 ? 0 : text.substring(0, end).lines().filter(l -> l.contains(containing)).count();
    }

    private static void interrupt(Process cli) throws Exception {
        int kill = new ProcessBuilder("kill", "-INT", Long.toString(cli.pid())).inheritIO().start().waitFor();
        assertThat(kill).isZero();
        assertThat(cli.waitFor(30, TimeUnit.SECONDS)).as("CLI exits within 30 s of SIGINT").isTrue();
        assertThat(cli.exitValue()).as("exit code after SIGINT").isNotZero();
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
