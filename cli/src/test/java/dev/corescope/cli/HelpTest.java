package dev.corescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code corescope --help}, every {@code corescope CMD --help} and {@code corescope help CMD} print
 * their usage on stdout, exit 0, and print nothing at all on stderr (no picocli WARN about a format
 * string, nothing else). Runs {@link HelpProbe} in its own JVM: picocli's tracer writes to the
 * System.err it found when its classes loaded, which an in-process test cannot capture reliably.
 */
class HelpTest {
    @Test
    @Timeout(120)
    void everyHelpIsClean() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), HelpProbe.class.getName())
                .redirectErrorStream(false).start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(stderr).isZero();
        List<String> lines = stdout.lines().toList();
        int subcommands = Main.commandLine().getSubcommands().size();
        assertThat(lines).as(stdout + stderr).hasSize(1 + 2 * subcommands);
        assertThat(subcommands).isGreaterThanOrEqualTo(9);
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            String err = new String(Base64.getDecoder().decode(f[2]), StandardCharsets.UTF_8);
            assertThat(err).as("stderr of 'corescope %s'", f[0]).isEmpty();
            assertThat(f[1]).as("exit code of 'corescope %s'", f[0]).isEqualTo("0");
            assertThat(Integer.parseInt(f[3])).as("usage on stdout of 'corescope %s'", f[0]).isPositive();
        }
    }
}
