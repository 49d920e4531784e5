package dev.corescope.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.analysis.DistributionComparison;
import dev.corescope.analysis.Knee;
import dev.corescope.analysis.Verdict;
import dev.corescope.exec.WorkerMode;
import dev.corescope.experiment.InvestigateReport;
import dev.corescope.machine.MachineSpec;
import dev.corescope.sim.SimulatedMachine;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** The investigate charts: from the result (threshold, refusals, every deciding ratio), SIMULATED said. */
class ThresholdChartsTest {
    private static InvestigateReport report(dev.corescope.machine.MachineProfile profile) {
        List<InvestigateReport.Level> levels = List.of(level(1, 1.0), level(2, 1.01), level(3, 1.5));
        return new InvestigateReport(new InvestigateReport.Threshold(2, true, "x", 0.05, 1.0),
                new InvestigateReport.MachineFacts("logical CPUs", 2, List.of(0, 1), Double.NaN, profile), levels,
                new Knee(2, 100, 100), null, "run", WorkerMode.THREADS);
    }

    private static InvestigateReport.Level level(int workers, double ratio) {
        return new InvestigateReport.Level(workers, 30, new InvestigateReport.Times(0.02, 0.001, 0.02, 0.05, 0.02, 0),
                new InvestigateReport.RatioToOne(ratio, ratio - 0.02, ratio + 0.02), "ok", true, null);
    }

    private static List<String> names(XYChart chart) {
        return chart.getSeriesCollection().stream().map(XYSeries::getName).toList();
    }

    @Test
    void simulatedChartsSaySimulated() {
        var simulated = report(SimulatedMachine.of(MachineSpec.cores(2)).profile());
        assertThat(ThresholdCharts.ratioChart(simulated).getTitle()).startsWith("SIMULATED — Task time vs one worker");
        assertThat(ThresholdCharts.throughputChart(simulated).getTitle()).startsWith("SIMULATED — Throughput");
        var real = report(null);
        assertThat(ThresholdCharts.ratioChart(real).getTitle()).doesNotContain("SIMULATED");
        assertThat(ThresholdCharts.throughputChart(real).getTitle()).doesNotContain("SIMULATED");
    }

    @Test
    void titlesAndMarkersNameTheThresholdOfTheResultAndTheCpus() {
        var r = report(SimulatedMachine.of(MachineSpec.cores(2)).profile());
        XYChart ratio = ThresholdCharts.ratioChart(r);
        assertThat(ratio.getTitle()).contains("threshold 2");
        assertThat(names(ratio)).contains("worst-off worker", "2 CPUs (effective)")
                .anyMatch(n -> n.startsWith("threshold: 2 workers"));
        assertThat(names(ThresholdCharts.throughputChart(r))).contains("knee: 2 workers")
                .anyMatch(n -> n.startsWith("ideal: one worker's throughput x P, up to the 2 CPUs"));
    }

    @Test
    void aRefusedThresholdOrKneeIsNotDrawnAndTheTitleSaysRefused() {
        var r = report(null);
        List<String> refusals = List.of("threshold: 9 workers is above the 2.00 effective CPUs",
                "throughput knee: 9 workers is above the 2.00 effective CPUs");
        XYChart ratio = ThresholdCharts.ratioChart(r, refusals);
        assertThat(ratio.getTitle()).contains("threshold refused").contains("REFUSED");
        assertThat(names(ratio)).noneMatch(n -> n.startsWith("threshold:"));
        assertThat(names(ThresholdCharts.throughputChart(r, refusals))).noneMatch(n -> n.startsWith("knee"));
    }

    @Test
    void aWorkloadsChartShowsEveryRatioThatDecidedALevelWithTheTablesIntervals() {
        var worse = new DistributionComparison(40, 40, new DistributionComparison.Ratio(1.01, 0.99, 1.03),
                new DistributionComparison.Ratio(1.00, 0.98, 1.02), new DistributionComparison.Ratio(2.2, 1.6, 3.1),
                Verdict.WORSE, true, "the spread is wider than the sd limit allows");
        List<InvestigateReport.Level> levels = List.of(level(1, 1.0), new InvestigateReport.Level(2, 40,
                new InvestigateReport.Times(0.02, 0.004, 0.02, 0.2, 0.02, 0), new InvestigateReport.RatioToOne(1.0, 0.9,
                1.1), "worse", true, worse));
        var r = new InvestigateReport(new InvestigateReport.Threshold(1, true, "x", 0.03, 1.0, 1.3),
                new InvestigateReport.MachineFacts(null, 0, List.of(), Double.NaN, null), levels, null, null, "run",
                WorkerMode.THREADS);
        XYChart chart = ThresholdCharts.ratioChart(r);
        assertThat(names(chart)).contains("mean ratio", "median ratio", "sd ratio", "sd limit: x1.30",
                "tolerance of the mean and median: x1.03");
        // the sd ratio's interval is drawn as the table gives it: 1.6 to 3.1 at two workers
        XYSeries band = chart.getSeries("sd ratio: 95% interval");
        assertThat(band.getYData()).contains(1.6, 3.1);
    }
}
