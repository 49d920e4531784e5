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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input is rejected before any work starts: exit code 2, one line on stderr, no stack trace, nothing
 * on stdout, no run directory, no worker thread or worker JVM. Runs {@link Main#execute} in-process.
 */
class BadInputTest {
    @TempDir
    static Path tmp;

    /** Arguments; the token {@code OUT} is replaced by a fresh directory that must never be created. */
    static Stream<List<String>> badInputs() {
        return Stream.of(
                List.of("run", "-p", "0", "--loops", "1000", "--out", "OUT"),
                List.of("run", "-p", "2", "--loops", "-5", "--out", "OUT"),
                List.of("sweep", "--max", "2000", "--loops", "1000", "--out", "OUT"),
                List.of("sweep", "--max", "0", "--out", "OUT"),
                List.of("sweep", "--max", "2", "--mode", "banana", "--out", "OUT"),
                List.of("run", "-p", "1", "--mode", "banana", "--out", "OUT"),
                List.of("--mode", "banana"),
                List.of("sweep", "--max", "2", "--target", "abc", "--out", "OUT"),
                List.of("sweep", "--max", "2", "--target", "0", "--out", "OUT"),
                List.of("sweep", "--max", "2", "--target", "1.5parsecs", "--out", "OUT"),
                List.of("sweep", "--max", "2", "--target", "10us", "--out", "OUT"),
                List.of("sweep", "--max", "2", "--trials", "0", "--out", "OUT"),
                List.of("rounds", "--repeats", "0", "--max", "2", "--out", "OUT"),
                List.of("rounds", "--max", "2", "--out", "OUT"),
                List.of("sweep", "--max", "2", "--loops", "10", "--out", "FILE/below-a-regular-file"),
                List.of("sweep", "--max", "2", "--loops", "10", "--out", "/proc/corescope"),
                List.of("run", "--loops", "1000", "--out", "OUT"),
                List.of("banana"),
                List.of("sweep", "--max", "2", "--loops", "10", "--task-timeout", "0", "--out", "OUT"),
                List.of("run", "-p", "1", "--loops", "10", "--task-timeout", "-1s", "--out", "OUT"),
                List.of("sweep", "--max", "2", "--loops", "10", "--target", "1s", "--out", "OUT"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void rejectedWithOneLineAndExitCode2(List<String> template) throws IOException {
        Path out = Files.createTempDirectory(tmp, "case").resolve("never-created");
        Path file = Files.createTempFile(tmp, "regular", ".txt");
        List<String> args = new ArrayList<>();
        for (String a : template) {
            args.add(a.equals("OUT") ? out.toString() : a.replace("FILE", file.toString()));
        }
        Set<Long> childrenBefore = children();
        Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
        boolean runsBefore = Files.exists(Path.of("runs"));

        Captured c = run(args.toArray(String[]::new));

        assertThat(c.code).as("exit code of %s (stderr: %s)", args, c.err).isEqualTo(2);
        assertThat(c.err.lines().toList()).as("stderr of %s", args).hasSize(1);
        assertThat(c.err).startsWith("corescope: ").doesNotContain("at dev.").doesNotContain("Exception");
        assertThat(c.out).as("stdout of %s", args).isEmpty();
        assertThat(out).as("no run directory for %s", args).doesNotExist();
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
        if (template.contains("OUT") || template.stream().anyMatch(a -> a.contains("FILE"))) {
            return; // covered above; this variant only checks parse-time errors without touching the disk
        }
        java.io.StringWriter err = new java.io.StringWriter();
        var cl = Main.commandLine();
        cl.setErr(new java.io.PrintWriter(err));
        int code = cl.execute(template.toArray(String[]::new));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines().toList()).hasSize(1);
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
