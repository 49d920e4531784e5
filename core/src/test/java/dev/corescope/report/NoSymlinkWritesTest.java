package dev.corescope.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corescope.exec.WorkerMode;
import dev.corescope.experiment.LevelRunResult;
import dev.corescope.experiment.Measured;
import dev.corescope.experiment.Remarks;
import dev.corescope.experiment.Results;
import dev.corescope.experiment.RunInfo;
import dev.corescope.experiment.RunResult;
import dev.corescope.report.html.HtmlReport;
import dev.corescope.store.RecordLog;
import dev.corescope.store.RunDirectory;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * Files of a run directory are never written through a symlink planted in it: each write goes to a
 * temp file renamed over the link, so the link's target keeps its content and the link is replaced by
 * a regular file. records.jsonl is created new and refuses a planted link.
 */
class NoSymlinkWritesTest {
    @TempDir
    Path tmp;
    Path victim;
    RunDirectory dir;

    @BeforeEach
    void plant() throws Exception {
        victim = tmp.resolve("victim.txt");
        Files.writeString(victim, "precious");
        dir = RunDirectory.create(tmp.resolve("run"), "run");
    }

    private void link(String name) throws Exception {
        Files.createSymbolicLink(dir.file(name), victim);
    }

    private void assertReplaced(String name) throws Exception {
        assertThat(Files.readString(victim)).as("target of the planted %s", name).isEqualTo("precious");
        assertThat(Files.isSymbolicLink(dir.file(name))).as(name).isFalse();
        assertThat(Files.isRegularFile(dir.file(name), LinkOption.NOFOLLOW_LINKS)).as(name).isTrue();
    }

    @Test
    void summaryFiles() throws Exception {
        link("summary.json");
        link("summary.csv");
        Results.write(dir, summary(true));
        assertReplaced("summary.json");
        assertReplaced("summary.csv");
        assertThat(Files.readString(dir.file("summary.json"))).contains("\"complete\" : true");
    }

    @Test
    void reportHtml() throws Exception {
        Results.write(dir, summary(true));
        link(HtmlReport.FILE);
        HtmlReport.write(dir.path());
        assertReplaced(HtmlReport.FILE);
        assertThat(Files.readString(dir.file(HtmlReport.FILE))).startsWith("<!DOCTYPE html>");
    }

    @Test
    void charts() throws Exception {
        link("c.png");
        link("c.svg");
        XYChart chart = new XYChartBuilder().width(200).height(100).title("t").build();
        chart.addSeries("s", new double[] {1, 2}, new double[] {1, 4});
        assertThat(ChartFiles.save(chart, dir.path(), "c")).containsExactly(dir.file("c.png"), dir.file("c.svg"));
        assertReplaced("c.png");
        assertReplaced("c.svg");
        assertThat(Files.readString(dir.file("c.svg"))).contains("<svg");
        try (var files = Files.list(dir.path())) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temp file left")
                    .noneMatch(n -> n.endsWith(".tmp") || n.contains(".tmp."));
        }
    }

    @Test
    void theRecordLogRefusesAPlantedLink() throws Exception {
        link("records.jsonl");
        assertThatThrownBy(() -> new RecordLog(dir.records())).isInstanceOf(java.io.IOException.class);
        assertThat(Files.readString(victim)).isEqualTo("precious");
    }

    static RunResult summary(boolean complete) {
        return new LevelRunResult(new RunInfo("run", "run", List.of("corescope", "run"), "2026-01-01T00:00:00Z",
                "2026-01-01T00:00:01Z", complete), new Measured(WorkerMode.THREADS, "spin", null, List.of(), List.of()),
                new Remarks(0, List.of(), List.of(), List.of(), List.of()), null);
    }
}
