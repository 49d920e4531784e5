package dev.corescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An error nobody expected — an OutOfMemoryError here — ends with one line and exit code 1, never a
 * stack trace; {@code --debug} (anywhere on the command line) or CORESCOPE_DEBUG adds the trace.
 */
class UnexpectedErrorTest {
    @TempDir
    Path tmp;

    @Test
    void anErrorOnTheMainThreadIsOneLineAndExitOne() {
        var c = BadInputTest.run("assess", "--class", FailingWorkloads.OomOnLoad.class.getName(), "-n", "1", "-w", "1",
                "--out", tmp.resolve("a").toString());
        assertThat(c.code()).as(c.err()).isEqualTo(1);
        assertThat(c.err().lines().toList()).hasSize(1);
        assertThat(c.err()).startsWith("corescope: error: out of memory (Java heap space (thrown by a test))")
                .contains("--debug").doesNotContain("\tat ").doesNotContain("Exception in thread");
    }

    @Test
    void debugShowsTheTraceWhereverItIsGiven() {
        var before = BadInputTest.run("--debug", "assess", "--class", FailingWorkloads.OomOnLoadToo.class.getName(),
                "-n", "1", "-w", "1", "--out", tmp.resolve("b").toString());
        var after = BadInputTest.run("assess", "--class", FailingWorkloads.OomOnLoadThree.class.getName(), "-n", "1",
                "-w", "1", "--out", tmp.resolve("c").toString(), "--debug");
        for (var c : List.of(before, after)) {
            assertThat(c.code()).as(c.err()).isEqualTo(1);
            assertThat(c.err().lines().findFirst().orElse("")).startsWith("corescope: error: out of memory");
            assertThat(c.err()).contains("java.lang.OutOfMemoryError").contains("\tat dev.corescope.cli.FailingWorkloads");
        }
    }

    @Test
    void debugIsAGlobalOptionOfEveryCommand() {
        var cl = Main.commandLine();
        assertThat(cl.getCommandSpec().findOption("--debug")).isNotNull();
        cl.getSubcommands().forEach((name, sub) ->
                assertThat(sub.getCommandSpec().findOption("--debug")).as(name).isNotNull());
    }

    @Test
    @Timeout(120)
    void anErrorInAnotherThreadIsOneLineAndExitOneAndTheEnvironmentShowsTheTrace() throws Exception {
        Result plain = cli(false, tmp.resolve("d"));
        assertThat(plain.exit).as(plain.err).isEqualTo(1);
        assertThat(plain.err.lines().toList()).as(plain.err).hasSize(1);
        assertThat(plain.err).startsWith("corescope: error in thread corescope-probe: out of memory")
                .doesNotContain("\tat ").doesNotContain("Exception in thread");
        assertThat(tmp.resolve("d").resolve("summary.json")).as("the shutdown hook still writes the partial summary")
                .exists();

        Result debug = cli(true, tmp.resolve("e"));
        assertThat(debug.exit).isEqualTo(1);
        assertThat(debug.err).contains("out of memory").contains("\tat dev.corescope.cli.FailingWorkloads");
        assertThat(debug.err.lines().filter(l -> l.startsWith("corescope")).toList()).hasSize(1);
    }

    private record Result(int exit, String err) {
    }

    private Result cli(boolean debugEnv, Path out) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), UncaughtProbe.class.getName(),
                out.resolve("records.jsonl").toString(),
                "sweep", "--max", "3", "--trials", "5", "--target", "200ms", "-q", "--out", out.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(tmp.resolve(out.getFileName() + ".err").toFile());
        pb.environment().put("CORESCOPE_HOME", tmp.resolve("home").toString());
        pb.environment().remove("CORESCOPE_DEBUG");
        if (debugEnv) {
            pb.environment().put("CORESCOPE_DEBUG", "1");
        }
        Process p = pb.start();
        try {
            assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("the CLI exits").isTrue();
        } finally {
            p.destroyForcibly();
        }
        return new Result(p.exitValue(), Files.readString(tmp.resolve(out.getFileName() + ".err"), StandardCharsets.UTF_8));
    }
}
