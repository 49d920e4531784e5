package dev.corescope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.experiment.InvestigateReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java API example in README.md is this test's code, line for line: the test fails if they
 * drift apart, and it runs the example for real (asserting structure, not speed).
 */
class ApiExampleTest {
    @TempDir
    Path dir;

    @Test
    void readmeExampleRuns() throws Exception {
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
        assertThat(r.threshold()).isBetween(1, 3);
        assertThat(r.levels()).extracting(InvestigateReport.Level::workers).contains(1);
        assertThat(r.explanation()).contains("Recommendation");
        assertThat(dir.resolve("investigate").resolve("records.jsonl")).isNotEmptyFile();
    }

    @Test
    void readmeShowsExactlyThisExample() throws Exception {
        List<String> source = Files.readAllLines(Path.of("src/test/java/dev/corescope/ApiExampleTest.java"));
        String example = source.subList(source.indexOf("        // README-EXAMPLE-BEGIN") + 1,
                source.indexOf("        // README-EXAMPLE-END")).stream().map(String::strip).collect(Collectors.joining("\n"));
        String readme = Files.readAllLines(Path.of("README.md")).stream().map(String::strip)
                .collect(Collectors.joining("\n"));
        assertThat(readme).contains(example);
    }
}
