package dev.corescope.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.analysis.SizeStats;
import dev.corescope.exec.TaskRecord;
import dev.corescope.exec.TaskStatus;
import dev.corescope.exec.WorkerMode;
import dev.corescope.experiment.AssessExperiment;
import dev.corescope.experiment.AssessResult;
import dev.corescope.experiment.Assessment.AlgorithmResult;
import dev.corescope.experiment.Assessment.Fit;
import dev.corescope.experiment.Assessment;
import dev.corescope.experiment.Measured;
import dev.corescope.experiment.Remarks;
import dev.corescope.experiment.RunInfo;
import dev.corescope.store.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssessReportsTest {
    @TempDir
    Path dir;

    static final List<Long> SIZES = List.of(50L, 100L, 200L);

    /** Two workers, cubic times, 4 repeats per size. */
    static List<TaskRecord> records(String algorithm, double scale) {
        List<TaskRecord> out = new ArrayList<>();
        int i = 0;
        for (long n : SIZES) {
            for (int r = 0; r < 4; r++) {
                long wall = (long) (scale * n * n * n * (1 + 0.01 * r));
                out.add(new TaskRecord(new TaskRecord.Task("run", AssessExperiment.ASSESS + "/" + algorithm, 2, 0, 0, i++, n), new TaskRecord.Ran("thread-" + (1 + r % 2), 1, 1, null),
                new TaskRecord.Timing(0, wall, wall, wall, 0, 0), new TaskRecord.TaskOutcome(0, 0, TaskStatus.OK, null), null, null));
            }
        }
        return out;
    }

    static AlgorithmResult result(String algorithm, List<TaskRecord> records) {
        List<SizeStats> stats = new ArrayList<>();
        for (long n : SIZES) {
            List<TaskRecord> rs = records.stream().filter(r -> r.size() == n).toList();
            stats.add(SizeStats.of(algorithm, n, rs.stream().mapToDouble(TaskRecord::wallSeconds).toArray(),
                    rs.stream().mapToInt(r -> r.taskIndex() % 4).toArray(), 0));
        }
        var fit = dev.corescope.analysis.ComplexityFit.fit(SIZES.stream().mapToDouble(Long::doubleValue).toArray(),
                stats.stream().mapToDouble(SizeStats::mean).toArray());
        Fit f = Fit.of(fit);
        return new AlgorithmResult(algorithm, "spec", new Assessment.AlgorithmRun(2, 12, 0, 1.0, 12.0), stats, f,
                new Assessment.Certification("not checked", 2, 2, List.of(), "2 workers, not checked"),
                new Assessment.Controls(0, Double.NaN, Double.NaN));
    }

    static Assessment assessment(List<AlgorithmResult> algs) {
        return new Assessment(new Assessment.Plan(2, "--workers 2", WorkerMode.THREADS, 4, SIZES, "order", 1),
                new Assessment.Method(new Assessment.Warm(5, List.of(50L), 0, "why"),
                        new Assessment.Pin(false, List.of(), "threads are not pinned", List.of()),
                        AssessExperiment.CI_METHOD, "not checked", null), algs, 12.0, Double.NaN, "not measured", null);
    }

    @Test
    void jmhJsonHasOneEntryPerAlgorithmAndSizeInJmhSchema() throws Exception {
        List<TaskRecord> recs = records("matmul-naive", 1);
        Assessment a = assessment(List.of(result("matmul-naive", recs)));
        Path file = dir.resolve("out/jmh.json");
        JmhJson.write(file, a, Map.of("matmul-naive", recs));
        var doc = Json.MAPPER.readTree(file.toFile());
        assertThat(doc.isArray()).isTrue();
        assertThat(doc.size()).isEqualTo(3);
        var e = doc.get(1);
        assertThat(e.get("benchmark").asText()).isEqualTo("dev.corescope.assess.matmul-naive");
        assertThat(e.get("mode").asText()).isEqualTo("avgt");
        assertThat(e.get("threads").asInt()).isEqualTo(2);
        assertThat(e.get("forks").asInt()).isEqualTo(1);
        assertThat(e.get("warmupIterations").asInt()).isEqualTo(5);
        assertThat(e.get("measurementIterations").asInt()).isEqualTo(4);
        assertThat(e.get("params").get("size").asText()).isEqualTo("100");
        var pm = e.get("primaryMetric");
        assertThat(pm.get("scoreUnit").asText()).isEqualTo("ms/op");
        double score = pm.get("score").asDouble();
        assertThat(score).isEqualTo(a.algorithms().get(0).sizes().get(1).mean() * 1000);
        assertThat(pm.get("scoreError").asDouble()).isPositive();
        assertThat(pm.get("scoreConfidence").get(0).asDouble()).isLessThan(score);
        assertThat(pm.get("scorePercentiles").has("50.0")).isTrue();
        assertThat(pm.get("rawData").size()).isEqualTo(2); // one array per worker
        assertThat(pm.get("rawData").get(0).size() + pm.get("rawData").get(1).size()).isEqualTo(4);
    }

    @Test
    void complexityChartWithSeveralAlgorithmsIsWrittenAsPngAndSvgInBothScales() throws Exception {
        Assessment a = assessment(List.of(result("a", records("a", 1)), result("b", records("b", 3))));
        for (boolean log : new boolean[] {false, true}) {
            Path sub = Files.createDirectories(dir.resolve(log ? "log" : "lin"));
            List<Path> files = ComplexityCharts.write(a, false, sub, log);
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("complexity.png", "complexity.svg");
            for (Path p : files) {
                assertThat(Files.size(p)).isGreaterThan(1000);
            }
            var chart = ComplexityCharts.chart(a, false, log);
            assertThat(chart.getSeriesCollection().stream().map(x -> x.getName()).toList()).hasSize(4)
                    .anyMatch(k -> k.startsWith("a: fit O(n^3)")).anyMatch(k -> k.startsWith("b: mean ± sd"));
            // 0.125 ms to 8 ms: more than 10x, so the time axis is logarithmic even without --log
            assertThat(chart.getStyler().isYAxisLogarithmic()).isTrue();
        }
    }

    @Test
    void withTheRunsRecordsEachAlgorithmGetsABoxPlotOfItsTaskTimesPerSize() throws Exception {
        List<TaskRecord> recs = new ArrayList<>(records("a", 1));
        Assessment a = assessment(List.of(result("a", recs)));
        try (var log = new dev.corescope.store.RecordLog(dir.resolve("records.jsonl"))) {
            recs.forEach(log::accept);
        }
        List<Path> files = ComplexityCharts.write(a, false, dir, false);
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("task-times-a.png", "task-times-a.svg");
    }

    /** The charts' titles name the level the result was measured at, not the one asked for. */
    @Test
    void chartTitlesNameTheLevelInTheResult() {
        // asked for 2 worker threads; the check lowered every algorithm to 1
        Assessment lowered = assessment(List.of(at(result("a", records("a", 1)), 1), at(result("b", records("b", 3)), 1)));
        assertThat(ComplexityCharts.chart(lowered, false, false).getTitle())
                .isEqualTo("a, b: 4 repeats per size on 1 worker thread (2 asked for)")
                .doesNotContain("2 worker threads");
        assertThat(AssessLevels.measuredAt(lowered)).isEqualTo("1 worker (2 asked for)");
        // measured at the level asked for
        Assessment kept = assessment(List.of(result("a", records("a", 1))));
        assertThat(ComplexityCharts.title(kept, false)).isEqualTo("a: 4 repeats per size on 2 worker threads");
        // one lowered, one kept: a range, and each algorithm's level in the legend
        Assessment mixed = assessment(List.of(at(result("a", records("a", 1)), 1), result("b", records("b", 3))));
        var chart = ComplexityCharts.chart(mixed, true, false);
        assertThat(chart.getTitle()).startsWith("SIMULATED — a, b: 4 repeats per size on 1–2 worker threads");
        assertThat(chart.getSeriesCollection().stream().map(x -> x.getName()).toList())
                .anyMatch(k -> k.startsWith("a (1 worker thread): mean"))
                .anyMatch(k -> k.startsWith("b (2 worker threads): mean"));
    }

    /** {@code r} measured at {@code level} workers. */
    static AlgorithmResult at(AlgorithmResult r, int level) {
        return new AlgorithmResult(r.algorithm(), r.workload(), new Assessment.AlgorithmRun(level, r.tasks(), r.failed(),
                r.wallSeconds(), r.throughput()), r.sizes(), r.fit(), new Assessment.Certification("lowered", 2, level,
                List.of(), "lowered to " + level), new Assessment.Controls(0, Double.NaN, Double.NaN));
    }

    @Test
    void csvHasOneRowPerAlgorithmAndSize() {
        Assessment a = assessment(List.of(result("a", records("a", 1)), result("b", records("b", 2))));
        String[] lines = new AssessResult(new RunInfo("r", "assess", List.of(), "", "", true),
                new Measured(WorkerMode.THREADS, "a, b", null, List.of(), List.of()),
                new Remarks(0, List.of(), List.of(), List.of(), List.of()), a, null).csv().split("\n");
        assertThat(lines).hasSize(1 + 6);
        assertThat(lines[0]).isEqualTo(AssessResult.CSV_HEADER);
        assertThat(lines[4]).startsWith("b,2,,50,4,0,");
        assertThat(Map.of("t", AssessReport.sizeTable(a.algorithms().get(0)).rows().size())).containsEntry("t", 3);
    }
}
