package dev.corescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL leaves records.jsonl and no summary; {@code report} rebuilds one from the
 * records (a torn last line skipped with one warning), and {@code compare} compares the records.
 */
@EnabledOnOs(OS.LINUX)
class KillTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(180)
    void reportAndCompareWorkOnARunKilledMidway() throws Exception {
        Path out = tmp.resolve("killed");
        Path records = out.resolve("records.jsonl");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "sweep", "--max", "3", "--trials", "20", "--target", "100ms", "-q", "--out", out.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(tmp.resolve("err").toFile());
        pb.environment().put("CORESCOPE_HOME", tmp.resolve("home").toString());
        Process cli = pb.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (lines(records) < 4) {
                assertThat(cli.isAlive()).as("still running; stderr: %s", Files.readString(tmp.resolve("err"))).isTrue();
                assertThat(System.nanoTime()).as("4 records within 120 s").isLessThan(deadline);
                Thread.sleep(10);
            }
            new ProcessBuilder("kill", "-KILL", Long.toString(cli.pid())).inheritIO().start().waitFor();
            assertThat(cli.waitFor(15, TimeUnit.SECONDS)).isTrue();
        } finally {
            cli.destroyForcibly();
        }
        assertThat(out.resolve("summary.json")).as("SIGKILL leaves no summary").doesNotExist();
        long kept = lines(records);
        // as if the kill had come in the middle of a write
        Files.writeString(records, "{\"runId\":\"killed\",\"experiment\":\"swe", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        var report = BadInputTest.run("report", out.toString());
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(report.out().strip()).isEqualTo(out.resolve("report.html").toString());
        List<String> warnings = report.err().lines().toList();
        assertThat(warnings).hasSize(2).allMatch(w -> w.startsWith("corescope: warning: "));
        assertThat(warnings.get(0)).contains("torn last line");
        assertThat(warnings.get(1)).contains("summary.json is missing").contains("rebuilt from records.jsonl")
                .contains(kept + " task records");
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("<title>corescope sweep").contains("interrupted").contains("<h2>Results</h2>")
                .contains("summary.json is missing");
        assertThat(out.resolve("summary.json")).as("report writes no summary of its own").doesNotExist();

        var compare = BadInputTest.run("compare", out.toString(), out.toString());
        // the killed run's levels may be refused (a starved one-worker level on a busy machine): said, exit 1
        assertThat(compare.code()).as(compare.err()).isEqualTo(compare.err().contains("corescope: refused: ") ? 1 : 0);
        assertThat(compare.out()).contains("sweep");
        assertThat(compare.err().lines().filter(w -> w.contains("torn last line"))).hasSize(2);
        assertThat(compare.err().lines()).allMatch(w -> w.startsWith("corescope: warning: ")
                || w.startsWith("corescope: refused: "));
    }

    private static long lines(Path file) throws java.io.IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        long n = 0;
        for (byte b : Files.readAllBytes(file)) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }
}
