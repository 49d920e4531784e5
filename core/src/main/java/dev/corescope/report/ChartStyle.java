package dev.corescope.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Arrays;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The look every corescope chart shares: the Okabe–Ito colour-blind-safe palette, the legend outside the plot
 * (below it) so that it never hides a point, readable tick labels ({@link TickLabels}), log axes when the values
 * span more than {@value #LOG_SPAN}×, and the reference lines (CPUs, threshold, ideal) in black and grey dashes.
 */
final class ChartStyle {
    /**
     * Okabe &amp; Ito (2008), "Color Universal Design": blue, vermillion, bluish green, orange, reddish purple, sky
     * blue, yellow last (weak on white). Distinct under the common colour-vision deficiencies.
     */
    private static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
        new Color(0xE69F00), new Color(0xCC79A7), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)};
    /** Values spanning more than this factor get a log axis. */
    static final double LOG_SPAN = 10;
    /** Worker-count axes up to this many levels stay linear ({@link #logWorkers}). */
    static final int LOG_WORKERS = 48;
    /** Reference lines: the CPUs and the ideal (dark grey), time-slicing (reddish purple), the threshold (green). */
    static final Color REFERENCE = new Color(0x555555);
    static final Color SLICED = new Color(0xCC79A7);
    static final Color THRESHOLD = new Color(0x009E73);
    static final BasicStroke DASHED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {7f, 4f}, 0f);
    static final BasicStroke DOTTED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {2f, 3f}, 0f);
    static final BasicStroke DASH_DOT = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {8f, 3f, 2f, 3f}, 0f);
    static final BasicStroke SOLID = new BasicStroke(2f);

    private ChartStyle() {
    }

    /** Colour {@code i} of the palette (cycling). */
    static Color color(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /** An XY chart whose height grows with its legend, so that the plot keeps its size ({@link #fitLegend}). */
    static final class Xy extends XYChart {
        Xy(int width, int height) {
            super(width, height);
        }

        void grow(int pixels) {
            setHeight(getHeight() + pixels);
        }
    }

    /** A chart with the shared look; the legend below the plot, one entry a line. */
    static XYChart xy(String title, String xTitle, String yTitle) {
        Xy chart = new Xy(1000, 560);
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        XYStyler st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotGridLinesVisible(true);
        st.setPlotGridLinesColor(new Color(0xDDDDDD));
        st.setSeriesColors(PALETTE);
        st.setLegendPosition(Styler.LegendPosition.OutsideS);
        st.setLegendLayout(Styler.LegendLayout.Vertical);
        st.setLegendBorderColor(Color.WHITE);
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        st.setErrorBarsColorSeriesColor(true);
        st.setMarkerSize(8);
        return chart;
    }

    /**
     * Before saving (once, by {@link ChartFiles}): a long title gets a smaller font, so that it is not cut off (XChart
     * does not wrap titles); legend labels wider than XChart's limit (45% of the chart's width, beyond which it cuts
     * them with an ellipsis) are wrapped onto two lines; an {@link Xy} chart grows by its legend's lines.
     */
    static void fitLegend(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
        String title = chart.getTitle() == null ? "" : chart.getTitle();
        double perChar = 10.0 * chart.getStyler().getChartTitleFont().getSize() / 15.0;
        if (title.length() * perChar > chart.getWidth() - 40) {
            int size = (int) Math.max(10, Math.floor(15 * (chart.getWidth() - 40) / (title.length() * 10.0)));
            chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
        }
        if (chart instanceof Xy xy && xy.getStyler().isLegendVisible()) {
            int maxChars = (int) (0.45 * xy.getWidth() / 7.2); // 12 pt sans: about 7 px a character
            int lines = 0;
            for (var series : xy.getSeriesCollection()) {
                if (series.isShowInLegend()) {
                    String label = wrap(series.getLabel(), maxChars);
                    series.setLabel(label);
                    lines += label.split("\n").length;
                }
            }
            xy.grow(19 * lines + 12);
        }
    }

    /** {@code text} broken at spaces into lines of at most {@code width} characters (a longer word stays whole). */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        int line = 0;
        for (String word : text.split(" ")) {
            if (line > 0 && line + 1 + word.length() > width) {
                out.append('\n');
                line = 0;
            } else if (line > 0) {
                out.append(' ');
                line++;
            }
            out.append(word);
            line += word.length();
        }
        return out.toString();
    }

    /**
     * Whether a worker-count axis is drawn on a log scale: beyond {@value #LOG_WORKERS} levels (a 64-CPU machine's
     * sweep), where the first levels would crowd together on a linear one; up to it, linear, where each level reads.
     */
    static boolean logWorkers(double[] workers) {
        return Arrays.stream(workers).max().orElse(1) > LOG_WORKERS;
    }

    /** Whether positive {@code values} span more than {@link #LOG_SPAN}× (non-positive and NaN ignored). */
    static boolean spansDecade(double... values) {
        double[] v = Arrays.stream(values).filter(x -> x > 0 && Double.isFinite(x)).toArray();
        if (v.length < 2) {
            return false;
        }
        return Arrays.stream(v).max().getAsDouble() > LOG_SPAN * Arrays.stream(v).min().getAsDouble();
    }

    /** The x axis: log when {@code log}, with labels of {@code kind} over [lo, hi]. */
    static void xAxis(XYChart chart, TickLabels.Kind kind, boolean log, double lo, double hi) {
        chart.getStyler().setXAxisLogarithmic(log);
        if (log) {
            chart.getStyler().setXAxisLogarithmicDecadeOnly(false);
            chart.setCustomXAxisTickLabelsFormatter(TickLabels.log(kind, lo, hi));
        } else {
            chart.setCustomXAxisTickLabelsFormatter(TickLabels.linear(kind));
        }
    }

    /** The y axis: log when {@code log} (else from zero), with labels of {@code kind} over [lo, hi]. */
    static void yAxis(XYChart chart, TickLabels.Kind kind, boolean log, double lo, double hi) {
        chart.getStyler().setYAxisLogarithmic(log);
        if (log) {
            chart.getStyler().setYAxisLogarithmicDecadeOnly(false);
            chart.setCustomYAxisTickLabelsFormatter(TickLabels.log(kind, lo, hi));
        } else {
            chart.getStyler().setYAxisMin(0.0);
            chart.setCustomYAxisTickLabelsFormatter(TickLabels.linear(kind));
        }
    }

    /** A reference line through the points (x, y) in the legend as {@code label}. */
    static XYSeries line(XYChart chart, String label, double[] x, double[] y, Color color, BasicStroke stroke) {
        XYSeries s = chart.addSeries(label, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(stroke);
        return s;
    }

    /** A vertical reference line at {@code x} from {@code yLo} to {@code yHi}. */
    static XYSeries vertical(XYChart chart, String label, double x, double yLo, double yHi, Color color,
                             BasicStroke stroke) {
        return line(chart, label, new double[] {x, x}, new double[] {yLo, yHi}, color, stroke);
    }

    /** A measured series: markers joined by a line, in palette colour {@code i}. */
    static XYSeries points(XYChart chart, String label, double[] x, double[] y, double[] err, int i) {
        XYSeries s = err == null ? chart.addSeries(label, x, y) : chart.addSeries(label, x, y, err);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(color(i));
        s.setLineColor(color(i));
        s.setLineStyle(SOLID);
        return s;
    }
}
