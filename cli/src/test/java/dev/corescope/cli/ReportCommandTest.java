package dev.corescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code corescope report RUN_DIR} and {@code --html} on the commands that write a run directory. */
class ReportCommandTest {
    private record Result(int exit, String out, String err) {
    }

    /** Runs the command line capturing stdout and stderr (picocli's and System's). */
    private static synchronized Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StringWriter picoErr = new StringWriter();
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            var cl = Main.commandLine();
            cl.setErr(new PrintWriter(picoErr, true));
            exit = cl.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Result(exit, out.toString(StandardCharsets.UTF_8),
                picoErr + err.toString(StandardCharsets.UTF_8));
    }

    private static Path fixture(String name, Path tmp) throws IOException, URISyntaxException {
        Path src = Path.of(ReportCommandTest.class.getResource("/report-fixtures/" + name).toURI());
        Path dst = tmp.resolve(name);
        Files.createDirectories(dst);
        try (Stream<Path> files = Files.list(src)) {
            for (Path f : files.toList()) {
                Files.copy(f, dst.resolve(f.getFileName()));
            }
        }
        return dst;
    }

    @Test
    void writesReportHtmlAndPrintsItsPath(@TempDir Path tmp) throws Exception {
        Path dir = fixture("investigate", tmp);
        Result r = run("report", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo(dir.resolve("report.html").toString());
        assertThat(Files.readString(dir.resolve("report.html"))).startsWith("<!DOCTYPE html>").contains("Threshold verdict");
    }

    @Test
    void aDirectoryWithoutSummaryIsOneLineAndExitTwo(@TempDir Path tmp) {
        Result missing = run("report", tmp.resolve("nope").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err().strip()).startsWith("corescope: ").contains("is not a directory").doesNotContain("\n")
                .doesNotContain("Exception");
        assertThat(missing.out()).isEmpty();

        Result empty = run("report", tmp.toString());
        assertThat(empty.exit()).isEqualTo(2);
        assertThat(empty.err().strip()).isEqualTo("corescope: " + tmp + " has no summary.json: not a corescope run directory");
        assertThat(tmp.resolve("report.html")).doesNotExist();

        Result noArg = run("report");
        assertThat(noArg.exit()).isEqualTo(2);
        assertThat(noArg.err().strip()).doesNotContain("\n").contains("RUN_DIR");
    }

    @Test
    void everyCommandThatWritesARunDirectoryTakesHtml() {
        var cl = Main.commandLine();
        for (String command : List.of("investigate", "run", "sweep", "rounds", "assess", "transfer")) {
            assertThat(cl.getSubcommands().get(command).getCommandSpec().findOption("--html")).as(command).isNotNull();
        }
        assertThat(cl.getSubcommands()).containsKey("report");
    }

    @Test
    void compareWritesNoRunDirectorySoItTakesNoHtml(@TempDir Path tmp) {
        assertThat(Main.commandLine().getSubcommands().get("compare").getCommandSpec().findOption("--html")).isNull();
        Result r = run("compare", tmp.toString(), tmp.toString(), "--html");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("corescope: Unknown option: '--html'").doesNotContain("\n");
    }

    /** A summary.json that is empty, not JSON, or of another shape is never rendered as another command's report. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", "   \n", "{}", "[]", "null", "42", "{\"command\": \"sweep\"}",
        "{\"runId\": \"x\", \"command\": \"sweep\", \"startedAt\": \"2026-01-01T00:00:00Z\"}", "{\"truncated\": "})
    void aDamagedSummaryIsRebuiltFromTheRecordsAndSaysWhy(String text, @TempDir Path tmp) throws Exception {
        Path dir = fixture("sweep", tmp);
        Files.writeString(dir.resolve("summary.json"), text);
        Result r = run("report", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains(dir + ": summary.json is ").contains("rebuilt from records.jsonl alone");
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("<title>corescope sweep").contains("rebuilt from records.jsonl")
                .doesNotContain("Transfer");
    }

    @Test
    void anotherCommandsSummaryInAClaimedDirectoryIsNotRenderedAsItsReport(@TempDir Path tmp) throws Exception {
        Path dir = fixture("sweep", tmp);
        Files.copy(fixture("transfer", tmp.resolve("t")).resolve("summary.json"), dir.resolve("summary.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve(dev.corescope.store.RunDirectory.MARKER), "pid 1, sweep, 2026-01-01T00:00:00Z\n");
        Result r = run("report", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("a summary of 'transfer', but 'sweep' claimed the run directory");
        assertThat(Files.readString(dir.resolve("report.html"))).contains("<title>corescope sweep");
    }

    @Test
    void aDamagedSummaryWithoutRecordsIsOneLineAndExitTwo(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("summary.json"), "{}");
        Result r = run("report", tmp.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("summary.json is not a corescope summary")
                .contains("there is no records.jsonl to rebuild it from");
    }

    @Test
    void linesOfValidJsonThatAreNoRecordsAreSkippedAndCounted(@TempDir Path tmp) throws Exception {
        Path dir = fixture("sweep", tmp);
        Files.delete(dir.resolve("summary.json"));
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(dir.resolve("records.jsonl")));
        lines.add(1, "{\"a\": 1}");
        lines.add(2, "42");
        lines.add(3, "{}");
        lines.add(4, "null");
        Files.write(dir.resolve("records.jsonl"), lines);
        Result r = run("report", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("skipped 4 other unreadable line(s)");
        assertThat(Files.readString(dir.resolve("report.html"))).contains("skipped 4 other unreadable line(s)");
    }

    @Test
    void htmlWritesTheReportBesideTheRunAndNamesItOnStderr(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("run");
        Result r = run("run", "-w", "1", "--loops", "1000", "--out", out.toString(), "--html", "-q");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("HTML report: " + out.resolve("report.html"));
        assertThat(r.out()).doesNotContain("HTML report");
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("<title>corescope run").contains("<h2>Results</h2>").contains("<summary>Every task</summary>");
    }

    @Test
    void aRefusedRunIsReportedAsRefusedNeverWithItsVerdict(@TempDir Path tmp) throws Exception {
        Path dir = fixture("investigate", tmp);
        var s = (com.fasterxml.jackson.databind.node.ObjectNode) dev.corescope.store.Json.MAPPER.readTree(
                dir.resolve("summary.json").toFile());
        s.putArray("refusals").add("threshold: 5 workers is above the 2.00 effective CPUs (invented)");
        Files.writeString(dir.resolve("summary.json"), dev.corescope.store.Json.MAPPER.writeValueAsString(s));
        Result r = run("report", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("<h2>Refused</h2>").contains("refused: no result")
                .contains("Refused: threshold: 5 workers is above the 2.00 effective CPUs (invented).")
                .doesNotContain("Threshold verdict").doesNotContain("Threshold: <b>");
    }
}
