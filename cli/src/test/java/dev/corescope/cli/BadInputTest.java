package dev.corescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input is rejected before any work starts: exit code 2, one line on stderr, no stack trace, nothing
 * on stdout, no run directory (nor anything in a directory it names), no worker thread or worker JVM.
 * Runs {@link Main#execute} in-process. Cluster options are another test's.
 *
 * <p>Tokens in a command line: {@code OUT} a fresh path that must never be created, {@code FILE} a
 * regular file, {@code EMPTY} an empty directory that must stay empty, {@code NONEMPTY} a directory
 * holding one file that must stay as it is, {@code CLAIMED} a directory already claimed by a run,
 * {@code MACHINE:<text>} a {@code --simulate} file holding that text.
 */
class BadInputTest {
    @TempDir
    static Path tmp;

    static Stream<List<String>> badInputs() {
        return Stream.of(
                // global
                List.of("banana"),
                List.of("--mode", "banana"),
                List.of(),
                // run
                List.of("run", "-w", "0", "--loops", "1000", "--out", "OUT"),
                List.of("run", "-w", "2", "--loops", "-5", "--out", "OUT"),
                List.of("run", "-w", "1", "--mode", "banana", "--out", "OUT"),
                List.of("run", "--loops", "1000", "--out", "OUT"),
                List.of("run", "-w", "1", "--loops", "10", "--task-timeout", "-1s", "--out", "OUT"),
                List.of("run", "-w", "1", "--loops", "10", "--out", "/"),
                List.of("run", "-w", "1", "--loops", "10", "--out", ""),
                List.of("run", "-w", "1", "--loops", "10", "--worker-jvm-opt=-Xmxlots", "--out", "OUT"),
                List.of("run", "-w", "1", "--loops", "10", "--mode", "processes", "--worker-jvm-opt=-Xmx99999999999t",
                        "--out", "OUT"),
                List.of("run", "-w", "2000", "--loops", "1", "--out", "OUT"),
                List.of("run", "-w", "abc", "--loops", "1", "--out", "OUT"),
                List.of("run", "-w", "1", "--target", "10us", "--out", "OUT"),
                List.of("run", "-w", "1", "--loops", "1", "--target", "1s", "--out", "OUT"),
                List.of("run", "-w", "1", "--loops", "10", "--seed", "x", "--out", "OUT"),
                List.of("run", "-w", "1", "--loops", "10", "--format", "yaml", "--out", "OUT"),
                List.of("run", "-w", "1", "--loops", "10", "--out", "FILE"),
                List.of("run", "-w", "1", "--loops", "10", "--out", "NONEMPTY"),
                List.of("run", "-w", "1", "--loops", "10", "--out", "CLAIMED"),
                // sweep
                List.of("sweep", "--max", "2000", "--loops", "1000", "--out", "OUT"),
                List.of("sweep", "--max", "0", "--out", "OUT"),
                List.of("sweep", "--max", "2", "--mode", "banana", "--out", "OUT"),
                List.of("sweep", "--max", "2", "--target", "abc", "--out", "OUT"),
                List.of("sweep", "--max", "2", "--target", "0", "--out", "OUT"),
                List.of("sweep", "--max", "2", "--target", "1.5parsecs", "--out", "OUT"),
                List.of("sweep", "--max", "2", "--target", "10us", "--out", "OUT"),
                List.of("sweep", "--max", "2", "--trials", "0", "--out", "OUT"),
                List.of("sweep", "--max", "2", "--loops", "10", "--out", "FILE/below-a-regular-file"),
                List.of("sweep", "--max", "2", "--loops", "10", "--out", "/proc/corescope"),
                List.of("sweep", "--max", "2", "--loops", "10", "--task-timeout", "0", "--out", "OUT"),
                List.of("sweep", "--max", "2", "--loops", "10", "--target", "1s", "--out", "OUT"),
                List.of("sweep", "--max", "1000", "--trials", "2000000000", "--loops", "0", "--out", "OUT"),
                List.of("sweep", "--max", "2", "--loops", "10", "--worker-jvm-opt=-XX:MaxRAMPercentage=0", "--out", "OUT"),
                List.of("sweep", "--max", "2", "--loops", "10", "--task-timeout", "100years", "--out", "OUT"),
                List.of("sweep", "--max", "2", "--loops", "10", "--task-timeout", "1ns", "--out", "OUT"),
                List.of("run", "-w", "1", "--loops", "10", "--task-timeout", "50ms", "--mode", "processes", "--out", "OUT"),
                List.of("sweep", "--max", "2", "--target", "1s", "--task-timeout", "1s", "--out", "OUT"),
                List.of("transfer", "--workers", "1", "--task-timeout", "1us", "--out", "OUT"),
                List.of("sweep", "--max", "2", "--loops", "10", "--out", "EMPTY", "--trials", "-3"),
                // rounds
                List.of("rounds", "--tasks", "0", "--max", "2", "--out", "OUT"),
                List.of("rounds", "--max", "2", "--out", "OUT"),
                List.of("rounds", "--tasks", "2000000000", "--max", "1", "--loops", "0", "--out", "OUT"),
                List.of("rounds", "--tasks", "10", "--max", "-1", "--loops", "0", "--out", "OUT"),
                List.of("rounds", "--tasks", "10", "--max", "2", "--loops", "10", "--out", ""),
                List.of("rounds", "--tasks", "4000000", "--max", "4", "--loops", "0", "--out", "OUT"),
                List.of("rounds", "-r", "4", "--max", "2", "--loops", "10", "--out", "OUT"),
                List.of("rounds", "--repeats", "4", "--max", "2", "--loops", "10", "--out", "OUT"),
                List.of("run", "-p", "1", "-w", "1", "--loops", "10", "--out", "OUT"),
                List.of("run", "--loops", "10", "--out", "OUT"),
                List.of("run", "-w", "1", "--loops", "10", "-V", "--out", "OUT"),
                // investigate
                List.of("investigate", "--tolerance", "0", "--no-cache", "--out", "OUT"),
                List.of("investigate", "--tolerance", "150%", "--no-cache", "--out", "OUT"),
                List.of("investigate", "--tolerance", "abc", "--no-cache", "--out", "OUT"),
                List.of("investigate", "--tolerance", "0.05", "--no-cache", "--out", "OUT"),
                List.of("investigate", "-a", "bogosort", "-n", "10", "--no-cache", "--out", "OUT"),
                List.of("investigate", "-a", "sort-jdk", "--no-cache", "--out", "OUT"),
                List.of("investigate", "-a", "sort-jdk,sort-merge", "-n", "10", "--no-cache", "--out", "OUT"),
                List.of("investigate", "-a", "sort-jdk", "-n", "10", "--sd-limit", "0.9", "--no-cache", "--out", "OUT"),
                List.of("investigate", "-a", "sort-jdk", "-n", "10", "--param", "ordr=x", "--no-cache", "--out", "OUT"),
                List.of("investigate", "--max", "0", "--no-cache", "--out", "OUT"),
                List.of("investigate", "--max-samples", "3", "--no-cache", "--out", "OUT"),
                List.of("investigate", "--max-samples", "2000000000", "--no-cache", "--out", "OUT"),
                List.of("investigate", "--max", "2000", "--no-cache", "--out", "OUT"),
                List.of("investigate", "--target", "10us", "--no-cache", "--out", "OUT"),
                List.of("investigate", "--mode", "banana", "--no-cache", "--out", "OUT"),
                List.of("investigate", "--no-cache", "--out", "NONEMPTY"),
                // assess
                List.of("assess", "-a", "sort-jdk", "-n", "4294967296", "-w", "1", "--out", "OUT"),
                List.of("assess", "-a", "matmul-naive", "-n", "46340", "-w", "2", "--out", "OUT"),
                List.of("assess", "-a", "sort-jdk", "-n", "9223372036854775800..9223372036854775807:5", "-w", "1",
                        "--out", "OUT"),
                List.of("assess", "--cmd", "true", "-n", "9223372036854775800..9223372036854775807:5", "-w", "1",
                        "--out", "OUT"),
                List.of("assess", "-a", "sort-jdk", "-n", "10", "-r", "400000000", "-w", "1", "--out", "OUT"),
                List.of("assess", "-a", "sort-jdk", "-n", "10", "-w", "1", "--param", "ordr=sorted", "--out", "OUT"),
                List.of("assess", "-a", "matmul-naive", "-n", "10", "-w", "1", "--param", "block=8", "--out", "OUT"),
                List.of("assess", "-a", "sort-jdk", "-n", "10", "-w", "1", "--param", "order=sideways", "--out", "OUT"),
                List.of("assess", "-a", "matmul-blocked", "-n", "10", "-w", "1", "--param", "block=0", "--out", "OUT"),
                List.of("assess", "-a", "bogosort", "-n", "10", "-w", "1", "--out", "OUT"),
                List.of("assess", "-n", "10", "-w", "1", "--out", "OUT"),
                List.of("assess", "-a", "sort-jdk", "-w", "1", "--out", "OUT"),
                List.of("assess", "-a", "sort-jdk", "-n", ",", "-w", "1", "--out", "OUT"),
                List.of("assess", "-a", "sort-jdk", "-n", "0", "-w", "1", "--out", "OUT"),
                List.of("assess", "-a", "sort-jdk", "-n", "10..5", "-w", "1", "--out", "OUT"),
                List.of("assess", "-a", "sort-jdk", "-n", "1..100000000", "-w", "1", "--out", "OUT"),
                List.of("assess", "-a", "sort-jdk", "-n", "ten", "-w", "1", "--out", "OUT"),
                List.of("assess", "-a", "sort-jdk", "-n", "10", "-r", "0", "-w", "1", "--out", "OUT"),
                List.of("assess", "-a", "sort-jdk", "-n", "10", "-w", "0", "--out", "OUT"),
                List.of("assess", "-a", "sort-jdk", "-n", "10", "-w", "2000", "--out", "OUT"),
                List.of("assess", "-a", "sort-jdk", "-n", "10", "-w", "banana", "--out", "OUT"),
                List.of("assess", "-a", "sort-jdk", "-n", "10", "-w", "1", "--warmup", "-1", "--out", "OUT"),
                List.of("assess", "-a", "sort-jdk", "-n", "10", "-w", "1", "--warmup", "2000000000", "--out", "OUT"),
                List.of("assess", "-a", "sort-jdk", "-n", "10", "-w", "1", "--sd-limit", "0.5", "--out", "OUT"),
                List.of("assess", "-a", "sort-jdk", "-n", "10", "-w", "1", "--tolerance", "150%", "--out", "OUT"),
                List.of("assess", "-a", "sort-jdk", "-n", "10", "-w", "1", "--verify", "--out", "OUT"),
                List.of("assess", "-a", "sort-jdk", "-n", "10", "-w", "1", "--budget", "0", "--out", "OUT"),
                List.of("assess", "-a", "sort-jdk", "-n", "10", "-w", "1", "--jmh-json", "/nonexistent-dir/x.json",
                        "--out", "OUT"),
                List.of("assess", "-a", "sort-jdk", "-n", "10", "-w", "1", "--jmh-json", "EMPTY", "--out", "OUT"),
                List.of("assess", "-a", "sort-jdk", "--class", "x.Y", "-n", "10", "-w", "1", "--out", "OUT"),
                List.of("assess", "--class", "does.not.Exist", "-n", "10", "-w", "1", "--out", "OUT"),
                List.of("assess", "--cmd", "echo (", "-n", "10", "-w", "1", "--out", "OUT"),
                List.of("assess", "--class", "does.not.Exist", "--mode", "processes", "-n", "10", "-w", "1", "--out", "OUT"),
                List.of("assess", "-a", "sort-jdk", "--classpath", "/tmp", "-n", "10", "-w", "1", "--out", "OUT"),
                List.of("assess", "-a", "matmul-naive", "-n", "20000", "-w", "1", "--mode", "processes",
                        "--worker-jvm-opt=-Xmx1g", "--out", "OUT"),
                List.of("assess", "-a", "sort-jdk", "-n", "10", "-w", "1", "--out", "CLAIMED"),
                // --simulate: a malformed file, unknown keys, impossible machines, what cannot be simulated
                List.of("investigate", "--simulate", "MACHINE:{\"cores\": 16,", "--out", "OUT"),
                List.of("investigate", "--simulate", "MACHINE:[16]", "--out", "OUT"),
                List.of("investigate", "--simulate", "MACHINE:{\"cores\": 4, \"turbo\": true}", "--out", "OUT"),
                List.of("investigate", "--simulate", "MACHINE:{\"cores\": 4, \"cores\": 8}", "--out", "OUT"),
                List.of("investigate", "--simulate", "MACHINE:{\"threadsPerCore\": 2}", "--out", "OUT"),
                List.of("investigate", "--simulate", "MACHINE:{\"cores\": 0}", "--out", "OUT"),
                List.of("investigate", "--simulate", "MACHINE:{\"cores\": \"16\"}", "--out", "OUT"),
                List.of("investigate", "--simulate", "MACHINE:{\"cores\": 4, \"busyCpus\": [4]}", "--out", "OUT"),
                List.of("investigate", "--simulate", "MACHINE:{\"cores\": 4, \"busyCpus\": [1, 1]}", "--out", "OUT"),
                List.of("investigate", "--simulate", "MACHINE:{\"cores\": 4, \"threadsPerCore\": 3}", "--out", "OUT"),
                List.of("investigate", "--simulate", "MACHINE:{\"cores\": 4, \"smtSlowdown\": 0.5}", "--out", "OUT"),
                List.of("investigate", "--simulate", "MACHINE:{\"cores\": 4, \"quotaCpus\": 0}", "--out", "OUT"),
                List.of("investigate", "--simulate", "MACHINE:{\"cores\": 4, \"quotaCpus\": 9}", "--out", "OUT"),
                List.of("investigate", "--simulate", "MACHINE:{\"cores\": 4, \"noiseCv\": -0.1}", "--out", "OUT"),
                List.of("investigate", "--simulate", "MACHINE:{\"cores\": 4, \"backgroundCpus\": 5}", "--out", "OUT"),
                List.of("investigate", "--simulate", "/no/such/machine.json", "--out", "OUT"),
                List.of("investigate", "--simulate", "MACHINE:{\"cores\": 2}", "--cmd", "true", "-n", "1", "--out", "OUT"),
                List.of("assess", "--simulate", "MACHINE:{\"cores\": 2}", "--class", "no.Such", "-n", "1", "--out", "OUT"),
                List.of("assess", "--simulate", "MACHINE:{\"cores\": 2, \"seed\": 1.5}", "-a", "sort-jdk", "-n", "10",
                        "--out", "OUT"),
                List.of("sweep", "--simulate", "MACHINE:{\"cores\": 2, \"driftPerMinute\": 2}", "--out", "OUT"),
                List.of("sweep", "--simulate", "MACHINE:{\"cores\": 2}", "--cluster", "127.0.0.1:5701", "--out", "OUT"),
                // transfer
                List.of("transfer", "--bytes", ",", "--workers", "1", "--out", "OUT"),
                List.of("transfer", "--durations", ",", "--workers", "1", "--out", "OUT"),
                List.of("transfer", "--sizes", "0,1KB", "-w", "1", "--out", "OUT"),
                List.of("transfer", "-n", "0", "-w", "1", "--out", "OUT"),
                List.of("transfer", "--bytes", "3GB", "--workers", "1", "--out", "OUT"),
                List.of("transfer", "--bytes", "lots", "--workers", "1", "--out", "OUT"),
                List.of("transfer", "--mode", "fast", "--workers", "1", "--out", "OUT"),
                List.of("transfer", "--durations", "soon", "--workers", "1", "--out", "OUT"),
                List.of("transfer", "--durations", "-1ms", "--workers", "1", "--out", "OUT"),
                List.of("transfer", "--tasks", "0", "--workers", "1", "--out", "OUT"),
                List.of("transfer", "--workers", "0", "--out", "OUT"),
                List.of("transfer", "--cell-budget", "0", "--workers", "1", "--out", "OUT"),
                List.of("transfer", "--workers", "1", "--out", ""),
                List.of("transfer", "--workers", "1", "--tasks", "2000000000", "--out", "OUT"),
                List.of("transfer", "--workers", "1", "--mode", "processes", "--bytes", "512MB",
                        "--worker-jvm-opt=-Xmx256m", "--out", "OUT"),
                List.of("transfer", "--workers", "1", "--out", "NONEMPTY"),
                // compare
                List.of("compare", "/nonexistent", "/nonexistent2"),
                List.of("compare", "FILE", "FILE"),
                List.of("compare", "EMPTY", "EMPTY"),
                List.of("compare", "--noise", "abc", "EMPTY", "EMPTY"),
                List.of("compare", "--noise", "0.5", "EMPTY", "EMPTY"),
                List.of("compare", "--fail-above", "200%", "EMPTY", "EMPTY"),
                List.of("compare", "EMPTY"),
                List.of("compare", "EMPTY", "EMPTY", "--html"),
                // report
                List.of("report", "/nonexistent"),
                List.of("report", "EMPTY"),
                List.of("report"),
                List.of("report", "FILE"));
    }

    @Test
    void theTableIsLongEnough() {
        assertThat(badInputs().count()).isGreaterThanOrEqualTo(60);
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void rejectedWithOneLineAndExitCode2(List<String> template) throws IOException {
        Path cell = Files.createTempDirectory(tmp, "case");
        Path out = cell.resolve("never-created");
        Path file = Files.createFile(cell.resolve("regular.txt"));
        Path empty = Files.createDirectory(cell.resolve("empty"));
        Path nonEmpty = Files.createDirectory(cell.resolve("nonempty"));
        Files.writeString(nonEmpty.resolve("keep.txt"), "mine");
        Path claimed = Files.createDirectory(cell.resolve("claimed"));
        Files.writeString(claimed.resolve(dev.corescope.store.RunDirectory.MARKER), "pid 1, run, 2026-01-01T00:00:00Z\n");
        List<String> args = new ArrayList<>();
        for (String a : template) {
            args.add(switch (a) {
                case "OUT" -> out.toString();
                case "EMPTY" -> empty.toString();
                case "NONEMPTY" -> nonEmpty.toString();
                case "CLAIMED" -> claimed.toString();
                default -> a.startsWith("MACHINE:")
                        ? Files.writeString(cell.resolve("machine-" + args.size() + ".json"), a.substring(8)).toString()
                        : a.replace("FILE", file.toString());
            });
        }
        Set<Long> childrenBefore = children();
        Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
        boolean runsBefore = Files.exists(Path.of("runs"));

        Captured c = run(args.toArray(String[]::new));

        assertThat(c.code).as("exit code of %s (stderr: %s)", args, c.err).isEqualTo(2);
        assertThat(c.err.lines().toList()).as("stderr of %s", args).hasSize(1);
        assertThat(c.err).startsWith("corescope: ").doesNotContain("at dev.").doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(c.out).as("stdout of %s", args).isEmpty();
        assertThat(out).as("no run directory for %s", args).doesNotExist();
        assertThat(list(empty)).as("nothing written into %s by %s", empty, args).isEmpty();
        assertThat(list(nonEmpty)).as("nothing written into %s by %s", nonEmpty, args).containsExactly("keep.txt");
        assertThat(Files.readString(nonEmpty.resolve("keep.txt"))).isEqualTo("mine");
        assertThat(list(claimed)).as("nothing written into %s by %s", claimed, args)
                .containsExactly(dev.corescope.store.RunDirectory.MARKER);
        assertThat(Files.size(file)).as("%s untouched by %s", file, args).isZero();
        assertThat(Files.exists(Path.of("runs"))).as("no default run directory").isEqualTo(runsBefore);
        assertThat(children()).as("no worker JVM started by %s", args).isEqualTo(childrenBefore);
        assertThat(Thread.getAllStackTraces().keySet().stream().filter(t -> !threadsBefore.contains(t))
                .map(Thread::getName)
                .filter(n -> n.startsWith("corescope-") || n.startsWith("thread-") || n.startsWith("jvm-")))
                .as("no worker or watchdog thread started by %s", args).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void thePicocliEntryPointAgrees(List<String> template) {
        // Main.commandLine() with its own error writer: the same exit code and single line.
        if (template.stream().anyMatch(a -> List.of("OUT", "EMPTY", "NONEMPTY", "CLAIMED").contains(a) || a.contains("FILE")
                || a.startsWith("MACHINE:")
                || a.equals("/") || a.isEmpty())) {
            return; // covered above; this variant only checks errors that touch no directory of the test
        }
        java.io.StringWriter err = new java.io.StringWriter();
        var cl = Main.commandLine();
        cl.setErr(new java.io.PrintWriter(err));
        int code = cl.execute(template.toArray(String[]::new));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines().toList()).hasSize(1);
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Set<Long> children() {
        return ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    record Captured(int code, String out, String err) {
    }

    static synchronized Captured run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Captured(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
