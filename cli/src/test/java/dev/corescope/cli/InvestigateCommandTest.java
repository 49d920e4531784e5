package dev.corescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.corescope.store.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InvestigateCommandTest {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter err = new StringWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            var cl = Main.commandLine();
            cl.setErr(new PrintWriter(err, true));
            int code = cl.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(saved);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--tolerance=0", "--tolerance=100%", "--tolerance=150%", "--tolerance=abc", "--max=0",
        "--target=0", "--max-samples=2", "--target=5parsecs"})
    void badInputIsOneLineAndExitTwo(String option) {
        Run r = run("investigate", option, "--no-cache", "--out", tmp.resolve("x").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("corescope: ").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(tmp.resolve("x").resolve("records.jsonl")).doesNotExist();
    }

    @Test
    void jsonDocumentHasTheDocumentedFields() throws Exception {
        Run r = run("investigate", "--json", "--no-cache", "--max", "3", "--out", tmp.resolve("inv").toString());
        // a machine too busy to judge anything on (one worker alone too noisy, twice) stops the run: one line, exit 1
        org.junit.jupiter.api.Assumptions.assumeFalse(r.code() == 1 && r.err().contains("investigate stopped"),
                "this machine was too busy to investigate: " + r.err());
        // a busy machine may starve the one-worker baseline: refused, in summary.json, exit 1 (the sanity layer)
        JsonNode summary = Json.MAPPER.readTree(tmp.resolve("inv").resolve("summary.json").toFile());
        assertThat(r.code()).isEqualTo(summary.path("refusals").isEmpty() ? 0 : 1);
        JsonNode doc = Json.MAPPER.readTree(r.out());
        if (r.code() == 1) { // refused: the document is the summary, which says why
            assertThat(doc.get("refusals").size()).isPositive();
            return;
        }
        assertThat(doc.get("threshold").isInt()).isTrue();
        assertThat(doc.get("threshold").asInt()).isBetween(1, 3);
        assertThat(doc.get("explanation").asText()).isNotBlank();
        JsonNode levels = doc.get("levels");
        assertThat(levels.size()).isGreaterThanOrEqualTo(2);
        for (JsonNode l : levels) {
            assertThat(l.has("workers") && l.has("mean") && l.has("stddev") && l.has("ratio") && l.has("verdict")).isTrue();
            assertThat(l.get("verdict").asText()).isIn("ok", "worse", "unsettled");
        }
        assertThat(levels.get(0).get("workers").asInt()).isEqualTo(1);
        assertThat(tmp.resolve("inv").resolve("threshold-ratio.svg")).isNotEmptyFile();
        assertThat(tmp.resolve("inv").resolve("throughput.png")).isNotEmptyFile();
        assertThat(tmp.resolve("inv").resolve("summary.json")).isNotEmptyFile();
    }
}
