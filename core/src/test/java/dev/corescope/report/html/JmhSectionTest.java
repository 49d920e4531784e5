package dev.corescope.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.analysis.Equivalence.Statistic;
import dev.corescope.experiment.JmhResult;
import dev.corescope.experiment.Remarks;
import dev.corescope.experiment.RunInfo;
import dev.corescope.experiment.jmh.JmhRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The jmh section of report.html: a level's verdict with the forks it rested on and its three statistics. */
class JmhSectionTest {
    @Test
    void aLevelShowsItsStatisticsWithTheirIntervalsMarginsAndABands() {
        JmhRun.Fork fork = new JmhRun.Fork("j001", 0, "control", 2, List.of(0), 0, 1, 0, 9.5, List.of(1.0, 1.0, 1.0),
                List.of("alone", "partial", "level"));
        JmhRun.Benchmark b = new JmhRun.Benchmark("b.B.m", "thrpt", Map.of(), 1, "ops/s", 1, List.of(fork), 1, Double.NaN,
                3, "yes", null);
        JmhRun.Level level = new JmhRun.Level(2, "certified", "location ×1.00 [0.99, 1.01] within ×1.030",
                List.of("j001", "j007"), new Statistic(1.001, 0.99, 1.01, 0.004, 1.03, 0.98, 1.02),
                new Statistic(1.1, 0.5, 2.5, 0.4, 3.2, 0.3, 3.2), new Statistic(0, 0, 0, 0, 0.015, Double.NaN, Double.NaN));
        JmhRun run = new JmhRun(new JmhRun.Setup("suite.jar", "1.37", List.of("-f", "1"), 2, "--workers", 2, List.of(0, 1),
                "pinned", 0.05), List.of(b), new JmhRun.Certification("equivalence test", List.of("j001"), List.of(level),
                List.of()), new JmhRun.Timing(10, 19, 6, 0, 2, 1, 0), List.of(), List.of());
        JmhResult r = new JmhResult(new RunInfo("r", "jmh", List.of("corescope", "jmh"), "a", "b", true),
                new Remarks(0, List.of(), List.of(), List.of(), List.of()), null, run);
        Html html = new Html();
        new JmhSection(r).results(html);
        assertThat(html.toString()).contains("Level 2: certified", "j001, j007", "location (trimmed mean)", "1.001",
                "0.990 – 1.010", "×1.030", "0.980 – 1.020", "tail (excess rate)", "controls alone");
    }
}
