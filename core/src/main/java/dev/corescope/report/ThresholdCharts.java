package dev.corescope.report;

import dev.corescope.analysis.DistributionComparison;
import dev.corescope.analysis.Knee;
import dev.corescope.analysis.Throughput;
import dev.corescope.analysis.Units;
import dev.corescope.analysis.UslFit;
import dev.corescope.exec.TaskRecord;
import dev.corescope.experiment.InvestigateReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Charts of an investigation, drawn from its result: every ratio that decided a level against one worker, with the
 * interval its table gives (the spin kernel's ratio of medians; a workload's mean, median and sd ratios) and the
 * limits they were judged by; the throughput with the ideal, the USL fit and the knee; the distribution of task times
 * per level ({@link DistributionCharts}). Each marks the effective CPUs and the threshold.
 */
public final class ThresholdCharts {
    private ThresholdCharts() {
    }

    /**
     * Writes threshold-ratio, throughput and, with the run's task records, task-times. {@code refusals}: the result's
     * (each "subject: reason"); a refused threshold or knee is not marked, and the titles say REFUSED.
     */
    public static List<Path> write(InvestigateReport r, List<String> refusals, Path dir) {
        System.setProperty("java.awt.headless", "true");
        List<ChartFiles.Named> charts = new ArrayList<>(List.of(
                new ChartFiles.Named(ratioChart(r, refusals), "threshold-ratio"),
                new ChartFiles.Named(throughputChart(r, refusals), "throughput")));
        List<TaskRecord> records = DistributionCharts.records(dir);
        if (!records.isEmpty()) {
            charts.add(new ChartFiles.Named(DistributionCharts.levels(r, records, simulated(r) + title(r, refusals)),
                    "task-times"));
        }
        return ChartFiles.saveAll(charts, dir);
    }

    static XYChart ratioChart(InvestigateReport r) {
        return ratioChart(r, List.of());
    }

    static XYChart throughputChart(InvestigateReport r) {
        return throughputChart(r, List.of());
    }

    private static boolean refused(List<String> refusals, String subject) {
        return refusals.stream().anyMatch(x -> x.startsWith(subject + ":"));
    }

    /** {@code "SIMULATED — "} before the titles of a simulated machine's charts. */
    static String simulated(InvestigateReport r) {
        var p = r.machine().profile();
        return p != null && p.simulated() != null ? "SIMULATED — " : "";
    }

    /** {@code investigate (threads): threshold 2 workers}, or REFUSED. */
    static String title(InvestigateReport r, List<String> refusals) {
        String threshold = refused(refusals, "threshold") ? "threshold refused"
                : "threshold " + r.threshold() + (r.settled() ? "" : " (not settled)");
        return "investigate (" + r.mode() + "), " + threshold + (refusals.isEmpty() ? "" : " — REFUSED");
    }

