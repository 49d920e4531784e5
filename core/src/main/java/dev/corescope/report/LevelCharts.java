package dev.corescope.report;

import dev.corescope.analysis.LevelScaling;
import dev.corescope.analysis.LevelSummary;
import dev.corescope.analysis.Units;
import dev.corescope.experiment.LevelRunResult;
import dev.corescope.experiment.SanityGate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The charts of {@code sweep} and {@code rounds}, drawn from their result: total wall time per level, with the
 * sequential time and the ideal (linear speedup up to the CPUs); the time per task (mean ± sd, min and max) against
 * one worker's; and the speedup and efficiency ({@link ScalingChart}). Each marks the effective CPUs and where
 * time-slicing starts ({@link LevelScaling}, the level the findings name), and leaves out the figures the sanity
 * layer refused.
 */
public final class LevelCharts {
    private LevelCharts() {
    }

    /** What every chart of a level run shows beside its series. */
    record Context(String title, double cpus, int slicedFrom, List<String> refusals) {
        boolean refused(LevelSummary l, boolean scaling) {
            SanityGate.Marks m = SanityGate.marks(refusals, l.experiment(), l.workers());
            return m.times() || scaling && m.scaling();
        }
    }

    /** Writes total-time, per-task-time and speedup (.png, .svg); none when only a sequential baseline ran. */
    public static List<Path> write(LevelRunResult r, Path dir) {
        List<ChartFiles.Named> charts = charts(r);
        return charts.isEmpty() ? List.of() : ChartFiles.saveAll(charts, dir);
    }

    static List<ChartFiles.Named> charts(LevelRunResult r) {
        Map<String, List<LevelSummary>> byExperiment = byExperiment(r.measured().levels());
        List<LevelSummary> sequential = byExperiment.remove("sequential");
        if (byExperiment.isEmpty()) {
            return List.of();
        }
        Context c = context(r, byExperiment);
        return List.of(new ChartFiles.Named(totalChart(byExperiment, sequential, c), "total-time"),
                new ChartFiles.Named(perTaskChart(byExperiment, c), "per-task-time"),
                new ChartFiles.Named(ScalingChart.chart(byExperiment, c), "speedup"));
    }

    /** The levels by experiment, the lab's own first: sweep, rounds, then the queue beside them, then the rest. */
    static Map<String, List<LevelSummary>> byExperiment(List<LevelSummary> levels) {
        List<String> order = List.of("sweep", "rounds", "queue");
        Map<String, List<LevelSummary>> out = new LinkedHashMap<>();
        levels.stream().sorted(java.util.Comparator.comparingInt((LevelSummary l) -> order.contains(l.experiment())
                        ? order.indexOf(l.experiment()) : order.size()).thenComparing(LevelSummary::experiment)
                        .thenComparingInt(LevelSummary::workers))
                .forEach(l -> out.computeIfAbsent(l.experiment(), k -> new ArrayList<>()).add(l));
        return out;
    }

    /**
     * The title from the result: {@code sweep (threads): P tasks on P workers}, {@code rounds (threads): 20 tasks in
     * rounds of P and on a queue}, with SIMULATED and REFUSED when they apply.
     */
    static Context context(LevelRunResult r, Map<String, List<LevelSummary>> byExperiment) {
        var profile = r.metadata() == null ? null : r.metadata().profile();
        String command = r.run() == null || r.run().command() == null ? "run" : r.run().command();
        List<LevelSummary> first = byExperiment.values().iterator().next();
        String what = command.equals("rounds")
                ? first.get(0).tasks() + " tasks in rounds of P" + (byExperiment.size() > 1 ? " and on a queue" : "")
                : command.equals("sweep") ? "P tasks on P workers, " + first.get(0).trials() + " trial"
                + (first.get(0).trials() == 1 ? "" : "s") + " a level" : "tasks on P workers";
        String title = (profile != null && profile.simulated() != null ? "SIMULATED — " : "") + command + " ("
                + r.measured().mode() + "): " + what
                + (r.remarks().refused() ? " — REFUSED" : "");
        int sliced = byExperiment.keySet().stream().mapToInt(e -> LevelScaling.of(e, r.measured().levels()).slicedFrom())
                .filter(p -> p > 0).min().orElse(-1);
        return new Context(title, profile == null ? Double.NaN : profile.effectiveCpus(), sliced,
                r.remarks().refusals());
    }

