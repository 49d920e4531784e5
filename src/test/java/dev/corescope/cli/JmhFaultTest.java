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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A benchmark that throws, one whose JVM dies and one that hangs: each reported, the suite goes on, exit 1. */
class JmhFaultTest {
    @Test
    void failuresAreReportedAndTheSuiteGoesOn(@TempDir Path tmp) throws Exception {
        JmhFixture.Built b = JmhFixture.build(JmhFixture.CURRENT);
        Path out = tmp.resolve("run");
        JmhCommandTest.Ran r = JmhCommandTest.run(JmhCommandTest.args(List.of("jmh", b.jar().toString(), "fixture.Faulty",
                "fixture.Quick.sum", "--workers", "2", "--controls", "0%", "--task-timeout", "6s", "--out", out.toString(),
                "-q"), "-f", "1", "-wi", "0", "-i", "1", "-r", "50ms", "-p", "n=10"));
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.err()).contains("3 benchmark result(s) failed", "fixture.Faulty.fails", "fixture.Faulty.crashes",
                "fixture.Faulty.hangs");
        JmhResult result = (JmhResult) Results.read(out.resolve("summary.json"));
        assertThat(result.jmh().failures()).extracting(JmhRun.Failure::status)
                .containsExactlyInAnyOrder("failed", "crashed", "timeout");
        assertThat(result.jmh().failures()).anySatisfy(f -> assertThat(f.reason())
                .contains("IllegalStateException: boom in the benchmark"));
        assertThat(result.jmh().failures()).anySatisfy(f -> assertThat(f.reason()).contains("exit code 134"));
        assertThat(result.jmh().failures()).anySatisfy(f -> assertThat(f.reason()).contains("still running after 6 s"));
        assertThat(r.out()).contains("FAILED", "Quick.sum");
        // the benchmark that worked is in JMH's file, the failed ones are not (as JMH leaves them out)
        JsonNode merged = new ObjectMapper().readTree(out.resolve("jmh-result.json").toFile());
        assertThat(merged).hasSize(1);
        assertThat(merged.get(0).get("benchmark").asText()).isEqualTo("fixture.Quick.sum");
        List<String> lines = Files.readAllLines(out.resolve("records.jsonl"));
        assertThat(lines).anyMatch(l -> l.contains("\"status\":\"timeout\"")).anyMatch(l -> l.contains("\"status\":\"crashed\""))
                .anyMatch(l -> l.contains("\"status\":\"failed\"")).anyMatch(l -> l.contains("\"status\":\"ok\""));
    }
}
