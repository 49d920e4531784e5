package dev.corescope.report;

import dev.corescope.analysis.SizeStats;
import dev.corescope.exec.TaskRecord;
import dev.corescope.exec.WorkerMode;
import dev.corescope.experiment.Assessment;
import dev.corescope.experiment.Assessment.AlgorithmResult;
import dev.corescope.experiment.Assessment.Fit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;

/**
 * The assessment's charts, drawn from its result: mean time per task against input size (± sd error bars, one colour
 * per algorithm) with each algorithm's fitted model as a dashed line, or "no model fits" in its legend; log axes where
 * the values span more than 10× (a power law is then a straight line, and an exponential one on a log time axis over
 * a linear size axis), or always with {@code --log}; and per algorithm a box plot of its task times per size. Titles
 * and legends say the level each algorithm was measured at, which may be lower than the one asked for.
 */
public final class ComplexityCharts {
    private static final int CURVE_POINTS = 60;

    private ComplexityCharts() {
    }

    /** Writes complexity (.png, .svg) and, with the run's records, task-times-&lt;algorithm&gt; per algorithm. */
    public static List<Path> write(Assessment a, boolean simulated, Path dir, boolean logLog) {
        List<ChartFiles.Named> charts = new ArrayList<>();
        charts.add(new ChartFiles.Named(chart(a, simulated, logLog), "complexity"));
        List<TaskRecord> records = DistributionCharts.records(dir);
        java.util.Set<String> files = new java.util.HashSet<>();
        for (AlgorithmResult alg : a.algorithms()) {
            String file = fileName(alg.algorithm());
            for (int k = 2; !files.add(file); k++) { // two names may clean up alike ("a b", "a_b"): neither is lost
                file = fileName(alg.algorithm()) + "-" + k;
            }
            List<TaskRecord> mine = records.stream().filter(r -> r.experiment().equals("assess/" + alg.algorithm()))
                    .toList();
            if (!mine.isEmpty()) {
                charts.add(new ChartFiles.Named(DistributionCharts.sizes(alg, mine, (simulated ? "SIMULATED — " : "")
                        + alg.algorithm() + ": spread of task times per size, on " + workers(alg.workers(), a.plan().mode())
                        + requested(alg.workers(), a.plan().workers())), "task-times-" + file));
            }
        }
        return ChartFiles.saveAll(charts, dir);
    }

    /**
     * {@code sort-merge, sort-quick: 30 repeats per size on 1 worker thread (2 asked for)}: the level the algorithms
     * were measured at, from the result.
     */
    public static String title(Assessment a, boolean simulated) {
        List<Integer> levels = a.algorithms().stream().map(AlgorithmResult::workers).filter(w -> w > 0).distinct()
                .sorted().toList();
        WorkerMode mode = a.plan().mode();
        String on;
        if (levels.isEmpty()) {
            on = "no level measured";
        } else if (levels.size() == 1) {
            on = "on " + workers(levels.get(0), mode) + requested(levels.get(0), a.plan().workers());
        } else {
            on = "on " + levels.get(0) + "–" + levels.get(levels.size() - 1) + " " + unit(mode, 2)
                    + " (per algorithm, see the legend; " + a.plan().workers() + " asked for)";
        }
        return (simulated ? "SIMULATED — " : "")
                + String.join(", ", a.algorithms().stream().map(AlgorithmResult::algorithm).toList())
                + ": " + a.plan().repeats() + " repeats per size " + on;
    }

    /** {@code 1 worker thread}, {@code 2 worker JVMs}. */
    static String workers(int n, WorkerMode mode) {
        return n + " " + unit(mode, n);
    }

    private static String unit(WorkerMode mode, int n) {
        String u = mode == WorkerMode.PROCESSES ? "worker JVM" : mode == WorkerMode.CLUSTER ? "cluster worker"
                : "worker thread";
        return n == 1 ? u : u + "s";
    }

    private static String requested(int level, int asked) {
        return asked > level ? " (" + asked + " asked for)" : "";
    }

