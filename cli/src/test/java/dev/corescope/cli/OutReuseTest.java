package dev.corescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A second run on the same --out is refused with exit 2, one after the other and at the same time. */
class OutReuseTest {
    @TempDir
    Path tmp;

    @Test
    void aSecondRunOnTheSameOutIsRefusedAndLeavesTheFirstAlone() throws Exception {
        Path out = tmp.resolve("run");
        var first = BadInputTest.run("run", "-w", "1", "--loops", "1000", "-q", "--out", out.toString());
        assertThat(first.code()).as(first.err()).isZero();
        byte[] records = Files.readAllBytes(out.resolve("records.jsonl"));
        byte[] summary = Files.readAllBytes(out.resolve("summary.json"));

        var second = BadInputTest.run("run", "-w", "1", "--loops", "1000", "-q", "--out", out.toString());
        assertThat(second.code()).isEqualTo(2);
        assertThat(second.err().lines().toList()).hasSize(1);
        assertThat(second.err()).startsWith("corescope: output directory " + out).contains("already holds a run");
        assertThat(Files.readAllBytes(out.resolve("records.jsonl"))).isEqualTo(records);
        assertThat(Files.readAllBytes(out.resolve("summary.json"))).isEqualTo(summary);
    }

    @Test
    @Timeout(120)
    void ofTwoRunsStartedTogetherOnOneOutExactlyOneRuns() throws Exception {
        Path out = tmp.resolve("shared");
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "run", "-w", "2", "--loops", "2000000", "-q", "--out", out.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(tmp.resolve("err-" + i).toFile());
            pb.environment().put("CORESCOPE_HOME", tmp.resolve("home").toString());
            ps.add(pb.start());
        }
        List<Integer> codes = new ArrayList<>();
        for (Process p : ps) {
            assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
            codes.add(p.exitValue());
        }
        assertThat(codes).containsExactlyInAnyOrder(0, 2);
        String refused = Files.readString(tmp.resolve("err-" + codes.indexOf(2)));
        assertThat(refused.lines().toList()).hasSize(1);
        assertThat(refused).startsWith("corescope: output directory " + out);
        List<String> lines = Files.readAllLines(out.resolve("records.jsonl"));
        assertThat(lines).as("the records of one run only").hasSize(2);
        assertThat(lines.stream().map(l -> l.replaceAll(".*\"pid\":(\\d+).*", "$1")).distinct()).hasSize(1);
    }
}
