package dev.corescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corescope.experiment.JmhResult;
import dev.corescope.experiment.Results;
import dev.corescope.experiment.jmh.JmhFixture;
import dev.corescope.experiment.jmh.JmhRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A benchmark that throws, one whose JVM dies and one that hangs: each reported, the suite goes on, exit 1. */
class JmhFaultTest {
    private static final String[] TINY = {"-f", "1", "-wi", "0", "-i", "1", "-r", "50ms", "-p", "n=10"};

    private static JmhCommandTest.Ran run(Path out, List<String> options) {
        List<String> head = new ArrayList<>(List.of("jmh", JmhFixture.build(JmhFixture.CURRENT).jar().toString(),
                "--workers", "2", "--controls", "0%", "--out", out.toString(), "-q"));
        head.addAll(options);
        return JmhCommandTest.run(JmhCommandTest.args(head, TINY));
    }

    @Test
    void aBenchmarkThatThrowsAndOneWhoseJvmDiesAreReportedAndTheSuiteGoesOn(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        JmhCommandTest.Ran r = run(out, List.of("fixture.Faulty.fails", "fixture.Faulty.crashes", "fixture.Quick.sum"));
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.err()).contains("2 benchmark result(s) failed", "fixture.Faulty.fails", "fixture.Faulty.crashes");
        JmhResult result = (JmhResult) Results.read(out.resolve("summary.json"));
        assertThat(result.jmh().failures()).extracting(JmhRun.Failure::status).containsExactlyInAnyOrder("failed", "crashed");
        assertThat(result.jmh().failures()).anySatisfy(f -> assertThat(f.reason())
                .contains("IllegalStateException: boom in the benchmark"));
        assertThat(result.jmh().failures()).anySatisfy(f -> assertThat(f.reason()).contains("exit code 134"));
        assertThat(r.out()).contains("FAILED", "Quick.sum");
        // the benchmark that worked is in JMH's file, the failed ones are not (as JMH leaves them out)
        JsonNode merged = new ObjectMapper().readTree(out.resolve("jmh-result.json").toFile());
        assertThat(merged).hasSize(1);
        assertThat(merged.get(0).get("benchmark").asText()).isEqualTo("fixture.Quick.sum");
        List<String> lines = Files.readAllLines(out.resolve("records.jsonl"));
        assertThat(lines).anyMatch(l -> l.contains("\"status\":\"crashed\"")).anyMatch(l -> l.contains("\"status\":\"failed\""))
                .anyMatch(l -> l.contains("\"status\":\"ok\""));
    }

    @Test
    void aBenchmarkThatHangsIsKilledAtTheTimeout(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        // a time limit a tiny fork keeps even on a loaded machine, which the hanging one cannot
        JmhCommandTest.Ran r = run(out, List.of("fixture.Faulty.hangs", "fixture.Quick.sum", "--task-timeout", "20s"));
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.err()).contains("1 benchmark result(s) failed", "fixture.Faulty.hangs", "still running after 20 s");
        JmhResult result = (JmhResult) Results.read(out.resolve("summary.json"));
        assertThat(result.jmh().failures()).extracting(JmhRun.Failure::status).containsExactly("timeout");
        assertThat(result.jmh().benchmarks()).filteredOn(b -> !b.failed()).extracting(JmhRun.Benchmark::benchmark)
                .containsExactly("fixture.Quick.sum");
        assertThat(Files.readAllLines(out.resolve("records.jsonl"))).anyMatch(l -> l.contains("\"status\":\"timeout\""));
        // killed with its process group: no JMH JVM of the run is left
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("")
                .contains(out.toString()))).isEmpty();
    }
}
