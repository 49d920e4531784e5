package dev.corescope.report;

import dev.corescope.analysis.Knee;
import dev.corescope.analysis.LevelScaling;
import dev.corescope.analysis.LevelSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Speedup and efficiency of a level run against the ideal: speedup (throughput over one worker's) on the left axis,
 * with the ideal linear speedup capped at the effective CPUs; efficiency (speedup / P) on the right axis, dashed; the
 * knee of each experiment. Levels whose scaling the sanity layer refused are not drawn.
 */
final class ScalingChart {
    private ScalingChart() {
    }

    static XYChart chart(Map<String, List<LevelSummary>> byExperiment, LevelCharts.Context c) {
        XYChart chart = ChartStyle.xy(c.title() + " — speedup and efficiency", "concurrent workers P",
                "speedup over one worker (throughput ratio)");
        List<LevelSummary> main = byExperiment.values().iterator().next();
        double[] range = LevelCharts.range(main);
        List<Double> tops = new ArrayList<>();
        int k = 0;
        boolean refusedAny = false;
        for (var e : byExperiment.entrySet()) {
            List<LevelSummary> ls = e.getValue().stream()
                    .filter(l -> Double.isFinite(l.speedup()) && !c.refused(l, true)).toList();
            refusedAny |= ls.size() < e.getValue().size();
            if (!ls.isEmpty()) {
                double[] x = LevelCharts.workers(ls);
                double[] s = ls.stream().mapToDouble(LevelSummary::speedup).toArray();
                ChartStyle.points(chart, LevelCharts.label(e.getKey()) + ": speedup", x, s, null, k);
                XYSeries eff = chart.addSeries(LevelCharts.label(e.getKey()) + ": efficiency (right axis)", x,
                        ls.stream().mapToDouble(l -> 100 * l.efficiency()).toArray());
                eff.setYAxisGroup(1);
                eff.setMarker(SeriesMarkers.DIAMOND);
                eff.setMarkerColor(ChartStyle.color(k));
                eff.setLineColor(ChartStyle.color(k));
                eff.setLineStyle(ChartStyle.DASHED);
                for (double v : s) {
                    tops.add(v);
                }
                Knee knee = LevelScaling.of(e.getKey(), ls).knee();
                LevelSummary at = knee == null ? null : ls.stream().filter(l -> l.workers() == knee.workers())
                        .findFirst().orElse(null);
                if (at != null && ls.size() > 1) {
                    XYSeries kn = chart.addSeries(LevelCharts.label(e.getKey()) + ": knee at " + at.workers()
                            + " workers", new double[] {at.workers()}, new double[] {at.speedup()});
                    kn.setMarker(SeriesMarkers.SQUARE);
                    kn.setMarkerColor(ChartStyle.color(6));
                    kn.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                }
            }
            k++;
        }
        double[] ideal = new double[range.length];
        for (int i = 0; i < range.length; i++) {
            ideal[i] = Math.min(range[i], LevelCharts.cpusOr(c, range[i]));
            tops.add(ideal[i]);
        }
        ChartStyle.line(chart, LevelCharts.idealLabel(c), range, ideal, ChartStyle.REFERENCE, ChartStyle.DOTTED);
        double top = Math.max(1, tops.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).max()
                .orElse(1));
        var st = chart.getStyler();
        boolean logX = ChartStyle.logWorkers(range);
        ChartStyle.xAxis(chart, TickLabels.Kind.WORKERS, logX, range[0], range[range.length - 1]);
        st.setYAxisMin(0, 0.0);
        st.setYAxisMax(0, Math.ceil(top * 1.1));
        st.setYAxisMin(1, 0.0);
        st.setYAxisMax(1, 10 * Math.ceil(Math.max(110, maxEfficiency(byExperiment) * 110) / 10));
        st.setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.setYAxisGroupTitle(1, "efficiency, % (speedup / P)");
        LevelCharts.markers(chart, c, range, 0, Math.ceil(top * 1.1));
        if (refusedAny) {
            chart.setTitle(chart.getTitle() + " (refused levels not drawn)");
        }
        return chart;
    }

    private static double maxEfficiency(Map<String, List<LevelSummary>> byExperiment) {
        return byExperiment.values().stream().flatMap(List::stream).mapToDouble(LevelSummary::efficiency)
                .filter(Double::isFinite).max().orElse(1);
    }
}
