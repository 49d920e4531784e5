package dev.corescope.report;

import dev.corescope.analysis.TransferCell;
import dev.corescope.analysis.Units;
import dev.corescope.exec.WorkerMode;
import dev.corescope.experiment.SanityGate;
import dev.corescope.experiment.TransferResult;
import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * One heatmap per mode: task duration (x) × result size (y) → speedup of N workers over one thread.
 * Every cell is annotated with its speedup; the colour scale runs from 0 to M (M = the largest
 * speedup rounded up, at least 2) with white pinned at 1.0: red cells ran slower in parallel, blue
 * ones faster.
 */
public final class TransferCharts {
    private TransferCharts() {
    }

    /** One heatmap per mode; a cell whose speedup the sanity layer refused is left blank, and the title says so. */
    public static List<Path> write(TransferResult s, Path dir) {
        List<Path> files = new ArrayList<>();
        List<String> refusals = s.remarks().refusals();
        for (WorkerMode mode : s.modes()) {
            List<TransferCell> cells = s.cellsOf(mode);
            if (!cells.isEmpty()) {
                List<TransferCell> shown = cells.stream().filter(c -> refusals.stream()
                        .noneMatch(r -> r.startsWith(SanityGate.subject(c) + ":"))).toList();
                HeatMapChart chart = heatmap(mode, cells, shown);
                if (!refusals.isEmpty()) {
                    chart.setTitle(chart.getTitle() + " — REFUSED" + (shown.size() < cells.size()
                            ? " (blank: refused cells)" : ""));
                }
                files.addAll(ChartFiles.save(chart, dir, "speedup-" + mode));
            }
        }
        return files;
    }

    static HeatMapChart heatmap(WorkerMode mode, List<TransferCell> cells) {
        return heatmap(mode, cells, cells);
    }

    /**
     * The heatmap of one mode's cells, titled with the workers they ran on (from the cells, not the plan); the cells
     * not {@code shown} stay blank.
     */
    static HeatMapChart heatmap(WorkerMode mode, List<TransferCell> cells, List<TransferCell> shown) {
        List<Double> durations = cells.stream().map(TransferCell::durationSeconds).distinct().sorted().toList();
        List<Long> sizes = cells.stream().map(TransferCell::sizeBytes).distinct().sorted().toList();
        List<Integer> workers = cells.stream().map(c -> c.shape().workers()).distinct().sorted().toList();
        String n = workers.size() == 1 ? String.valueOf(workers.get(0))
                : workers.get(0) + "–" + workers.get(workers.size() - 1);
        boolean one = workers.size() == 1 && workers.get(0) == 1;
        String who = mode == WorkerMode.PROCESSES ? n + " worker JVM" + (one ? "" : "s") : n + " thread" + (one ? "" : "s");
        HeatMapChart chart = new HeatMapChartBuilder().width(1000).height(620)
                .title("Speedup of " + who + " over one thread (white 1.0, red slower, blue faster)")
                .xAxisTitle("work per task (calibrated spin)").yAxisTitle("result returned per task").build();
        var st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setLegendVisible(true);
        st.setShowValue(true);
        st.setValueFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        st.setValueFontColor(Color.BLACK);
        st.setHeatMapValueDecimalPattern("0.00");
        int top = scaleTop(shown.stream().mapToDouble(TransferCell::speedup).filter(Double::isFinite).max().orElse(2));
        st.setMin(0);
        st.setMax(top);
        st.setRangeColors(scaleColours(top));
        st.setDrawBorder(true);
        st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        List<String> x = durations.stream().map(Units::duration).toList();
        List<String> y = sizes.stream().map(Units::bytes).toList();
        List<Number[]> heat = new ArrayList<>();
        for (TransferCell c : shown) {
            int xi = durations.indexOf(c.durationSeconds());
            int yi = sizes.indexOf(c.sizeBytes());
            heat.add(new Number[] {xi, yi, Double.isFinite(c.speedup()) ? c.speedup() : 0});
        }
        chart.addSeries("speedup", x, y, heat);
        return chart;
    }

    /** Top of the colour scale: the largest speedup rounded up, at least 2 (so 1.0 is never the top). */
    static int scaleTop(double maxSpeedup) {
        return (int) Math.max(2, Math.ceil(maxSpeedup));
    }

    /**
     * Colour stops evenly spaced over [0, top] every 0.5: dark red at 0, light red at 0.5, white at 1.0,
     * then blues darkening up to {@code top}.
     */
    static Color[] scaleColours(int top) {
        int stops = 2 * top + 1;
        Color[] c = new Color[stops];
        c[0] = new Color(0xB2182B);
        c[1] = new Color(0xF4A582);
        c[2] = Color.WHITE;
        Color light = new Color(0xD1E5F0);
        Color dark = new Color(0x2166AC);
        for (int i = 3; i < stops; i++) {
            double f = stops == 4 ? 1 : (i - 3) / (double) (stops - 4);
            c[i] = new Color((int) Math.round(light.getRed() + f * (dark.getRed() - light.getRed())),
                    (int) Math.round(light.getGreen() + f * (dark.getGreen() - light.getGreen())),
                    (int) Math.round(light.getBlue() + f * (dark.getBlue() - light.getBlue())));
        }
        return c;
    }
}
