package dev.corescope.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.corescope.analysis.LevelSummary;
import dev.corescope.analysis.SampleStats;
import dev.corescope.exec.WorkerMode;
import dev.corescope.store.Json;
import dev.corescope.store.RunDirectory;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** summary.json is the result's JSON: every old summary reads back into its family, and a result round-trips. */
class ResultsTest {
    @TempDir
    Path tmp;

    static Path fixture(String name) {
        try {
            return Path.of(ResultsTest.class.getResource("/" + name + "/summary.json").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"report-fixtures", "report-fixtures-pre14"})
    void everyOldSummaryReadsIntoTheFamilyOfItsCommand(String set) throws IOException {
        for (String command : List.of("investigate", "run", "sweep", "rounds", "assess", "transfer")) {
            Path file = fixture(set + "/" + command);
            JsonNode tree = Json.MAPPER.readTree(file.toFile());
            RunResult r = Results.read(file);
            assertThat(r.run().runId()).isEqualTo(tree.get("runId").asText());
            assertThat(r.failures()).isEqualTo(tree.get("failures").asInt());
            assertThat(r.remarks().notes()).hasSize(tree.get("notes").size());
            switch (command) {
                case "investigate" -> {
                    InvestigateResult i = (InvestigateResult) r;
                    assertThat(i.analysis().threshold()).isEqualTo(tree.get("analysis").get("threshold").asInt());
                    assertThat(i.analysis().levels()).hasSize(tree.get("analysis").get("levels").size());
                    assertThat(i.findings()).first().asString().startsWith("Threshold: ");
                    assertThat(i.findings()).last().isEqualTo(i.analysis().explanation());
                    assertThat(i.metadata().profile().quota().describe()).isEqualTo("none");
                }
                case "assess" -> {
                    AssessResult a = (AssessResult) r;
                    assertThat(a.analysis().algorithms()).hasSize(tree.get("analysis").get("algorithms").size());
                    assertThat(a.analysis().plan().workers()).isEqualTo(tree.get("analysis").get("workers").asInt());
                    assertThat(a.measured().levels()).hasSize(tree.get("levels").size());
                }
                case "transfer" -> {
                    TransferResult t = (TransferResult) r;
                    assertThat(t.cells()).hasSize(tree.get("cells").size());
                    assertThat(t.verdicts()).hasSize(tree.get("verdicts").size());
                    assertThat(t.setup().workers()).isEqualTo(tree.get("workers").asInt());
                    assertThat(t.findings()).contains(t.verdicts().get(0).conclusion());
                }
                default -> {
                    LevelRunResult l = (LevelRunResult) r;
                    assertThat(l.run().command()).isEqualTo(command);
                    assertThat(l.measured().levels()).hasSize(tree.get("levels").size());
                    assertThat(l.findings()).isEqualTo(l.remarks().notes());
                }
            }
        }
    }

    @Test
    void aTransferSummaryWithoutCommandIsATransfers() throws IOException {
        assertThat(Json.MAPPER.readTree(fixture("report-fixtures/transfer").toFile()).has("command")).isFalse();
        assertThat(Results.read(fixture("report-fixtures/transfer"))).isInstanceOf(TransferResult.class);
    }

    @Test
    void aWrittenResultReadsBackEqualWithItsNaNs() throws IOException {
        LevelSummary level = new LevelSummary("sweep", 1, 1, 1, 0, 0.5, new SampleStats(1, 0.5, Double.NaN, 0.5, 0.5, 0.5,
                0.5, 0.5, Double.NaN, Double.NaN), Double.NaN, 0.01, 2.0, 1.0, 1.0);
        LevelRunResult written = new LevelRunResult(new RunInfo("r", "sweep", List.of("corescope", "sweep"), "a", "b", true),
                new Measured(WorkerMode.THREADS, "spin", null, List.of(12.5), List.of(level)),
                new Remarks(0, List.of(), List.of("e"), List.of("n"), List.of("w")), null);
        RunDirectory dir = RunDirectory.create(tmp.resolve("run"), "sweep");
        assertThat(Results.write(dir, written)).isTrue();
        String json = Files.readString(dir.file("summary.json"));
        assertThat(json).contains("\"sd\" : null").contains("\"command\" : \"sweep\"").contains("\"mode\" : \"threads\"").doesNotContain("\"run\"")
                .doesNotContain("\"measured\"");
        assertThat(Results.read(dir.file("summary.json"))).isEqualTo(written);
    }
}
