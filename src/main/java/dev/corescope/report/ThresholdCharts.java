package dev.corescope.report;

import dev.corescope.analysis.Knee;
import dev.corescope.analysis.Throughput;
import dev.corescope.analysis.Units;
import dev.corescope.analysis.UslFit;
import dev.corescope.experiment.InvestigateReport;
import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Charts of an investigation: per-task time ratio to one worker vs P with its CI band, the tolerance
 * line and the threshold marked; throughput vs P with the fitted USL curve.
 */
public final class ThresholdCharts {
    private static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);

    private ThresholdCharts() {
    }

    public static List<Path> write(InvestigateReport r, Path dir) {
        System.setProperty("java.awt.headless", "true");
        return ChartFiles.saveAll(List.of(new ChartFiles.Named(ratioChart(r), "threshold-ratio"),
                new ChartFiles.Named(throughputChart(r), "throughput")), dir);
    }

    /** {@code "SIMULATED — "} before the titles of a simulated machine's charts. */
    static String simulated(InvestigateReport r) {
        var p = r.machine().profile();
        return p != null && p.simulated() != null ? "SIMULATED — " : "";
    }

    static XYChart ratioChart(InvestigateReport r) {
        XYChart chart = LevelCharts.base(simulated(r) + "Per-task time vs one worker (" + r.mode() + "); threshold = "
                        + r.threshold(),
                "concurrent workers", "task time / one worker's (worst-off worker)");
        var levels = r.levels();
        double[] x = levels.stream().mapToDouble(InvestigateReport.Level::workers).toArray();
        double maxX = x[x.length - 1];
        XYSeries band = chart.addSeries("95% CI (bootstrap)", x, levels.stream().mapToDouble(l -> l.ratioHigh()).toArray());
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        band.setMarker(SeriesMarkers.NONE);
        band.setLineColor(new Color(120, 160, 230));
        XYSeries low = chart.addSeries("95% CI low", x, levels.stream().mapToDouble(l -> l.ratioLow()).toArray());
        low.setMarker(SeriesMarkers.NONE);
        low.setLineColor(new Color(120, 160, 230));
        low.setShowInLegend(false);
        chart.addSeries("worst-off worker", x, levels.stream().mapToDouble(InvestigateReport.Level::ratio).toArray())
                .setMarker(SeriesMarkers.CIRCLE);
        if (levels.stream().allMatch(l -> l.worst() != null)) {
            XYSeries all = chart.addSeries("median of all tasks", x,
                    levels.stream().mapToDouble(l -> l.worst().pooledRatio()).toArray());
            all.setMarker(SeriesMarkers.DIAMOND);
            all.setLineStyle(DASHED);
            all.setLineColor(new Color(150, 150, 150));
            all.setMarkerColor(new Color(150, 150, 150));
        }
        XYSeries tol = chart.addSeries(Units.format("tolerance (1 + %.0f%%)", 100 * r.tolerance()),
                new double[] {1, Math.max(2, maxX)}, new double[] {1 + r.tolerance(), 1 + r.tolerance()});
        tol.setMarker(SeriesMarkers.NONE);
        tol.setLineStyle(DASHED);
        tol.setLineColor(Color.GRAY);
        double top = levels.stream().mapToDouble(l -> Double.isFinite(l.ratioHigh()) ? l.ratioHigh() : l.ratio()).max()
                .orElse(1.2);
        double bottom = levels.stream().mapToDouble(l -> Double.isFinite(l.ratioLow()) ? l.ratioLow() : l.ratio()).min()
                .orElse(1.0);
        bottom = Math.max(0, Math.min(0.95, bottom - 0.05));
        chart.getStyler().setYAxisMin(bottom);
        XYSeries th = chart.addSeries("threshold: " + r.threshold() + " worker" + (r.threshold() == 1 ? "" : "s"),
                new double[] {r.threshold(), r.threshold()}, new double[] {bottom, Math.max(1.2, top)});
        th.setMarker(SeriesMarkers.NONE);
        th.setLineColor(new Color(0, 140, 0));
        th.setLineStyle(DASHED);
        return chart;
    }

    static XYChart throughputChart(InvestigateReport r) {
        XYChart chart = LevelCharts.base(simulated(r) + "Throughput vs workers (" + r.mode() + ")", "concurrent workers",
                "throughput (tasks/s)");
        var levels = r.levels();
        double[] x = levels.stream().mapToDouble(InvestigateReport.Level::workers).toArray();
        double[] y = levels.stream().mapToDouble(l -> Throughput.ofLevel(l.workers(), l.mean())).toArray();
        chart.addSeries("measured (P / mean task time)", x, y).setMarker(SeriesMarkers.CIRCLE);
        UslFit usl = r.usl();
        if (usl != null) {
            int n = 60;
            double maxX = x[x.length - 1];
            double[] cx = new double[n];
            double[] cy = new double[n];
            for (int i = 0; i < n; i++) {
                cx[i] = 1 + (maxX - 1) * i / (n - 1.0);
                cy[i] = usl.predict(cx[i]);
            }
            XYSeries curve = chart.addSeries(Units.format("USL fit: σ=%.3f κ=%.4f", usl.sigma(), usl.kappa()), cx, cy);
            curve.setMarker(SeriesMarkers.NONE);
            curve.setLineStyle(DASHED);
        }
        Knee k = r.knee();
        if (k != null) {
            chart.addSeries("knee: " + k.workers() + " workers", new double[] {k.workers()}, new double[] {k.throughput()})
                    .setMarker(SeriesMarkers.DIAMOND);
        }
        return chart;
    }
}
