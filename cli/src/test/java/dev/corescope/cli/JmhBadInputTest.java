package dev.corescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.experiment.jmh.JmhFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to {@code corescope jmh}: one line, exit 2, nothing run, no run directory. */
class JmhBadInputTest {
    @Test
    void badInputIsOneLineAndExitTwo(@TempDir Path tmp) throws Exception {
        JmhFixture.Built b = JmhFixture.build(JmhFixture.CURRENT);
        Path text = Files.writeString(tmp.resolve("notes.jar"), "not a jar");
        Path out = tmp.resolve("never");
        String jar = b.jar().toString();
        Path jopt = b.libs().stream().filter(l -> l.getFileName().toString().startsWith("jopt")).findFirst().orElseThrow();
        Path core = b.libs().stream().filter(l -> l.getFileName().toString().startsWith("jmh-core")).findFirst().orElseThrow();
        List<List<String>> cases = List.of(
                List.of("jmh"),
                List.of("jmh", tmp.resolve("missing.jar").toString()),
                List.of("jmh", text.toString()),
                List.of("jmh", jopt.toString()),
                List.of("jmh", core.toString()),
                List.of("jmh", "--classpath", b.classes().toString()),
                List.of("jmh", jar, "NoSuchBenchmark"),
                List.of("jmh", jar, "--", "-rf", "csv"),
                List.of("jmh", jar, "--", "-o", "out.txt"),
                List.of("jmh", jar, "--", "-wm", "BULK"),
                List.of("jmh", jar, "--", "-zzz"),
                List.of("jmh", jar, "--", "-f", "many"),
                List.of("jmh", jar, "-e", "Quick"),
                List.of("jmh", jar, "--controls", "150%"),
                List.of("jmh", jar, "--workers", "0"),
                List.of("jmh", jar, "--workers", "4096"),
                List.of("jmh", jar, "--task-timeout", "0s"),
                List.of("jmh", jar, "--worker-jvm-opt=-Xmx1g"));
        for (List<String> c : cases) {
            List<String> args = new ArrayList<>(c);
            args.add(1, "--out");
            args.add(2, out.toString());
            JmhCommandTest.Ran r = JmhCommandTest.run(args.toArray(String[]::new));
            assertThat(r.code()).as(c + ": " + r.err()).isEqualTo(2);
            assertThat(r.err().strip().lines()).as(c.toString()).hasSize(1);
            assertThat(r.err()).as(c.toString()).startsWith("corescope: ").doesNotContain("Exception", "\tat ");
            assertThat(r.out()).as(c.toString()).isEmpty();
            assertThat(out).as(c.toString()).doesNotExist();
        }
    }
}
