package dev.corescope.report;

import dev.corescope.analysis.SizeStats;
import dev.corescope.experiment.Assessment.AlgorithmResult;
import dev.corescope.experiment.Assessment.Fit;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The assessment chart: mean time per task against input size, with ± sd error bars, one colour per
 * algorithm, and each algorithm's fitted complexity model as a line of the same colour. Optionally
 * log-log, where a power law is a straight line and several algorithms of very different speed fit
 * on one chart.
 */
public final class ComplexityCharts {
    static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};
    private static final int CURVE_POINTS = 60;

    private ComplexityCharts() {
    }

    /** Writes {@code complexity.png} and {@code complexity.svg}; returns the files. */
    public static List<Path> write(List<AlgorithmResult> algorithms, Path dir, String title, boolean logLog) {
        return ChartFiles.save(chart(algorithms, title, logLog), dir, "complexity");
    }

    private static String measured(List<AlgorithmResult> algorithms) {
        List<Long> sizes = algorithms.stream().flatMap(a -> a.sizes().stream()).map(SizeStats::size).distinct().sorted()
                .toList();
        if (sizes.size() > 8) {
            return sizes.get(0) + ", " + sizes.get(1) + ", ..., " + sizes.get(sizes.size() - 1);
        }
        return String.join(", ", sizes.stream().map(String::valueOf).toList());
    }

    public static XYChart chart(List<AlgorithmResult> algorithms, String title, boolean logLog) {
        double maxMean = algorithms.stream().flatMap(a -> a.sizes().stream()).mapToDouble(SizeStats::mean)
                .filter(Double::isFinite).max().orElse(0);
        boolean seconds = maxMean >= 2.0;
        double scale = seconds ? 1 : 1000;
        String unit = seconds ? "s" : "ms";
        XYChart chart = new XYChartBuilder().width(1000).height(620).title(title)
                .xAxisTitle("input size n" + (logLog ? " (log scale; measured at " + measured(algorithms) + ")" : ""))
                .yAxisTitle("time per task, mean ± sd (" + unit + ")" + (logLog ? ", log scale" : "")).build();
        org.knowm.xchart.style.XYStyler st = chart.getStyler();
        st.setLegendPosition(Styler.LegendPosition.InsideNW);
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotGridLinesVisible(true);
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        if (logLog) {
            st.setXAxisLogarithmic(true);
            st.setYAxisLogarithmic(true);
        } else {
            st.setYAxisMin(0.0);
            st.setXAxisMin(0.0);
        }
        st.setXAxisDecimalPattern("#,##0");
        int k = 0;
        for (AlgorithmResult a : algorithms) {
            Color color = PALETTE[k++ % PALETTE.length];
            List<SizeStats> cells = a.sizes().stream().filter(s -> s.count() > 0 && s.mean() > 0).toList();
            if (cells.isEmpty()) {
                continue;
            }
            double[] x = cells.stream().mapToDouble(SizeStats::size).toArray();
            double[] y = cells.stream().mapToDouble(s -> s.mean() * scale).toArray();
            double[] err = cells.stream().mapToDouble(s -> {
                double e = Double.isFinite(s.sd()) ? s.sd() * scale : 0;
                return logLog ? Math.min(e, 0.9 * s.mean() * scale) : e; // a bar below zero has no place on a log axis
            }).toArray();
            XYSeries pts = chart.addSeries(a.algorithm() + ": mean ± sd (" + cells.get(0).count() + " repeats)", x, y, err);
            pts.setMarker(SeriesMarkers.CIRCLE);
            pts.setMarkerColor(color);
            pts.setLineColor(color);
            pts.setLineStyle(SeriesLines.NONE);
            Fit fit = a.fit();
            if (fit != null && fit.fitted()) {
                double lo = x[0];
                double hi = x[x.length - 1];
                double[] cx = new double[CURVE_POINTS];
                double[] cy = new double[CURVE_POINTS];
                for (int i = 0; i < CURVE_POINTS; i++) {
                    double f = i / (double) (CURVE_POINTS - 1);
                    cx[i] = logLog ? lo * Math.pow(hi / lo, f) : lo + (hi - lo) * f;
                    cy[i] = fit.predict(cx[i]) * scale;
                }
                if (logLog) {
                    for (int i = 0; i < cy.length; i++) {
                        cy[i] = Math.max(cy[i], 1e-9);
                    }
                }
                XYSeries curve = chart.addSeries(String.format(Locale.ROOT, "%s: fit %s, R² %.3f (power law n^%.2f)",
                        a.algorithm(), fit.bestModel(), fit.rSquared(), fit.powerExponent()), cx, cy);
                curve.setMarker(SeriesMarkers.NONE);
                curve.setLineColor(color);
                curve.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {7f, 4f}, 0f));
            }
        }
        return chart;
    }
}
