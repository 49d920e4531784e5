package dev.corescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code report} and {@code compare} read the run directories of earlier versions, one per command:
 * {@code report-fixtures/} (written when the HTML report came, issue 6) and {@code report-fixtures-pre14/}
 * (written by the version just before the result types of issue 14: assess with its certification,
 * investigate of a workload, transfer in both modes). The files are kept as those versions wrote them.
 */
class OldRunDirectoriesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<String> fixtures() {
        List<String> all = new ArrayList<>();
        for (String set : List.of("report-fixtures", "report-fixtures-pre14")) {
            for (String name : List.of("investigate", "run", "sweep", "rounds", "assess", "transfer")) {
                all.add(set + "/" + name);
            }
        }
        all.add("report-fixtures-pre14/investigate-workload");
        return all;
    }

    static Path copy(String fixture, Path tmp) throws IOException {
        Path src;
        try {
            src = Path.of(OldRunDirectoriesTest.class.getResource("/" + fixture).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path dst = tmp.resolve(fixture.replace('/', '-'));
        Files.createDirectories(dst);
        try (Stream<Path> files = Files.list(src)) {
            for (Path f : files.toList()) {
                Files.copy(f, dst.resolve(f.getFileName()));
            }
        }
        return dst;
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void reportReadsEveryOldRunDirectory(String fixture, @TempDir Path tmp) throws IOException {
        Path dir = copy(fixture, tmp);
        JsonNode s = JSON.readTree(dir.resolve("summary.json").toFile());
        var r = BadInputTest.run("report", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("warning");
        String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
        String command = fixture.substring(fixture.lastIndexOf('/') + 1).replace("-workload", "");
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>corescope " + command);
        JsonNode a = s.path("analysis");
        switch (command) {
            case "investigate" -> {
                int t = a.get("threshold").asInt();
                assertThat(html).contains("<h2>Threshold verdict</h2>")
                        .contains("Threshold: <b>" + t + " worker" + (t == 1 ? "" : "s") + "</b>")
                        .contains(escape(a.get("explanation").asText()));
                for (JsonNode l : a.get("levels")) {
                    assertThat(html).contains(">" + l.get("verdict").asText());
                }
                assertThat(html).contains("<h2>Machine</h2>");
            }
            case "assess" -> {
                assertThat(html).contains("<h2>Assessment</h2>").contains("<h3>Complexity fit</h3>")
                        .contains(escape(a.get("speedupNote").asText()));
                for (JsonNode alg : a.get("algorithms")) {
                    assertThat(html).contains("<h3>" + alg.get("algorithm").asText() + "</h3>");
                    if (alg.has("certification")) {
                        assertThat(html).contains(escape(alg.get("certification").get("verdict").asText()));
                    }
                }
            }
            case "transfer" -> {
                assertThat(html).contains("<h2>When parallelism pays</h2>");
                for (JsonNode v : s.get("verdicts")) {
                    assertThat(html).contains(escape(v.get("conclusion").asText()));
                }
                assertThat(count(html, "<td>threads</td>") + count(html, "<td>processes</td>"))
                        .isEqualTo(s.get("cells").size());
            }
            default -> {
                assertThat(html).contains("<h2>Results</h2>").doesNotContain("Threshold verdict");
                assertThat(count(html, "<tr>")).isGreaterThanOrEqualTo(s.get("levels").size() + 1);
            }
        }
        for (JsonNode n : s.path("notes")) {
            assertThat(html).contains(escape(n.asText()));
        }
        for (JsonNode w : s.path("warnings")) {
            assertThat(html).contains(escape(w.asText()));
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void compareReadsEveryOldRunDirectory(String fixture, @TempDir Path tmp) throws IOException {
        Path a = copy(fixture, tmp.resolve("a"));
        Path b = copy(fixture, tmp.resolve("b"));
        var r = BadInputTest.run("compare", a.toString(), b.toString(), "--format", "csv");
        // these runs were measured on a busy machine: some of their levels are refused (exit 1), and said
        assertThat(r.code()).as(r.err()).isIn(0, 1);
        assertThat(r.err().lines()).allMatch(l -> l.startsWith("corescope: warning: ") || l.startsWith("corescope: refused: "));
        assertThat(r.code() == 1).isEqualTo(r.err().contains("corescope: refused: "));
        Map<String, Integer> measurements = new TreeMap<>();
        for (String line : Files.readAllLines(a.resolve("records.jsonl"))) {
            JsonNode rec = JSON.readTree(line);
            if ("ok".equals(rec.get("status").asText())) {
                measurements.merge(rec.get("experiment").asText() + "," + rec.get("level").asInt() + ","
                        + rec.get("size").asLong(), 1, Integer::sum);
            }
        }
        // experiment, workload, mode, workers, size, n before, n after, ..., ratio, CI, verdict: a run against itself;
        // only measured tasks: no warm-ups, no one-worker controls
        List<String> rows = r.out().lines().skip(1).toList();
        assertThat(rows).isNotEmpty();
        for (String row : rows) {
            String[] f = row.split(",");
            String key = f[0] + "," + f[3] + "," + f[4];
            assertThat(measurements).as(row).containsKey(key); // transfer's cells split a level and size
            assertThat(Integer.parseInt(f[5])).as(row).isLessThanOrEqualTo(measurements.get(key));
            assertThat(f[5]).isEqualTo(f[6]);
            assertThat(f[0]).doesNotStartWith("control/").doesNotStartWith("verify/").doesNotContain("warmup")
                    .doesNotStartWith("pilot/");
            assertThat(f[f.length - 1]).isIn("no change", "inconclusive", "refused");
            assertThat(f[9]).isIn("1.000", "-");
        }
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }
}
