package dev.corescope.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.Hazelcast;
import dev.corescope.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad cluster input, on {@code member} and on the coordinator side of {@code sweep}/{@code assess}: exit
 * code 2 and one line on stderr before anything starts (no Hazelcast instance, no worker JVM, nothing on
 * stdout). Runs {@link Main#execute} in-process. Every case that gets as far as the key names a key
 * file in a temporary directory (tokens {@code KEY}, {@code OPENKEY}, {@code DIR}, {@code MISSING}), so
 * the user's {@code ~/.corescope} is never touched.
 */
class ClusterBadInputTest {
    @TempDir
    static Path tmp;
    static Path key;
    static Path openKey;

    @BeforeAll
    static void keys() throws IOException {
        key = KeyFile.loadOrCreate(tmp.resolve("good").resolve(KeyFile.FILE_NAME)).path();
        openKey = tmp.resolve("open.key");
        Files.writeString(openKey, "k".repeat(64));
        Files.setPosixFilePermissions(openKey, PosixFilePermissions.fromString("rw-r--r--"));
    }

    static Stream<List<String>> badInputs() {
        return Stream.of(
                List.of("member", "--cluster-name", "", "--secret-file", "KEY"),
                List.of("member", "--members", "127.0.0.1:99999", "--secret-file", "KEY"),
                List.of("member", "--members", "127.0.0.1", "--secret-file", "KEY"),
                List.of("member", "--members", ",", "--secret-file", "KEY"),
                List.of("member", "--bind", "999.1.1.1", "--secret-file", "KEY"),
                List.of("member", "--bind", "192.0.2.77", "--secret-file", "KEY"),
                List.of("member", "--threshold", "0", "--secret-file", "KEY"),
                List.of("member", "--port", "70000", "--secret-file", "KEY"),
                List.of("member", "--advertise", "bad host:5701", "--secret-file", "KEY"),
                List.of("member", "--allow-class", "MISSING", "--secret-file", "KEY"),
                List.of("member", "--secret-file", "MISSING"),
                List.of("member", "--secret-file", "DIR"),
                List.of("member", "--secret-file", "OPENKEY"),
                List.of("sweep", "--cluster", ",", "--loops", "10", "--secret-file", "KEY"),
                List.of("sweep", "--cluster", "127.0.0.1:99999", "--loops", "10", "--secret-file", "KEY"),
                List.of("sweep", "--cluster", "127.0.0.1:5701,", "--loops", "10", "--secret-file", "KEY"),
                List.of("sweep", "--cluster", "127.0.0.1:5701", "--cluster-name", "", "--loops", "10", "--secret-file", "KEY"),
                List.of("sweep", "--cluster", "127.0.0.1:5701", "--bind", "999.1.1.1", "--loops", "10", "--secret-file", "KEY"),
                List.of("sweep", "--cluster", "127.0.0.1:5701", "--bind", "127.0.0.1:99999", "--loops", "10",
                        "--secret-file", "KEY"),
                List.of("sweep", "--cluster", "127.0.0.1:5701", "--advertise", "x:0", "--loops", "10", "--secret-file", "KEY"),
                List.of("sweep", "--cluster", "127.0.0.1:5701", "--loops", "10", "--secret-file", "MISSING"),
                List.of("sweep", "--cluster", "127.0.0.1:5701", "--loops", "10", "--secret-file", "DIR"),
                List.of("sweep", "--cluster", "127.0.0.1:5701", "--loops", "10", "--secret-file", "OPENKEY"),
                List.of("sweep", "--bind", "127.0.0.1", "--loops", "10", "--secret-file", "KEY"),
                List.of("assess", "-a", "sort-merge", "-n", "10", "--cluster", ",", "--secret-file", "KEY"),
                List.of("assess", "--cmd", "true", "-n", "1", "--cluster", "127.0.0.1:99999", "--secret-file", "KEY"),
                List.of("assess", "-a", "sort-merge", "-n", "10", "--cluster", "127.0.0.1:5701", "--bind", "999.1.1.1",
                        "--secret-file", "KEY"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a case that starts a member would block
    void rejectedWithOneLineAndExitCode2BeforeAnythingStarts(List<String> template) {
        List<String> args = template.stream().map(a -> switch (a) {
            case "KEY" -> key.toString();
            case "OPENKEY" -> openKey.toString();
            case "DIR" -> tmp.toString();
            case "MISSING" -> tmp.resolve("missing").toString();
            default -> a;
        }).toList();
        Set<Long> childrenBefore = children();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.execute(args.toArray(String[]::new));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as("exit code of %s (stderr: %s)", args, stderr).isEqualTo(2);
        assertThat(stderr.lines().toList()).as("stderr of %s", args).hasSize(1);
        assertThat(stderr).startsWith("corescope: ").doesNotContain("Exception").doesNotContain("at dev.");
        assertThat(out.toString(StandardCharsets.UTF_8)).as("stdout of %s", args).isEmpty();
        assertThat(Hazelcast.getAllHazelcastInstances()).as("no Hazelcast instance for %s", args).isEmpty();
        assertThat(children()).as("no process started by %s", args).isEqualTo(childrenBefore);
        System.out.println(args + " -> " + stderr.trim());
    }

    private static Set<Long> children() {
        return ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
    }
}
