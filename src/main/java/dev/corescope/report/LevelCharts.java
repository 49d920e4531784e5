package dev.corescope.report;

import dev.corescope.analysis.LevelSummary;
import dev.corescope.analysis.Units;
import dev.corescope.experiment.Measured;
import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The charts of sweep and rounds runs: workers vs total wall time (one series per experiment, the
 * sequential time as a line), and workers vs per-task time with sd error bars and min/max.
 */
public final class LevelCharts {
    private LevelCharts() {
    }

    public static List<Path> write(Measured s, Path dir, String title) {
        List<Path> files = new ArrayList<>();
        Map<String, List<LevelSummary>> byExperiment = new LinkedHashMap<>();
        for (LevelSummary l : s.levels()) {
            byExperiment.computeIfAbsent(l.experiment(), k -> new ArrayList<>()).add(l);
        }
        List<LevelSummary> sequential = byExperiment.remove("sequential");
        if (byExperiment.isEmpty()) {
            return files;
        }
        files.addAll(ChartFiles.save(totalChart(byExperiment, sequential, title), dir, "total-time"));
        files.addAll(ChartFiles.save(perTaskChart(byExperiment, title), dir, "per-task-time"));
        return files;
    }

    static XYChart base(String title, String x, String y) {
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setYAxisMin(0.0);
        return chart;
    }

    private static XYChart totalChart(Map<String, List<LevelSummary>> byExperiment, List<LevelSummary> sequential,
                                      String title) {
        XYChart chart = base(title + ": total wall time", "concurrent workers", "total wall time (s)");
        double maxX = 1;
        for (var e : byExperiment.entrySet()) {
            double[] x = e.getValue().stream().mapToDouble(LevelSummary::workers).toArray();
            double[] y = e.getValue().stream().mapToDouble(LevelSummary::totalSeconds).toArray();
            chart.addSeries(label(e.getKey()), x, y).setMarker(SeriesMarkers.CIRCLE);
            maxX = Math.max(maxX, x[x.length - 1]);
        }
        if (sequential != null && !sequential.isEmpty()) {
            LevelSummary seq = sequential.get(0);
            XYSeries line = chart.addSeries(Units.format("sequential, %d tasks on 1 worker", seq.tasks()),
                    new double[] {1, maxX}, new double[] {seq.totalSeconds(), seq.totalSeconds()});
            line.setMarker(SeriesMarkers.NONE);
            line.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f));
        }
        return chart;
    }

    private static XYChart perTaskChart(Map<String, List<LevelSummary>> byExperiment, String title) {
        XYChart chart = base(title + ": time per task", "concurrent workers", "wall time per task (s)");
        for (var e : byExperiment.entrySet()) {
            List<LevelSummary> ls = e.getValue();
            double[] x = ls.stream().mapToDouble(LevelSummary::workers).toArray();
            double[] mean = ls.stream().mapToDouble(l -> l.perTask().mean()).toArray();
            double[] sd = ls.stream().mapToDouble(l -> finite(l.perTask().sd())).toArray();
            String name = label(e.getKey());
            chart.addSeries(name + ": mean ± sd", x, mean, sd).setMarker(SeriesMarkers.CIRCLE);
            chart.addSeries(name + ": min", x, ls.stream().mapToDouble(l -> l.perTask().min()).toArray())
                    .setMarker(SeriesMarkers.TRIANGLE_DOWN);
            chart.addSeries(name + ": max", x, ls.stream().mapToDouble(l -> l.perTask().max()).toArray())
                    .setMarker(SeriesMarkers.TRIANGLE_UP);
        }
        return chart;
    }

    private static String label(String experiment) {
        return switch (experiment) {
            case "sweep" -> "one task per worker";
            case "rounds" -> "rounds of P (barrier)";
            case "queue" -> "queue (no barrier)";
            default -> experiment;
        };
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }
}
