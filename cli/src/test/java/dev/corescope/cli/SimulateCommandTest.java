package dev.corescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.corescope.store.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --simulate}: what a simulated run prints, writes and draws says SIMULATED; nothing simulated enters
 * the threshold cache; the same file and seed give the same records, byte for byte.
 */
class SimulateCommandTest {
    @TempDir
    Path tmp;

    private Path machine(String json) throws IOException {
        return Files.writeString(tmp.resolve("machine-" + Math.abs(json.hashCode()) + ".json"), json);
    }

    /** The CLI in a JVM of its own, with {@code home} as CORESCOPE_HOME; its stdout. */
    private String cli(Path home, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()) // assess's own investigate writes runs/ here
                .redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile());
        pb.environment().put("CORESCOPE_HOME", home.toString());
        Process p = pb.start();
        assertThat(p.waitFor(100, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(tmp.resolve("err.txt"));
        assertThat(p.exitValue()).as(err).isIn(0, 1);
        return Files.readString(tmp.resolve("out.txt"));
    }

    @Test
    @Timeout(200)
    void investigateAndAssessSaySimulatedEverywhereAndCacheNothing() throws Exception {
        Path m = machine("{\"cores\": 4, \"threadsPerCore\": 2, \"smtSlowdown\": 1.3, \"busyCpus\": [7], \"seed\": 2}");
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path inv = tmp.resolve("inv");
        String out = cli(home, "investigate", "--simulate", m.toString(), "-q", "--html", "--out", inv.toString());
        assertThat(out).contains("SIMULATED run on " + m).contains("SIMULATED machine: 4 cores × 2 threads")
                .contains("CPU: SIMULATED CPU, 1 package, 4 physical cores, 8 logical CPUs (SMT)")
                .contains("SIMULATED machine)").contains("s of SIMULATED measurement")
                .contains("Threshold not cached: the machine is SIMULATED");
        JsonNode summary = Json.MAPPER.readTree(inv.resolve("summary.json").toFile());
        JsonNode spec = summary.path("metadata").path("profile").path("simulated");
        assertThat(spec.path("cores").asInt()).isEqualTo(4);
        assertThat(spec.path("busyCpus").get(0).asInt()).isEqualTo(7);
        // the charts' titles: ThresholdChartsTest (an SVG holds its text as shapes)
        assertThat(Files.readString(inv.resolve("report.html"))).contains("SIMULATED machine: 4 cores");

        Path as = tmp.resolve("assess");
        String assessed = cli(home, "assess", "--simulate", m.toString(), "-a", "sort-merge", "-n", "100000,200000",
                "-r", "10", "-q", "--out", as.toString());
        assertThat(assessed).contains("SIMULATED run on " + m).contains("investigate measured");
        assertThat(tmp.resolve("runs")).as("the investigate assess ran first").isDirectory();
        assertThat(Json.MAPPER.readTree(as.resolve("summary.json").toFile()).path("metadata").path("profile")
                .path("simulated").path("threadsPerCore").asInt()).isEqualTo(2);
        try (Stream<Path> files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("nothing simulated is cached")
                    .noneMatch(n -> n.startsWith("threshold"));
        }
    }

    @Test
    @Timeout(120)
    void theSameFileAndSeedGiveTheSameRecordsByteForByte() throws Exception {
        Path m = machine("{\"cores\": 6, \"threadsPerCore\": 2, \"smtSlowdown\": 1.2, \"quotaCpus\": null, "
                + "\"busyCpus\": [1], \"backgroundCpus\": 0.7, \"noiseCv\": 0.03, \"driftPerMinute\": 0.02, \"seed\": 5}");
        byte[][] records = new byte[2][];
        for (int i = 0; i < 2; i++) {
            Path out = tmp.resolve("run-" + i).resolve("same");
            var c = BadInputTest.run("investigate", "--simulate", m.toString(), "-q", "--json", "--out", out.toString());
            assertThat(c.code()).as(c.err()).isIn(0, 1);
            records[i] = Files.readAllBytes(out.resolve("records.jsonl"));
        }
        assertThat(records[0].length).isGreaterThan(1000);
        assertThat(records[1]).isEqualTo(records[0]);
        Path other = machine(new String(Files.readAllBytes(m), StandardCharsets.UTF_8).replace("\"seed\": 5", "\"seed\": 6"));
        Path out = tmp.resolve("run-2").resolve("same");
        BadInputTest.run("investigate", "--simulate", other.toString(), "-q", "--json", "--out", out.toString());
        assertThat(Files.readAllBytes(out.resolve("records.jsonl"))).isNotEqualTo(records[0]);
    }

    @Test
    @Timeout(60)
    void sweepSaysSimulated() throws Exception {
        Path m = machine("{\"cores\": 2}");
        Path out = tmp.resolve("sweep");
        var c = BadInputTest.run("sweep", "--simulate", m.toString(), "--loops", "1000000", "-q", "--out", out.toString());
        assertThat(c.code()).as(c.err()).isIn(0, 1);
        assertThat(c.out()).contains("SIMULATED run on " + m);
        assertThat(Files.readAllLines(out.resolve("records.jsonl"))).hasSize(1 + 2 + 3 + 4 + 5 + 6);
    }
}