    static XYChart ratioChart(InvestigateReport r, List<String> refusals) {
        boolean workload = r.levels().stream().anyMatch(l -> l.distribution() != null);
        XYChart chart = ChartStyle.xy(simulated(r) + "Task time vs one worker — " + title(r, refusals), "concurrent workers P",
                workload ? "ratio to one worker alone, with 95% interval"
                        : "worst-off worker's task time / one worker's, 95% CI");
        List<Double> ys = new ArrayList<>();
        if (workload) {
            ratio(chart, r, "mean ratio", -0.12, 0, d -> d.mean(), ys);
            ratio(chart, r, "median ratio", 0, 1, d -> d.median(), ys);
            ratio(chart, r, "sd ratio", 0.12, 3, d -> d.sd(), ys);
        } else {
            ratio(chart, r, "worst-off worker", 0, 0, null, ys);
            pooled(chart, r, ys);
        }
        double[] x = r.levels().stream().mapToDouble(InvestigateReport.Level::workers).toArray();
        double lo = Math.max(1, x[0] - 0.3);
        double hi = x[x.length - 1] + 0.3;
        double tol = 1 + r.tolerance();
        if (Double.isFinite(tol)) {
            ChartStyle.line(chart, Units.format("tolerance of the %s: x%.2f", workload ? "mean and median" : "worst-off worker",
                    tol), new double[] {lo, hi}, new double[] {tol, tol}, ChartStyle.REFERENCE, ChartStyle.DASHED);
            ys.add(tol);
        }
        double sdLimit = r.verdict().sdLimit();
        if (workload && sdLimit >= 1) {
            ChartStyle.line(chart, Units.format("sd limit: x%.2f", sdLimit), new double[] {lo, hi},
                    new double[] {sdLimit, sdLimit}, ChartStyle.color(3), ChartStyle.DOTTED);
            ys.add(sdLimit);
        }
        ys.add(1.0);
        double[] y = ys.stream().mapToDouble(Double::doubleValue).filter(v -> v > 0 && Double.isFinite(v)).toArray();
        double yLo = java.util.Arrays.stream(y).min().orElse(1);
        double yHi = java.util.Arrays.stream(y).max().orElse(1);
        boolean logY = ChartStyle.spansDecade(y);
        ChartStyle.xAxis(chart, TickLabels.Kind.WORKERS, ChartStyle.logWorkers(x), x[0], x[x.length - 1]);
        ChartStyle.yAxis(chart, TickLabels.Kind.NUMBER, logY, yLo, yHi);
        double bottom = logY ? yLo : Math.max(0, Math.min(0.95, yLo - 0.05));
        if (!logY) {
            chart.getStyler().setYAxisMin(bottom);
        }
        markers(chart, r, refusals, x, bottom, yHi);
        return chart;
    }

    /**
     * The spin kernel's median of all tasks against one worker's, beside the worst-off worker's ratio: how much a
     * verdict by the median alone would have hidden (levels of records of earlier versions have none).
     */
    private static void pooled(XYChart chart, InvestigateReport r, List<Double> ys) {
        if (!r.levels().stream().allMatch(l -> l.worst() != null)) {
            return;
        }
        double[] x = r.levels().stream().mapToDouble(InvestigateReport.Level::workers).toArray();
        double[] y = r.levels().stream().mapToDouble(l -> l.worst().pooledRatio()).toArray();
        for (double v : y) {
            ys.add(v);
        }
        XYSeries all = chart.addSeries("median of all tasks", x, y);
        all.setMarker(SeriesMarkers.DIAMOND);
        all.setMarkerColor(ChartStyle.REFERENCE);
        all.setLineColor(ChartStyle.REFERENCE);
        all.setLineStyle(ChartStyle.DASHED);
    }

    /**
     * One ratio per level with its interval as a vertical bar, shifted by {@code dx} so that the three ratios of a
     * workload do not cover each other. {@code pick} null: the spin kernel's worst-off worker's ratio and its CI.
     */
    private static void ratio(XYChart chart, InvestigateReport r, String name, double dx, int colour,
                              Function<DistributionComparison, DistributionComparison.Ratio> pick, List<Double> ys) {
        List<Double> px = new ArrayList<>();
        List<Double> py = new ArrayList<>();
        List<Double> bx = new ArrayList<>();
        List<Double> by = new ArrayList<>();
        for (InvestigateReport.Level l : r.levels()) {
            DistributionComparison.Ratio q = l.distribution() == null || pick == null
                    ? new DistributionComparison.Ratio(l.ratio(), l.ratioLow(), l.ratioHigh())
                    : pick.apply(l.distribution());
            if (q == null || !Double.isFinite(q.point())) {
                continue;
            }
            px.add(l.workers() + dx);
            py.add(q.point());
            ys.add(q.point());
            if (Double.isFinite(q.low()) && Double.isFinite(q.high()) && l.workers() > 1) {
                bx.add(l.workers() + dx);
                by.add(q.low());
                bx.add(l.workers() + dx);
                by.add(q.high());
                bx.add(l.workers() + dx);
                by.add(null);
                ys.add(q.low());
                ys.add(q.high());
            }
        }
        if (px.isEmpty()) {
            return;
        }
        XYSeries s = chart.addSeries(name, px, py);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(ChartStyle.color(colour));
        s.setLineColor(ChartStyle.color(colour));
        s.setLineStyle(ChartStyle.SOLID);
        if (!bx.isEmpty()) {
            XYSeries band = chart.addSeries(name + ": 95% interval", bx, by);
            band.setMarker(SeriesMarkers.NONE);
            band.setLineColor(ChartStyle.color(colour));
            band.setLineStyle(new java.awt.BasicStroke(3f));
            band.setShowInLegend(false);
        }
    }

