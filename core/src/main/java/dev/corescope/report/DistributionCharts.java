package dev.corescope.report;

import dev.corescope.analysis.SizeStats;
import dev.corescope.exec.TaskRecord;
import dev.corescope.experiment.Assessment.AlgorithmResult;
import dev.corescope.experiment.InvestigateReport;
import dev.corescope.experiment.SanityGate;
import dev.corescope.store.RecordLog;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.BoxSeries;
import org.knowm.xchart.style.BoxStyler;

/**
 * Box plots where a distribution matters, from the run's task records: an investigation's task times per level,
 * relative to one worker's median at the same size (the shape behind the mean, median and sd ratios); an assessment's
 * task times per size for one algorithm. Boxes: quartiles and median; whiskers to the last point within 1.5 IQR;
 * crosses beyond.
 */
final class DistributionCharts {
    /** At most this many boxes on a chart (sizes beyond are thinned evenly). */
    static final int MAX_BOXES = 20;

    private DistributionCharts() {
    }

    /** The measured task records of a run directory (none when it has no records.jsonl or it cannot be read). */
    static List<TaskRecord> records(Path dir) {
        Path file = dir.resolve("records.jsonl");
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return RecordLog.readTolerant(file).records().stream()
                    .filter(r -> r.ok() && SanityGate.isResult(r.experiment()) && r.wallSeconds() > 0).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Task time over one worker's median at the same size, one box per level. */
    static BoxChart levels(InvestigateReport r, List<TaskRecord> records, String title) {
        Map<Long, double[]> alone = new HashMap<>();
        records.stream().filter(t -> t.level() == 1).collect(Collectors.groupingBy(TaskRecord::size)).forEach((n, rs) ->
                alone.put(n, rs.stream().mapToDouble(TaskRecord::wallSeconds).sorted().toArray()));
        BoxChart chart = chart(title + " — task times per level", "concurrent workers P",
                "task time / one worker's median (lines: 1 and 1 + tolerance)");
        List<Double> all = new ArrayList<>();
        for (InvestigateReport.Level l : r.levels()) {
            double[] v = records.stream().filter(t -> t.level() == l.workers() && alone.containsKey(t.size()))
                    .mapToDouble(t -> t.wallSeconds() / median(alone.get(t.size()))).toArray();
            if (v.length > 0) {
                add(chart, l.workers() + (l.workers() == 1 || l.verdict() == null ? "" : ": " + l.verdict()), v);
                Arrays.stream(v).forEach(all::add);
            }
        }
        axis(chart, all, TickLabels.Kind.NUMBER);
        chart.addAnnotation(reference(1.0));
        if (Double.isFinite(r.tolerance())) {
            chart.addAnnotation(reference(1 + r.tolerance()));
        }
        return chart;
    }

    /**
     * One algorithm's task times, one box per size, each relative to its size's median: the spread, skew and outliers
     * of every size on one scale (the complexity chart shows how the sizes' times grow).
     */
    static BoxChart sizes(AlgorithmResult alg, List<TaskRecord> records, String title) {
        List<Long> sizes = alg.sizes().stream().filter(s -> s.count() > 0).map(SizeStats::size).toList();
        int every = (int) Math.ceil(sizes.size() / (double) MAX_BOXES);
        BoxChart chart = chart(title, "input size n" + (every > 1 ? " (every " + every + "th size)" : ""),
                "task time / median at that size");
        List<Double> all = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i += Math.max(1, every)) {
            long n = sizes.get(i);
            double[] v = records.stream().filter(t -> t.size() == n).mapToDouble(TaskRecord::wallSeconds).sorted()
                    .toArray();
            if (v.length > 0) {
                double median = median(v);
                double[] rel = Arrays.stream(v).map(x -> x / median).toArray();
                add(chart, TickLabels.count(n), rel);
                Arrays.stream(rel).forEach(all::add);
            }
        }
        axis(chart, all, TickLabels.Kind.NUMBER);
        chart.addAnnotation(reference(1.0));
        return chart;
    }

    private static BoxChart chart(String title, String x, String y) {
        BoxChart chart = new BoxChartBuilder().width(1000).height(560).title(title).xAxisTitle(x).yAxisTitle(y).build();
        BoxStyler st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setLegendVisible(false);
        st.setPlotGridLinesColor(new Color(0xDDDDDD));
        st.setBoxplotCalCulationMethod(BoxStyler.BoxplotCalCulationMethod.N_LESS_1_PLUS_1);
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        return chart;
    }

    /** One box (XChart 4.0.3 draws every box blue, its median red, whatever the series' colours). */
    private static void add(BoxChart chart, String name, double[] v) {
        BoxSeries s = chart.addSeries(name, v);
        s.setMarkerColor(ChartStyle.color(1));
    }

    private static void axis(BoxChart chart, List<Double> values, TickLabels.Kind kind) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).filter(x -> x > 0).toArray();
        double lo = Arrays.stream(v).min().orElse(1);
        double hi = Arrays.stream(v).max().orElse(1);
        boolean log = ChartStyle.spansDecade(v);
        chart.getStyler().setYAxisLogarithmic(log);
        chart.getStyler().setYAxisLogarithmicDecadeOnly(false);
        chart.setCustomYAxisTickLabelsFormatter(log ? TickLabels.log(kind, lo, hi) : TickLabels.linear(kind));
    }

    /** A horizontal line at {@code y} (1: as fast as alone; 1 + tolerance). */
    private static AnnotationLine reference(double y) {
        return new AnnotationLine(y, false, false);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