    public static XYChart chart(Assessment a, boolean simulated, boolean forceLog) {
        List<AlgorithmResult> algorithms = a.algorithms();
        double[] sizes = algorithms.stream().flatMap(x -> x.sizes().stream()).filter(s -> s.count() > 0)
                .mapToDouble(SizeStats::size).toArray();
        double[] means = algorithms.stream().flatMap(x -> x.sizes().stream()).mapToDouble(SizeStats::mean)
                .filter(v -> v > 0 && Double.isFinite(v)).toArray();
        boolean logX = forceLog || ChartStyle.spansDecade(sizes);
        boolean logY = forceLog || ChartStyle.spansDecade(means);
        boolean levelsDiffer = algorithms.stream().map(AlgorithmResult::workers).distinct().count() > 1;
        XYChart chart = ChartStyle.xy(title(a, simulated), "input size n" + (logX ? " (log scale)" : ""),
                "time per task, mean ± sd" + (logY ? " (log scale)" : ""));
        int k = 0;
        for (AlgorithmResult alg : algorithms) {
            List<SizeStats> cells = alg.sizes().stream().filter(s -> s.count() > 0 && s.mean() > 0).toList();
            if (!cells.isEmpty()) {
                series(chart, alg, cells, k, logX, logY, levelsDiffer, a.plan().mode());
            }
            k++;
        }
        double lo = Arrays.stream(means).min().orElse(1);
        double hi = Arrays.stream(means).max().orElse(1);
        ChartStyle.xAxis(chart, TickLabels.Kind.COUNT, logX, Arrays.stream(sizes).min().orElse(1),
                Arrays.stream(sizes).max().orElse(1));
        ChartStyle.yAxis(chart, TickLabels.Kind.TIME, logY, lo, hi);
        return chart;
    }

    private static void series(XYChart chart, AlgorithmResult alg, List<SizeStats> cells, int k, boolean logX,
                               boolean logY, boolean levelsDiffer, WorkerMode mode) {
        double[] x = cells.stream().mapToDouble(SizeStats::size).toArray();
        double[] y = cells.stream().mapToDouble(SizeStats::mean).toArray();
        double[] err = cells.stream().mapToDouble(s -> {
            double e = Double.isFinite(s.sd()) ? s.sd() : 0;
            return logY ? Math.min(e, 0.9 * s.mean()) : e; // a bar below zero has no place on a log axis
        }).toArray();
        Fit fit = alg.fit();
        String name = alg.algorithm() + (levelsDiffer ? " (" + workers(alg.workers(), mode) + ")" : "");
        XYSeries pts = chart.addSeries(name + ": mean ± sd of " + cells.get(0).count() + " repeats"
                + (fit != null && fit.fitted() && !fit.fits() ? " — no model fits" : ""), x, y, err);
        pts.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
        pts.setMarkerColor(ChartStyle.color(k));
        pts.setLineColor(ChartStyle.color(k));
        pts.setLineStyle(SeriesLines.NONE);
        if (fit == null || !fit.fits()) {
            return;
        }
        double lo = x[0];
        double hi = x[x.length - 1];
        double[] cx = new double[CURVE_POINTS];
        double[] cy = new double[CURVE_POINTS];
        for (int i = 0; i < CURVE_POINTS; i++) {
            double f = i / (double) (CURVE_POINTS - 1);
            cx[i] = logX ? lo * Math.pow(hi / lo, f) : lo + (hi - lo) * f;
            cy[i] = logY ? Math.max(fit.predict(cx[i]), 1e-12) : fit.predict(cx[i]);
        }
        String checks = fit.check() == null ? String.format(Locale.ROOT, "R² %.3f", fit.rSquared())
                : "cross-validated error " + FitText.relative(fit.check().cvError()) + ", worst residual "
                + FitText.worst(fit.check());
        ChartStyle.line(chart, alg.algorithm() + ": fit " + fit.label() + " (" + checks + ")", cx, cy,
                ChartStyle.color(k), ChartStyle.DASHED);
    }

    /** An algorithm's label as a file name: letters, digits, '-', '_' and '.' kept, the rest '_'. */
    static String fileName(String algorithm) {
        String s = algorithm.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.length() > 80 ? s.substring(0, 80) : s;
    }
}