    static XYChart throughputChart(InvestigateReport r, List<String> refusals) {
        XYChart chart = ChartStyle.xy(simulated(r) + "Throughput — " + title(r, refusals), "concurrent workers P",
                "throughput (tasks/s)");
        var levels = r.levels();
        double[] x = levels.stream().mapToDouble(InvestigateReport.Level::workers).toArray();
        double[] y = levels.stream().mapToDouble(l -> Throughput.ofLevel(l.workers(), l.mean())).toArray();
        ChartStyle.points(chart, "measured (P / mean task time)", x, y, null, 0);
        List<Double> ys = new ArrayList<>();
        for (double v : y) {
            ys.add(v);
        }
        double cpus = cpus(r);
        double one = levels.get(0).workers() == 1 ? y[0] : Double.NaN;
        if (Double.isFinite(one)) {
            double[] range = LevelCharts.range((int) x[0], (int) x[x.length - 1]);
            double[] ideal = new double[range.length];
            for (int i = 0; i < range.length; i++) {
                ideal[i] = one * Math.min(range[i], Double.isFinite(cpus) ? cpus : range[i]);
                ys.add(ideal[i]);
            }
            ChartStyle.line(chart, Double.isFinite(cpus) ? Units.format("ideal: one worker's throughput x P, up to the "
                    + "%s CPUs", TickLabels.number(cpus)) : "ideal: one worker's throughput x P", range, ideal,
                    ChartStyle.REFERENCE, ChartStyle.DOTTED);
        }
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
            ChartStyle.line(chart, Units.format("USL fit: σ=%.3f κ=%.4f", usl.sigma(), usl.kappa()), cx, cy,
                    ChartStyle.color(3), ChartStyle.DASHED);
        }
        Knee k = r.knee();
        if (k != null && !refused(refusals, "throughput knee")) {
            XYSeries kn = chart.addSeries("knee: " + k.workers() + " workers", new double[] {k.workers()},
                    new double[] {k.throughput()});
            kn.setMarker(SeriesMarkers.SQUARE);
            kn.setMarkerColor(ChartStyle.color(1));
            kn.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        }
        double[] all = ys.stream().mapToDouble(Double::doubleValue).filter(v -> v > 0 && Double.isFinite(v)).toArray();
        double hi = java.util.Arrays.stream(all).max().orElse(1);
        ChartStyle.xAxis(chart, TickLabels.Kind.WORKERS, ChartStyle.logWorkers(x), x[0], x[x.length - 1]);
        ChartStyle.yAxis(chart, TickLabels.Kind.NUMBER, false, 0, hi);
        markers(chart, r, refusals, x, 0, hi);
        return chart;
    }

    /** The effective CPUs (NaN when unknown). */
    static double cpus(InvestigateReport r) {
        var p = r.machine().profile();
        return p == null ? Double.NaN : p.effectiveCpus();
    }

    /**
     * Vertical lines at the effective CPUs and just after the threshold (between the last level no worse than one
     * worker and the next), unless the threshold was refused.
     */
    static void markers(XYChart chart, InvestigateReport r, List<String> refusals, double[] x, double bottom,
                        double top) {
        double cpus = cpus(r);
        if (Double.isFinite(cpus) && cpus >= 1 && cpus <= x[x.length - 1]) {
            ChartStyle.vertical(chart, Units.format("%s CPUs (effective)", TickLabels.number(cpus)), cpus, bottom, top,
                    ChartStyle.REFERENCE, ChartStyle.DASHED);
        }
        if (r.threshold() >= 1 && !refused(refusals, "threshold")) {
            ChartStyle.vertical(chart, "threshold: " + r.threshold() + " worker" + (r.threshold() == 1 ? "" : "s")
                    + " (levels left of the line: no worse than alone)", r.threshold() + 0.5, bottom, top,
                    ChartStyle.THRESHOLD, ChartStyle.DASH_DOT);
        }
    }
}
