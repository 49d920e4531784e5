package dev.corescope.analysis;

import dev.corescope.exec.TaskRecord;
import dev.corescope.exec.TaskStatus;
import dev.corescope.exec.WorkerMode;
import dev.corescope.machine.LoadSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Warnings a careful user wants, in the spirit of pyperf's: unstable levels (sd ≥ 10% of the mean),
 * load present at the start, too few samples for the requested precision, a machine busier at the
 * end than at the start, tasks that timed out in threads mode (their threads may still be running).
 */
public final class Warnings {
    /** sd/mean at or above which a level is called unstable. */
    public static final double UNSTABLE_CV = 0.10;
    /** Requested precision: 95% CI half-width as a fraction of the mean. */
    public static final double PRECISION = 0.02;

    private Warnings() {
    }

    public static List<String> of(List<LevelSummary> levels, LoadSnapshot start, LoadSnapshot end, int cpus) {
        return of(levels, List.of(), start, end, cpus);
    }

    /**
     * The warnings of {@code levels}: a level of one size is one sample; a level of several sizes (its
     * statistics pooled, see {@link SampleStats#pooled}) is judged size by size from {@code cells}, never as a
     * pool (whose spread is the sizes' differences, not noise), in one warning per level and kind.
     */
    public static List<String> of(List<LevelSummary> levels, List<Figures.Cell> cells, LoadSnapshot start,
                                  LoadSnapshot end, int cpus) {
        List<String> w = new ArrayList<>();
        for (LevelSummary l : levels) {
            var s = l.perTask();
            String level = String.format(Locale.ROOT, "%s, %d workers", l.experiment(), l.workers());
            if (Double.isFinite(s.sd())) {
                if (s.n() >= 2 && s.cv() >= UNSTABLE_CV) {
                    w.add(String.format(Locale.ROOT, "%s: the standard deviation is %.0f%% of the mean; these timings "
                            + "are unstable.", level, 100 * s.cv()));
                }
                int needed = samplesNeeded(s.n(), s.cv());
                if (s.n() >= 2 && needed > s.n()) {
                    w.add(String.format(Locale.ROOT, "%s: %d samples give a 95%% CI of ±%.1f%% of the mean; ±%.0f%% "
                            + "needs about %d.", level, s.n(), 100 * halfWidth(s), 100 * PRECISION, needed));
                }
                continue;
            }
            List<Figures.Cell> sizes = cells.stream().filter(c -> c.experiment().equals(l.experiment())
                    && c.workers() == l.workers() && c.wall().n() >= 2).toList();
            List<Figures.Cell> unstable = sizes.stream().filter(c -> c.wall().cv() >= UNSTABLE_CV).toList();
            if (!unstable.isEmpty()) {
                w.add(String.format(Locale.ROOT, "%s: %d of %d sizes vary with a standard deviation of %.0f%% of their "
                        + "mean or more (%s); their timings are unstable.", level, unstable.size(), sizes.size(),
                        100 * UNSTABLE_CV, String.join(", ", unstable.stream().limit(5).map(c -> String.format(
                                Locale.ROOT, "size %d: %.0f%%", c.size(), 100 * c.wall().cv())).toList())
                                + (unstable.size() > 5 ? ", ..." : "")));
            }
            List<Figures.Cell> imprecise = sizes.stream()
                    .filter(c -> samplesNeeded(c.wall().n(), c.wall().cv()) > c.wall().n()).toList();
            if (!imprecise.isEmpty()) {
                Figures.Cell worst = imprecise.stream().max((a, b) -> Double.compare(halfWidth(a.wall()),
                        halfWidth(b.wall()))).get();
                w.add(String.format(Locale.ROOT, "%s: %d of %d sizes have a 95%% CI wider than ±%.0f%% of their mean "
                        + "(widest: size %d, %d samples, ±%.1f%%; ±%.0f%% needs about %d).", level, imprecise.size(),
                        sizes.size(), 100 * PRECISION, worst.size(), worst.wall().n(), 100 * halfWidth(worst.wall()),
                        100 * PRECISION, samplesNeeded(worst.wall().n(), worst.wall().cv())));
            }
        }
        if (start != null && start.known() && (start.runnableExcludingReader() > 0 || start.load1() >= 0.5 * cpus)) {
            w.add(String.format(Locale.ROOT, "The machine was not idle at the start (load average %.2f, %d other "
                    + "runnable thread(s)); other work competes with the measurement.", start.load1(),
                    start.runnableExcludingReader()));
        }
        if (start != null && end != null && start.known() && end.known()
                && end.runnableExcludingReader() > start.runnableExcludingReader()
                && end.load1() > start.load1() + 0.5) {
            w.add(String.format(Locale.ROOT, "The machine was busier at the end than at the start (load average "
                    + "%.2f -> %.2f).", start.load1(), end.load1()));
        }
        return w;
    }

    /**
     * One warning per level with tasks that timed out in threads mode: Java cannot stop a thread, so an
     * abandoned task (a spin, say) may still keep a CPU busy and skew that level and every later one.
     *
     * @param failures     the run's failed and timed-out task records
     * @param stillRunning abandoned threads still running now ({@code WorkerPool.abandonedThreads()})
     */
    public static List<String> timedOutThreads(WorkerMode mode, List<TaskRecord> failures, int stillRunning) {
        if (mode != WorkerMode.THREADS) {
            return List.of();
        }
        Map<String, Integer> perLevel = new LinkedHashMap<>();
        for (TaskRecord r : failures) {
            if (TaskStatus.TIMEOUT.equals(r.status())) {
                perLevel.merge(r.experiment() + ", " + r.level() + " workers", 1, Integer::sum);
            }
        }
        String running = stillRunning == 0 ? "none was still running when this summary was written"
                : stillRunning + " abandoned thread" + (stillRunning == 1 ? " was" : "s were")
                        + " still running when this summary was written";
        List<String> w = new ArrayList<>();
        perLevel.forEach((level, n) -> w.add(String.format(Locale.ROOT, "%s: %d task%s timed out in threads mode; "
                + "Java cannot stop %s thread%s, so a CPU may still be busy with %s, which skews this level and every "
                + "later one (%s). Use --mode processes: a timed-out worker JVM is killed.", level, n,
                n == 1 ? "" : "s", n == 1 ? "its" : "their", n == 1 ? "" : "s", n == 1 ? "it" : "them", running)));
        return w;
    }

    /** Half the width of the 95% CI, as a fraction of the mean. */
    private static double halfWidth(SampleStats s) {
        return (s.ciHigh() - s.ciLow()) / 2 / s.mean();
    }

    /** Samples needed for a 95% CI half-width of {@link #PRECISION} × mean, given the observed CV. */
    static int samplesNeeded(int n, double cv) {
        if (!Double.isFinite(cv) || cv <= 0 || n < 2) {
            return 0;
        }
        // projection for a large sample: z = 1.96 (the t quantile of the current n would overstate it)
        return (int) Math.ceil(Math.pow(1.96 * cv / PRECISION, 2));
    }
}
