package dev.corescope.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.exec.WorkerMode;
import dev.corescope.experiment.InvestigateReport;
import dev.corescope.machine.MachineSpec;
import dev.corescope.sim.SimulatedMachine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A simulated machine's investigate charts say so in their titles; a real one's do not. */
class ThresholdChartsTest {
    private static InvestigateReport report(dev.corescope.machine.MachineProfile profile) {
        List<InvestigateReport.Level> levels = List.of(level(1, 1.0), level(2, 1.01), level(3, 1.5));
        return new InvestigateReport(new InvestigateReport.Threshold(2, true, "x", 0.05, 1.0),
                new InvestigateReport.Machine("logical CPUs", 2, List.of(0, 1), Double.NaN, profile), levels, null,
                null, "run", WorkerMode.THREADS);
    }

    private static InvestigateReport.Level level(int workers, double ratio) {
        return new InvestigateReport.Level(workers, 30, new InvestigateReport.Times(0.02, 0.001, 0.02, 0.05, 0.02, 0),
                new InvestigateReport.RatioToOne(ratio, ratio - 0.02, ratio + 0.02), "ok", true, null);
    }

    @Test
    void simulatedChartsSaySimulated() {
        var simulated = report(SimulatedMachine.of(MachineSpec.cores(2)).profile());
        assertThat(ThresholdCharts.ratioChart(simulated).getTitle()).startsWith("SIMULATED — Per-task time");
        assertThat(ThresholdCharts.throughputChart(simulated).getTitle()).startsWith("SIMULATED — Throughput");
        var real = report(null);
        assertThat(ThresholdCharts.ratioChart(real).getTitle()).doesNotContain("SIMULATED");
        assertThat(ThresholdCharts.throughputChart(real).getTitle()).doesNotContain("SIMULATED");
    }
}
