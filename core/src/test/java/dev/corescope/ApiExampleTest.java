package dev.corescope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.exec.WorkerMode;
import dev.corescope.experiment.AssessResult;
import dev.corescope.experiment.InvestigateReport;
import dev.corescope.experiment.JmhResult;
import dev.corescope.experiment.LevelRunResult;
import dev.corescope.experiment.TransferResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java API examples in README.md are this test's code, line for line (each between a BEGIN and an
 * END marker): the test fails if they drift apart, and it runs every example for real (asserting
 * structure, not speed): one per command of the API.
 */
class ApiExampleTest {
    private static final String BEGIN = "        // README-EXAMPLE-BEGIN";
    private static final String END = "        // README-EXAMPLE-END";

    @TempDir
    Path dir;

    @Test
    void readmeExampleRuns() throws Exception {
        InvestigateReport r;
        try {
            r = investigateExample();
        } catch (dev.corescope.experiment.BaselineTooNoisy e) {
            // a machine too busy to judge anything on stops investigate with the reason: not this test's subject
            org.junit.jupiter.api.Assumptions.abort("this machine was too busy to investigate: " + e.getMessage());
            return;
        }
        assertThat(r.threshold()).isBetween(1, 3);
        assertThat(r.levels()).extracting(InvestigateReport.Level::workers).contains(1);
        assertThat(r.explanation()).contains("Recommendation");
        assertThat(dir.resolve("investigate").resolve("records.jsonl")).isNotEmptyFile();
    }

    private InvestigateReport investigateExample() throws Exception {
        // README-EXAMPLE-BEGIN
        InvestigateReport r = Corescope.investigate()
                .mode("threads")
                .tolerance(0.05)
                .max(3)
                .cache(false)
                .out(dir.resolve("investigate"))
                .run();
        System.out.println(r.threshold() + " workers: " + r.explanation());
        // README-EXAMPLE-END
        return r;
    }

    @Test
    void readmeRunSweepAndRoundsExamplesRun() throws Exception {
        // README-EXAMPLE-BEGIN
        LevelRunResult one = Corescope.run().workers(2).loops(100_000).out(dir.resolve("run")).run();
        LevelRunResult sweep = Corescope.sweep().max(2).loops(100_000).out(dir.resolve("sweep")).run();
        LevelRunResult rounds = Corescope.rounds().repeats(3).max(2).loops(100_000).out(dir.resolve("rounds")).run();
        sweep.findings().forEach(System.out::println);
        // README-EXAMPLE-END
        assertThat(one.failures()).isZero();
        assertThat(one.measured().levels()).singleElement().satisfies(l -> assertThat(l.workers()).isEqualTo(2));
        assertThat(sweep.measured().levels()).extracting(l -> l.workers()).containsExactly(1, 2);
        assertThat(rounds.measured().levels()).isNotEmpty();
        for (String run : List.of("run", "sweep", "rounds")) {
            assertThat(dir.resolve(run).resolve("summary.json")).isNotEmptyFile();
        }
    }

    @Test
    void readmeAssessExampleRuns() throws Exception {
        // README-EXAMPLE-BEGIN
        AssessResult a = Corescope.assess()
                .algorithms("sort-jdk")
                .sizes(List.of(1_000L, 10_000L))
                .repeats(5)
                .workers("2")
                .out(dir.resolve("assess"))
                .run();
        a.findings().forEach(System.out::println);
        // README-EXAMPLE-END
        assertThat(a.analysis().algorithms()).singleElement().satisfies(alg -> {
            assertThat(alg.algorithm()).isEqualTo("sort-jdk");
            assertThat(alg.tasks()).isEqualTo(10);
        });
        assertThat(a.analysis().plan().workers()).isEqualTo(2);
        assertThat(dir.resolve("assess").resolve("records.jsonl")).isNotEmptyFile();
    }

    @Test
    void readmeTransferExampleRuns() throws Exception {
        // README-EXAMPLE-BEGIN
        TransferResult t = Corescope.transfer()
                .durations(List.of(Duration.ZERO, Duration.ofMillis(1)))
                .sizes(List.of(0L, 1L << 20))
                .tasks(8)
                .modes(List.of(WorkerMode.THREADS))
                .workers(2)
                .out(dir.resolve("transfer"))
                .run();
        t.findings().forEach(System.out::println);
        // README-EXAMPLE-END
        assertThat(t.cells()).hasSize(4);
        assertThat(t.setup().workers()).isEqualTo(2);
        assertThat(dir.resolve("transfer").resolve("summary.json")).isNotEmptyFile();
    }

    @Test
    void readmeJmhExampleRuns() throws Exception {
        Path benchmarksJar = dev.corescope.experiment.jmh.JmhFixture.build("1.37").jar();
        // README-EXAMPLE-BEGIN
        JmhResult j = Corescope.jmh()
                .jar(benchmarksJar)
                .patterns(List.of("Quick.sum"))
                .jmhOptions(List.of("-f", "1", "-wi", "0", "-i", "1", "-r", "50ms", "-p", "n=10"))
                .workers("1")
                .out(dir.resolve("jmh"))
                .run();
        j.findings().forEach(System.out::println);
        // README-EXAMPLE-END
        assertThat(j.jmh().benchmarks()).hasSize(1);
        assertThat(dir.resolve("jmh").resolve("jmh-result.json")).isNotEmptyFile();
    }

    @Test
    void readmeShowsExactlyTheseExamples() throws Exception {
        List<String> source = Files.readAllLines(Path.of("src/test/java/dev/corescope/ApiExampleTest.java"));
        List<String> examples = new ArrayList<>();
        for (int i = source.indexOf(BEGIN); i >= 0; ) {
            int end = source.subList(i, source.size()).indexOf(END) + i;
            examples.add(source.subList(i + 1, end).stream().map(String::strip).collect(Collectors.joining("\n")));
            int next = source.subList(end, source.size()).indexOf(BEGIN);
            i = next < 0 ? -1 : next + end;
        }
        String readme = Files.readAllLines(Path.of("../README.md")).stream().map(String::strip)
                .collect(Collectors.joining("\n"));
        assertThat(examples).hasSize(5);
        assertThat(examples).allSatisfy(e -> assertThat(readme).contains(e));
        // the imports the examples need are shown too
        List<String> imports = source.stream().filter(l -> l.startsWith("import dev.corescope.")).toList();
        assertThat(imports).isNotEmpty();
        assertThat(readme).contains("import dev.corescope.Corescope;");
        assertThat(imports).allSatisfy(i -> assertThat(readme).contains(i));
    }
}
