package dev.corescope.experiment;

import dev.corescope.analysis.LevelSummary;
import dev.corescope.machine.LoadSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Warnings a careful user wants, in the spirit of pyperf's: unstable levels (sd ≥ 10% of the mean),
 * load present at the start, too few samples for the requested precision, a machine busier at the
 * end than at the start.
 */
public final class Warnings {
    /** sd/mean at or above which a level is called unstable. */
    public static final double UNSTABLE_CV = 0.10;
    /** Requested precision: 95% CI half-width as a fraction of the mean. */
    public static final double PRECISION = 0.02;

    private Warnings() {
    }

    public static List<String> of(List<LevelSummary> levels, LoadSnapshot start, LoadSnapshot end, int cpus) {
        List<String> w = new ArrayList<>();
        for (LevelSummary l : levels) {
            var s = l.perTask();
            if (s.n() >= 2 && s.cv() >= UNSTABLE_CV) {
                w.add(String.format(Locale.ROOT, "%s, %d workers: the standard deviation is %.0f%% of the mean; "
                        + "these timings are unstable.", l.experiment(), l.workers(), 100 * s.cv()));
            }
            int needed = samplesNeeded(s.n(), s.cv());
            if (s.n() >= 2 && needed > s.n()) {
                w.add(String.format(Locale.ROOT, "%s, %d workers: %d samples give a 95%% CI of ±%.1f%% of the mean; "
                        + "±%.0f%% needs about %d.", l.experiment(), l.workers(), s.n(),
                        100 * (s.ciHigh() - s.mean()) / s.mean(), 100 * PRECISION, needed));
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

    /** Samples needed for a 95% CI half-width of {@link #PRECISION} × mean, given the observed CV. */
    static int samplesNeeded(int n, double cv) {
        if (!Double.isFinite(cv) || cv <= 0 || n < 2) {
            return 0;
        }
        // projection for a large sample: z = 1.96 (the t quantile of the current n would overstate it)
        return (int) Math.ceil(Math.pow(1.96 * cv / PRECISION, 2));
    }
}
