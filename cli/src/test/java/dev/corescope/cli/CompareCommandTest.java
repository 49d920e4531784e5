package dev.corescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corescope.store.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare}: rows matched on what defines a task and compared only where the settings agree; only measured
 * tasks (no controls, no abandoned levels); units that read at any size; refused figures said, exit 1.
 */
class CompareCommandTest {
    @TempDir
    Path tmp;

    private Path copy(String fixture, String name) throws IOException {
        Path src = Path.of("../core/src/test/resources/report-fixtures-pre14", fixture);
        Path dst = tmp.resolve(name);
        Files.createDirectories(dst);
        try (Stream<Path> files = Files.list(src)) {
            for (Path f : files.toList()) {
                Files.copy(f, dst.resolve(f.getFileName()));
            }
        }
        return dst;
    }

    private static void editSummary(Path run, Consumer<ObjectNode> edit) throws IOException {
        ObjectNode s = (ObjectNode) Json.MAPPER.readTree(run.resolve("summary.json").toFile());
        edit.accept(s);
        Files.writeString(run.resolve("summary.json"), Json.MAPPER.writeValueAsString(s));
    }

    /** Every record's times scaled by {@code factor} (and its CPU time with them). */
    private static void scaleTimes(Path run, double factor) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("records.jsonl"))) {
            ObjectNode r = (ObjectNode) Json.MAPPER.readTree(line);
            long wall = Math.max(1, Math.round(r.get("wallNanos").asLong() * factor));
            r.put("wallNanos", wall);
            r.put("endNanos", r.get("startNanos").asLong() + wall);
            r.put("cpuNanos", Math.max(1, Math.round(r.get("cpuNanos").asLong() * factor)));
            r.put("waitNanos", 0);
            out.add(Json.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(r));
        }
        Files.write(run.resolve("records.jsonl"), out);
    }

    @Test
    void runsWhoseWorkloadParametersDifferAreNotComparedAndSaySo() throws IOException {
        Path a = copy("assess", "a");
        Path b = copy("assess", "b");
        editSummary(b, s -> s.with("analysis").withArray("algorithms").forEach(alg ->
                ((ObjectNode) alg).put("workload", alg.get("workload").asText() + " order=sorted")));
        var c = BadInputTest.run("compare", a.toString(), b.toString());
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err().lines()).singleElement().asString().startsWith("corescope: no measurement of ")
                .contains("their settings differ").contains("the workload differs ('sort-jdk' and 'sort-jdk order=sorted')");
    }

    @Test
    void runsOfDifferentModesAreNotCompared() throws IOException {
        Path a = copy("sweep", "a");
        Path b = copy("sweep", "b");
        editSummary(b, s -> s.put("mode", "processes"));
        var c = BadInputTest.run("compare", a.toString(), b.toString());
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).contains("the worker mode differs (threads and processes)");
    }

    @Test
    void onlyMeasuredTasksAreComparedNeverControls() throws IOException {
        Path a = copy("assess", "a");
        Path b = copy("assess", "b");
        var c = BadInputTest.run("compare", a.toString(), b.toString(), "--format", "csv");
        assertThat(c.out()).contains("assess/sort-jdk").doesNotContain("control/");
        List<String> rows = c.out().lines().skip(1).toList();
        assertThat(rows).allMatch(r -> r.split(",")[3].equals("2")); // the level assess settled on
    }

    @Test
    void timesReadAtAnySizeAndTasksOfAFewMicrosecondsAreWarnedAbout() throws IOException {
        Path a = copy("sweep", "a");
        Path b = copy("sweep", "b");
        scaleTimes(a, 0.01); // tasks of ~17 us
        scaleTimes(b, 0.01);
        var c = BadInputTest.run("compare", a.toString(), b.toString());
        assertThat(c.out()).contains(" us").doesNotContain("0.00001").doesNotContain("0.00000");
        assertThat(c.err()).contains("tasks shorter than 1 ms").contains("pyperf");
    }

    @Test
    void tasksShorterThanTheClockResolvesAreRefusedWithTheReason() throws IOException {
        Path a = copy("sweep", "a");
        Path b = copy("sweep", "b");
        scaleTimes(a, 1e-5); // tasks of ~17 ns
        scaleTimes(b, 1e-5);
        var c = BadInputTest.run("compare", a.toString(), b.toString());
        assertThat(c.code()).isEqualTo(1);
        assertThat(c.out()).contains("refused");
        assertThat(c.err()).contains("corescope: refused: sweep at 1 worker: ").contains("the timer cannot resolve them");
    }

    @Test
    void aRunRefusedWhenItRanIsRefusedHereToo() throws IOException {
        Path a = copy("sweep", "a");
        Path b = copy("sweep", "b");
        editSummary(b, s -> s.putArray("refusals").add("sweep, 2 workers: efficiency 213% (invented)"));
        var c = BadInputTest.run("compare", a.toString(), b.toString());
        assertThat(c.code()).isEqualTo(1);
        assertThat(c.err()).contains("was refused when it ran (sweep, 2 workers: efficiency 213% (invented))");
    }

    @Test
    void aRegressionBeyondTheLimitFailsTheGate() throws IOException {
        Path a = copy("rounds", "a");
        Path b = copy("rounds", "b");
        scaleTimes(a, 1.0);
        scaleTimes(b, 1.3);
        var c = BadInputTest.run("compare", a.toString(), b.toString(), "--fail-above", "5%", "--json");
        JsonNode rows = Json.MAPPER.readTree(c.out());
        assertThat(rows.isArray()).isTrue();
        assertThat(rows.get(0).has("workload")).isTrue();
        assertThat(c.code()).isIn(0, 1);
    }
}
