package dev.corescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.corescope.exec.TaskRecord;
import dev.corescope.store.Json;
import dev.corescope.store.RecordLog;
import dev.corescope.workload.UserJar;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end through {@link Main#execute}; structure only (counts, ids, ordering), never speed. */
class AssessCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int code = Main.execute(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void threadsRunWithItsOneWorkerCheckWritesEverythingAndCountsAddUp() throws Exception {
        Path out = dir.resolve("run");
        Path jmh = dir.resolve("jmh.json");
        Run r = run("assess", "-a", "sort-merge,sort-jdk", "-n", "100,200..400:100", "-r", "6", "-w", "2",
                "--warmup", "1", "--log", "-q", "--out", out.toString(), "--jmh-json", jmh.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("sort-merge", "sort-jdk", "Complexity fit", "Check against one worker alone",
                "speedup over one worker", "warm-up: ", "at least 1 task(s) per worker", "Verdict for sort-merge: 2 workers",
                "Verdict for sort-jdk: 2 workers");
        List<TaskRecord> recs = RecordLog.read(out.resolve("records.jsonl"));
        var byExperiment = recs.stream().collect(Collectors.groupingBy(TaskRecord::experiment, Collectors.counting()));
        // --workers 2 keeps 2 workers: every task once at 2 workers, and (a run of fewer than 30 tasks) every task once
        // alone as a control; a look that needs more data runs them all again, both ways (extend/, control/)
        assertThat(byExperiment).containsEntry("assess/sort-merge", 24L).containsEntry("assess/sort-jdk", 24L);
        for (String algo : List.of("sort-merge", "sort-jdk")) {
            long controls = byExperiment.get("control/" + algo);
            assertThat(controls % 24).isZero();
            assertThat(controls).isBetween(24L, 120L);
            assertThat(byExperiment.getOrDefault("extend/" + algo, 0L)).isEqualTo(controls - 24);
        }
        assertThat(recs).allMatch(TaskRecord::ok);
        assertThat(recs.stream().filter(x -> x.experiment().startsWith("assess/")).map(TaskRecord::level)).containsOnly(2);
        // both algorithms got identical inputs: same (size, index) pairs in the same order of execution
        List<String> merge = recs.stream().filter(x -> x.experiment().equals("assess/sort-merge"))
                .map(x -> x.size() + "/" + x.taskIndex()).toList();
        List<String> jdk = recs.stream().filter(x -> x.experiment().equals("assess/sort-jdk"))
                .map(x -> x.size() + "/" + x.taskIndex()).toList();
        assertThat(merge).containsExactlyInAnyOrderElementsOf(jdk);
        assertThat(recs.stream().filter(x -> x.experiment().startsWith("control")).map(TaskRecord::level)).containsOnly(1);

        JsonNode summary = Json.MAPPER.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("command").asText()).isEqualTo("assess");
        JsonNode a = summary.get("analysis");
        assertThat(a.get("workers").asInt()).isEqualTo(2);
        assertThat(a.get("sizes")).hasSize(4);
        assertThat(a.get("algorithms")).hasSize(2);
        JsonNode merge0 = a.get("algorithms").get(0);
        assertThat(merge0.get("sizes")).hasSize(4);
        assertThat(merge0.get("sizes").get(0).get("count").asInt()).isEqualTo(6);
        JsonNode cert = merge0.get("certification");
        assertThat(cert.get("requested").asInt()).isEqualTo(2);
        assertThat(cert.get("level").asInt()).isEqualTo(2);
        assertThat(cert.get("status").asText()).isIn("certified", "not settled", "not certified");
        assertThat(cert.get("attempts")).hasSize(1);
        assertThat(cert.get("attempts").get(0).get("controls").asInt())
                .isEqualTo(byExperiment.get("control/sort-merge").intValue());
        JsonNode attempt = cert.get("attempts").get(0);
        assertThat(attempt.get("equivalence").get("location").get("point").isNumber()).isTrue();
        assertThat(attempt.get("equivalence").get("verdict").asText()).isIn("EQUIVALENT", "DIFFERENT", "NEED_MORE_DATA");
        assertThat(attempt.get("occupancy").isNumber()).isTrue();
        assertThat(cert.get("harness").get("share").isNumber()).isTrue();
        assertThat(cert.get("disturbed").get("parallelTasks").asInt()).isGreaterThanOrEqualTo(24);
        assertThat(a.get("heap").asText()).startsWith("one heap shared by the worker threads");
        assertThat(a.get("endToEnd").get("wallSeconds").asDouble()).isPositive();
        assertThat(merge0.get("fit").get("bestModel").asText()).startsWith("O(");
        assertThat(a.get("speedupNote").asText()).startsWith("speedup over one worker");
        assertThat(Files.readAllLines(out.resolve("summary.csv"))).hasSize(1 + 8);
        assertThat(out.resolve("complexity.png")).exists();
        assertThat(out.resolve("complexity.svg")).exists();
        assertThat(Json.MAPPER.readTree(jmh.toFile())).hasSize(8);
    }

    @Test
    void withoutTheCheckTheSpeedupIsNotInvented() throws Exception {
        Path out = dir.resolve("nv");
        Run r = run("assess", "-a", "matmul-ikj", "-n", "8,16,24", "-r", "3", "-w", "2", "--warmup", "0", "-q",
                "--no-verify", "--json", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode a = Json.MAPPER.readTree(r.out()).get("analysis");
        assertThat(a.get("speedup").isNull()).isTrue();
        assertThat(a.get("speedupNote").asText()).contains("not measured");
        JsonNode cert = a.get("algorithms").get(0).get("certification");
        assertThat(cert.get("status").asText()).isEqualTo("not checked");
        assertThat(cert.get("attempts")).isEmpty();
        assertThat(RecordLog.read(out.resolve("records.jsonl"))).noneMatch(x -> x.experiment().startsWith("control"));
    }

    @Test
    void userClassFromAJarRunsInWorkerJvms() throws Exception {
        Path jar = UserJar.build(dir.resolve("user"));
        Path out = dir.resolve("proc");
        Run r = run("assess", "--class", UserJar.CLASS, "--classpath", jar.toString(), "-n", "1000,2000", "-r", "4",
                "-w", "2", "--mode", "processes", "--warmup", "1", "-q", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("my-sum").contains("pinning: ");
        List<TaskRecord> all = RecordLog.read(out.resolve("records.jsonl"));
        List<TaskRecord> recs = all.stream().filter(x -> x.experiment().startsWith("assess/")).toList();
        assertThat(recs).hasSize(8).allMatch(TaskRecord::ok);
        // 8 tasks are fewer than the 30 controls a check wants: every task also ran alone, once per look
        List<TaskRecord> controls = all.stream().filter(x -> x.experiment().startsWith("control/")).toList();
        assertThat(controls.size() % 8).isZero();
        assertThat(controls).isNotEmpty().allMatch(x -> x.level() == 1 && x.ok());
        assertThat(recs.stream().map(TaskRecord::workerId).distinct()).allMatch(id -> id.startsWith("jvm-"));
        // same (size, repeat) → same input → same checksum, whichever worker ran it
        assertThat(recs.stream().map(TaskRecord::pid).distinct().count()).isBetween(1L, 2L);
    }

    @Test
    void failingCommandIsRecordedWithItsExitCodeAndExitsOne() throws Exception {
        Path out = dir.resolve("cmd");
        // fails on odd sizes, except in warm-up (seeds 0x5eed + round): a failure in warm-up stops the run
        Run r = run("assess", "--cmd", "{ [ {seed} -ge 24301 ] && [ {seed} -le 24400 ]; } || test $(({n} % 2)) -eq 0 "
                + "|| exit 7", "-n", "1,2", "-r", "2", "-w", "2", "-q", "--out", out.toString());
        assertThat(r.code()).isEqualTo(1);
        List<TaskRecord> recs = RecordLog.read(out.resolve("records.jsonl")).stream()
                .filter(x -> x.experiment().startsWith("assess/")).toList();
        assertThat(recs).hasSize(4);
        assertThat(recs.stream().filter(x -> !x.ok())).hasSize(2).allMatch(x -> x.size() == 1 && x.error().contains("exit code 7"));
        assertThat(r.out()).contains("4 task(s) failed"); // the two failing tasks, and their two controls
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        Path jar = UserJar.build(dir.resolve("user"));
        String[][] cases = {
            {"assess", "-a", "bogus", "-n", "10", "-w", "1"},
            {"assess", "-a", "sort-jdk", "-n", "0,10", "-w", "1"},
            {"assess", "-a", "sort-jdk", "-n", "-5", "-w", "1"},
            {"assess", "-a", "sort-jdk", "-n", "10", "-w", "zero"},
            {"assess", "--class", "com.example.Nope", "--classpath", jar.toString(), "-n", "10", "-w", "1"},
            {"assess", "--class", "com.example.Plain", "--classpath", jar.toString(), "-n", "10", "-w", "1"},
            {"assess", "--cmd", "echo (", "-n", "10", "-w", "1"},
            {"assess", "-a", "sort-jdk", "--cmd", "true", "-n", "10", "-w", "1"},
        };
        String[] expected = {"unknown algorithm 'bogus' (known: sort-insertion", "sizes must be positive, got 0",
            "sizes must be positive, got -5", "--workers must be 'auto' or a positive number", "workload class not found",
            "does not implement", "--cmd is not a command /bin/sh accepts", "choose exactly one of"};
        for (int i = 0; i < cases.length; i++) {
            Run r = run(cases[i]);
            assertThat(r.code()).as(String.join(" ", cases[i])).isEqualTo(2);
            assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
            assertThat(r.err()).contains(expected[i]);
        }
    }

    @Test
    void planOverBudgetIsRefusedWithTheEstimateAndThePilotIsKept() throws Exception {
        Path out = dir.resolve("budget");
        Run r = run("assess", "-a", "sort-insertion", "-n", "200,400,800,100000", "-r", "50", "-w", "1",
                "--budget", "1ms", "-q", "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("corescope: plan refused: estimated ").contains("exceeds --budget");
        assertThat(r.err().strip().lines()).hasSize(1);
        List<TaskRecord> recs = RecordLog.read(out.resolve("records.jsonl"));
        assertThat(recs).isNotEmpty().allMatch(x -> x.experiment().equals("pilot/sort-insertion"));
    }

    @Test
    void sizeListsAndRanges() {
        assertThat(AssessCommand.parseSizes("50..200:50, 75,50")).containsExactly(50L, 75L, 100L, 150L, 200L);
        assertThat(dev.corescope.Assess.progressSteps(100)).isEqualTo(20);
        assertThat(dev.corescope.Assess.progressSteps(7)).isEqualTo(7);
    }
}
