package dev.corescope.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.analysis.LevelSummary;
import dev.corescope.analysis.SampleStats;
import dev.corescope.exec.WorkerMode;
import dev.corescope.experiment.LevelRunResult;
import dev.corescope.experiment.Measured;
import dev.corescope.experiment.Metadata;
import dev.corescope.experiment.Remarks;
import dev.corescope.experiment.RunInfo;
import dev.corescope.machine.MachineSpec;
import dev.corescope.sim.SimulatedMachine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** sweep's and rounds' charts: titled from the result, with the CPUs, time-slicing, the ideal and the sequential line. */
class LevelChartsTest {
    @TempDir
    Path dir;

    /** A level of {@code tasks} 20 ms tasks at {@code workers}, time-sliced beyond 2 CPUs. */
    static LevelSummary level(String experiment, int workers, int tasks) {
        double stretch = Math.max(1, workers / 2.0);
        double t = 0.02 * stretch;
        double wait = t - 0.02;
        double total = experiment.equals("sweep") ? t : t * Math.ceil(tasks / (double) workers);
        double throughput = tasks / total;
        double base = experiment.equals("sweep") ? 1 / 0.02 : tasks / (0.02 * tasks);
        return new LevelSummary(experiment, workers, 1, tasks, 0, total, SampleStats.of(new double[] {t, t * 1.01, t * 0.99}),
                0.02, wait, throughput, throughput / base, throughput / base / workers);
    }

    static LevelRunResult result(String command, List<LevelSummary> levels, boolean simulated, List<String> refusals) {
        var profile = simulated ? SimulatedMachine.of(MachineSpec.cores(2)).profile() : null;
        return new LevelRunResult(new RunInfo("r", command, List.of(), "", "", true),
                new Measured(WorkerMode.THREADS, "spin", null, List.of(), levels),
                new Remarks(0, List.of(), List.of(), List.of(), List.of(), refusals),
                new Metadata("v", "run", profile, null, null));
    }

    static List<LevelSummary> sweep(int max) {
        List<LevelSummary> out = new ArrayList<>();
        for (int p = 1; p <= max; p++) {
            out.add(level("sweep", p, p));
        }
        return out;
    }

    private static List<String> names(XYChart c) {
        return c.getSeriesCollection().stream().map(XYSeries::getName).toList();
    }

    @Test
    void sweepChartsAreTitledFromTheResultAndMarkTheCpusTimeSlicingAndTheIdeal() throws Exception {
        var charts = LevelCharts.charts(result("sweep", sweep(4), true, List.of()));
        assertThat(charts).extracting(ChartFiles.Named::baseName).containsExactly("total-time", "per-task-time", "speedup");
        XYChart total = (XYChart) charts.get(0).chart();
        assertThat(total.getTitle()).isEqualTo("SIMULATED — sweep (threads): P tasks on P workers, 1 trial a level — "
                + "total wall time");
        assertThat(names(total)).contains("P tasks on P workers", "ideal: linear speedup up to the 2 CPUs",
                "2 CPUs (effective)", "time-slicing from 3 workers (measured)");
        XYChart speedup = (XYChart) charts.get(2).chart();
        assertThat(names(speedup)).contains("P tasks on P workers: speedup", "P tasks on P workers: efficiency (right axis)")
                .anyMatch(n -> n.startsWith("P tasks on P workers: knee at "));
        List<Path> files = LevelCharts.write(result("sweep", sweep(4), false, List.of()), dir);
        assertThat(files).hasSize(6);
        for (Path f : files) {
            assertThat(Files.size(f)).isGreaterThan(1000);
        }
    }

    @Test
    void roundsTotalTimeHasItsSequentialLine() {
        List<LevelSummary> levels = new ArrayList<>();
        for (int p = 1; p <= 3; p++) {
            levels.add(level("rounds", p, 8));
            levels.add(level("queue", p, 8));
        }
        XYChart total = (XYChart) LevelCharts.charts(result("rounds", levels, false, List.of())).get(0).chart();
        assertThat(total.getTitle()).startsWith("rounds (threads): 8 tasks in rounds of P and on a queue");
        // the lab's strategy first, the queue beside it; the 1-worker time as the sequential line
        assertThat(names(total)).startsWith("rounds of P (barrier)", "queue (no barrier)")
                .contains("sequential: 8 tasks on 1 worker (160 ms)");
    }

    @Test
    void aLevelWhoseScalingWasRefusedIsNotDrawnAsASpeedup() {
        var r = result("sweep", sweep(3), false, List.of("sweep, 3 workers: efficiency 140% (speedup 4.20) is above 105%"));
        var charts = LevelCharts.charts(r);
        XYChart speedup = (XYChart) charts.get(2).chart();
        assertThat(speedup.getTitle()).contains("REFUSED").contains("(refused levels not drawn)");
        assertThat(speedup.getSeries("P tasks on P workers: speedup").getXData()).containsExactly(1.0, 2.0);
    }

    @Test
    void aLogAxisOnlyWhereTheValuesSpanMoreThanTenTimes() {
        // 60 levels on 2 CPUs: times from 20 ms to 600 ms, and more workers than a linear axis can show
        XYChart total = (XYChart) LevelCharts.charts(result("sweep", sweep(60), false, List.of())).get(0).chart();
        assertThat(total.getStyler().isYAxisLogarithmic()).isTrue();
        assertThat(total.getStyler().isXAxisLogarithmic()).isTrue();
        XYChart small = (XYChart) LevelCharts.charts(result("sweep", sweep(4), false, List.of())).get(0).chart();
        assertThat(small.getStyler().isYAxisLogarithmic()).isFalse();
        assertThat(small.getStyler().isXAxisLogarithmic()).isFalse();
    }

    /** A noisy level (sd above the mean) on a log time axis: its error bar stops above zero, the chart is drawn. */
    @Test
    void errorBarsOnALogAxisStopAboveZero() {
        List<LevelSummary> levels = new ArrayList<>(sweep(2));
        levels.add(new LevelSummary("sweep", 3, 1, 3, 0, 0.9, SampleStats.of(new double[] {0.01, 0.02, 0.6}), 0.02, 0.2,
                3 / 0.9, 1.1, 0.37));
        List<Path> files = LevelCharts.write(result("sweep", levels, false, List.of()), dir);
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("per-task-time.png");
        XYChart perTask = (XYChart) LevelCharts.charts(result("sweep", levels, false, List.of())).get(1).chart();
        assertThat(perTask.getStyler().isYAxisLogarithmic()).isTrue();
    }
}
