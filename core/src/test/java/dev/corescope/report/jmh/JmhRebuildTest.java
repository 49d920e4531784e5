package dev.corescope.report.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.experiment.JmhResult;
import dev.corescope.report.html.HtmlReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A jmh run killed before its summary: its result rebuilt from the iteration records, and its report. */
class JmhRebuildTest {
    private static String line(String job, int fork, String kind, int iteration, double score, String side) {
        return "{\"runId\":\"r\",\"job\":\"" + job + "\",\"benchmark\":\"b.B.m\",\"mode\":\"avgt\",\"params\":{\"n\":\"1\"},"
                + "\"fork\":" + fork + ",\"kind\":\"" + kind + "\",\"workers\":2,\"cpus\":[0],\"othersMin\":1,"
                + "\"othersMax\":1,\"iteration\":" + iteration + ",\"score\":" + score + ",\"unit\":\"us/op\","
                + "\"startSeconds\":1.0,\"endSeconds\":3.0,\"status\":\"ok\",\"error\":null,\"side\":\"" + side + "\"}";
    }

    @Test
    void rebuildsTheResultsFromTheIterations(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            lines.add(line("j001", 0, "measured", i, 10 + i, "level"));
            lines.add(line("j002", 1, "control", i, 20 + i, i == 0 ? "alone" : i == 1 ? "partial" : "level"));
        }
        lines.add("{\"runId\":\"r\",\"job\":\"j004\",\"benchmark\":\"b.B.x\",\"mode\":\"thrpt\",\"params\":{},\"fork\":0,"
                + "\"kind\":\"measured\",\"workers\":2,\"cpus\":[1],\"othersMin\":0,\"othersMax\":1,\"iteration\":-1,"
                + "\"score\":null,\"unit\":null,\"startSeconds\":1.0,\"endSeconds\":2.0,\"status\":\"crashed\","
                + "\"error\":\"the benchmark's JVM crashed\"}");
        lines.add("{\"runId\":\"r\",\"job\":\"j005\",\"bench"); // torn by the kill
        Files.write(dir.resolve("records.jsonl"), lines);
        assertThat(JmhRebuild.isJmhRecords(dir.resolve("records.jsonl"))).isTrue();
        JmhResult r = JmhRebuild.rebuild(dir);
        assertThat(r.complete()).isFalse();
        assertThat(r.jmh().benchmarks()).hasSize(1);
        assertThat(r.jmh().benchmarks().get(0).forks()).hasSize(2); // a control is a reported fork
        assertThat(r.jmh().benchmarks().get(0).forks().get(1).sides()).containsExactly("alone", "partial", "level");
        assertThat(r.jmh().benchmarks().get(0).score()).isEqualTo(16.0);
        assertThat(r.jmh().failures()).hasSize(1);
        assertThat(r.warnings()).anyMatch(w -> w.contains("torn"));
        assertThat(HtmlReport.render(dir)).contains("b.B.m", "the run was killed");
    }
}