    private static XYChart totalChart(Map<String, List<LevelSummary>> byExperiment, List<LevelSummary> sequential,
                                      Context c) {
        XYChart chart = ChartStyle.xy(c.title() + " — total wall time", "concurrent workers P",
                "total wall time of the level");
        List<Double> all = new ArrayList<>();
        int k = 0;
        for (var e : byExperiment.entrySet()) {
            List<LevelSummary> ls = e.getValue().stream()
                    .filter(l -> !c.refused(l, false) && l.totalSeconds() > 0).toList();
            if (!ls.isEmpty()) {
                double[] y = ls.stream().mapToDouble(LevelSummary::totalSeconds).toArray();
                ChartStyle.points(chart, label(e.getKey()), workers(ls), y, null, k);
                for (double v : y) {
                    all.add(v);
                }
            }
            k++;
        }
        List<LevelSummary> main = byExperiment.values().iterator().next();
        LevelSummary one = main.stream().filter(l -> l.workers() == 1).findFirst().orElse(null);
        double[] x = range(main);
        if (sequential != null && !sequential.isEmpty()) {
            LevelSummary seq = sequential.get(0);
            double perTask = seq.totalSeconds() / seq.tasks();
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = perTask * x[i];
            }
            ChartStyle.line(chart, Units.format("sequential: P tasks one after another (%s a task)", Units.time(perTask)),
                    x, y, ChartStyle.color(6), ChartStyle.DASHED);
            all.add(y[0]);
            all.add(y[y.length - 1]);
        } else if (one != null && !main.get(0).experiment().equals("sweep")) {
            ChartStyle.line(chart, Units.format("sequential: %d tasks on 1 worker (%s)", one.tasks(),
                    Units.time(one.totalSeconds())), new double[] {x[0], x[x.length - 1]},
                    new double[] {one.totalSeconds(), one.totalSeconds()}, ChartStyle.color(6), ChartStyle.DASHED);
        }
        if (one != null) {
            double[] ideal = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                int p = (int) x[i];
                double tasks = main.stream().filter(l -> l.workers() == p).mapToInt(LevelSummary::tasks).findFirst()
                        .orElse(main.get(0).experiment().equals("sweep") ? p : one.tasks());
                ideal[i] = one.totalSeconds() * tasks / one.tasks() / Math.min(p, cpusOr(c, p));
            }
            ChartStyle.line(chart, idealLabel(c), x, ideal, ChartStyle.REFERENCE, ChartStyle.DOTTED);
            for (double v : ideal) {
                all.add(v);
            }
        }
        finish(chart, c, x, all, TickLabels.Kind.TIME, ChartStyle.spansDecade(all.stream()
                .mapToDouble(Double::doubleValue).toArray()));
        return chart;
    }

    private static XYChart perTaskChart(Map<String, List<LevelSummary>> byExperiment, Context c) {
        XYChart chart = ChartStyle.xy(c.title() + " — time per task", "concurrent workers P",
                "wall time per task: mean ± sd (▲ max, ▼ min)");
        List<Double> all = new ArrayList<>();
        byExperiment.values().stream().flatMap(List::stream).filter(l -> !c.refused(l, false) && l.perTask().n() > 0)
                .forEach(l -> {
                    all.add(l.perTask().min());
                    all.add(l.perTask().max());
                });
        // decided before the series: on a log axis an error bar may not reach zero
        boolean logY = ChartStyle.spansDecade(all.stream().mapToDouble(Double::doubleValue).toArray());
        List<Double> range = new ArrayList<>(all); // the axis's: the error bars too
        int k = 0;
        for (var e : byExperiment.entrySet()) {
            List<LevelSummary> ls = e.getValue().stream().filter(l -> !c.refused(l, false) && l.perTask().n() > 0)
                    .toList();
            if (!ls.isEmpty()) {
                double[] x = workers(ls);
                double[] mean = ls.stream().mapToDouble(l -> l.perTask().mean()).toArray();
                double[] sd = ls.stream().mapToDouble(l -> {
                    double e2 = Double.isFinite(l.perTask().sd()) ? l.perTask().sd() : 0;
                    return logY ? Math.min(e2, 0.9 * l.perTask().mean()) : e2;
                }).toArray();
                ChartStyle.points(chart, label(e.getKey()) + ": mean ± sd", x, mean, sd, k);
                for (int i = 0; i < mean.length; i++) {
                    range.add(mean[i] - sd[i]);
                    range.add(mean[i] + sd[i]);
                }
                double[] min = ls.stream().mapToDouble(l -> l.perTask().min()).toArray();
                double[] max = ls.stream().mapToDouble(l -> l.perTask().max()).toArray();
                extreme(chart, label(e.getKey()) + ": min", x, min, k, SeriesMarkers.TRIANGLE_DOWN);
                extreme(chart, label(e.getKey()) + ": max", x, max, k, SeriesMarkers.TRIANGLE_UP);
            }
            k++;
        }
        List<LevelSummary> main = byExperiment.values().iterator().next();
        double[] x = range(main);
        main.stream().filter(l -> l.workers() == 1).findFirst().ifPresent(one -> {
            double[] ideal = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                ideal[i] = one.perTask().mean() * Math.max(1, x[i] / cpusOr(c, x[i]));
            }
            ChartStyle.line(chart, "one worker's mean" + (Double.isFinite(c.cpus()) ? ", shared evenly beyond the CPUs"
                    : ""), x, ideal, ChartStyle.REFERENCE, ChartStyle.DOTTED);
        });
        finish(chart, c, x, range, TickLabels.Kind.TIME, logY);
        return chart;
    }

    private static void extreme(XYChart chart, String name, double[] x, double[] y, int k,
                                org.knowm.xchart.style.markers.Marker marker) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(marker);
        s.setMarkerColor(ChartStyle.color(k));
        s.setLineStyle(SeriesLines.NONE);
        s.setShowInLegend(false);
    }

    /**
     * The axes (y log when {@code logY}: decided where the series were added, which clip their error bars for it)
     * and the CPU and time-slicing markers; {@code ys}: every value the y axis spans.
     */
    static void finish(XYChart chart, Context c, double[] x, List<Double> ys, TickLabels.Kind kind, boolean logY) {
        double[] y = ys.stream().mapToDouble(Double::doubleValue).filter(v -> v > 0 && Double.isFinite(v)).toArray();
        double lo = java.util.Arrays.stream(y).min().orElse(1);
        double hi = java.util.Arrays.stream(y).max().orElse(1);
        boolean logX = ChartStyle.logWorkers(x);
        ChartStyle.xAxis(chart, TickLabels.Kind.WORKERS, logX, x[0], x[x.length - 1]);
        ChartStyle.yAxis(chart, kind, logY, lo, hi);
        double bottom = logY ? lo : 0;
        markers(chart, c, x, bottom, hi);
    }

    /** Vertical lines at the effective CPUs and where time-slicing starts, within the measured levels. */
    static void markers(XYChart chart, Context c, double[] x, double bottom, double top) {
        double maxX = x[x.length - 1];
        if (Double.isFinite(c.cpus()) && c.cpus() >= 1 && c.cpus() <= maxX) {
            ChartStyle.vertical(chart, Units.format("%s CPUs (effective)", TickLabels.number(c.cpus())), c.cpus(),
                    bottom, top, ChartStyle.REFERENCE, ChartStyle.DASHED);
        }
        if (c.slicedFrom() > 0) {
            double at = c.slicedFrom() + (Math.abs(c.slicedFrom() - c.cpus()) < 1e-9 ? 0.03 * Math.max(1, maxX / 10) : 0);
            ChartStyle.vertical(chart, "time-slicing from " + c.slicedFrom() + " workers (measured)", at, bottom, top,
                    ChartStyle.SLICED, ChartStyle.DASH_DOT);
        }
    }

    static String idealLabel(Context c) {
        return Double.isFinite(c.cpus()) ? Units.format("ideal: linear speedup up to the %s CPUs",
                TickLabels.number(c.cpus())) : "ideal: linear speedup";
    }

    /** The CPUs, or {@code p} itself when they are not known (no cap). */
    static double cpusOr(Context c, double p) {
        return Double.isFinite(c.cpus()) && c.cpus() >= 1 ? c.cpus() : p;
    }

    static double[] workers(List<LevelSummary> ls) {
        return ls.stream().mapToDouble(LevelSummary::workers).toArray();
    }

    /** Every level from the first measured to the last. */
    static double[] range(List<LevelSummary> ls) {
        return range(ls.stream().mapToInt(LevelSummary::workers).min().orElse(1),
                ls.stream().mapToInt(LevelSummary::workers).max().orElse(1));
    }

    /** lo, lo + 1, …, hi. */
    static double[] range(int lo, int hi) {
        double[] x = new double[hi - lo + 1];
        for (int i = 0; i < x.length; i++) {
            x[i] = lo + i;
        }
        return x;
    }

    static String label(String experiment) {
        return switch (experiment) {
            case "sweep" -> "P tasks on P workers";
            case "rounds" -> "rounds of P (barrier)";
            case "queue" -> "queue (no barrier)";
            default -> experiment;
        };
    }
}
