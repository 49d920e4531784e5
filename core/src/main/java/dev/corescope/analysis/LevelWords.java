package dev.corescope.analysis;

import java.util.Locale;

/** The explanation's words for the level above the threshold: who was worst off there, and what decided. */
final class LevelWords {
    private LevelWords() {
    }

    /**
     * e.g. {@code With 65 workers, the worst-off worker's tasks took 2.00x as long as alone (worker 65, on CPU 0;
     * the median of all tasks 1.00x; CV 30.1% against 2.0% alone; 65 workers on 64 CPUs: CPU 0 runs 2)}.
     */
    static String above(LevelVerdict next, LevelVerdict base, String sharing) {
        LevelVerdict.Worst w = next.worst();
        String cv = String.format(Locale.ROOT, "CV %.1f%% against %.1f%% alone", 100 * next.cv(), 100 * base.cv());
        String shared = sharing == null || sharing.isEmpty() ? "" : "; " + sharing;
        if (w == null || w.workersSeen() < 2) {
            return String.format(Locale.ROOT, "With %d workers, each task took %.2fx as long (%s%s)", next.workers(),
                    next.ratio(), cv, shared);
        }
        String who = w.worker() >= 0 ? "worker " + (w.worker() + 1) + (w.cpu() >= 0 ? ", on CPU " + w.cpu() : "") + "; "
                : "";
        return String.format(Locale.ROOT, "With %d workers, the worst-off worker's tasks took %.2fx as long as alone "
                + "(%sthe median of all tasks %.2fx; %s%s)", next.workers(), next.ratio(), who, w.pooledRatio(), cv, shared);
    }

    /** What decided the level's verdict, when the sentence before does not say it; empty otherwise. */
    static String decided(LevelVerdict next, double tolerance) {
        LevelVerdict.Worst w = next.worst();
        if (w == null) {
            return "";
        }
        return switch (w.decidedBy()) {
            case "budget" -> String.format(Locale.ROOT, "Its interval [%.2f, %.2f] did not settle within the budget "
                    + "(%d rounds), so it does not count as clean.", next.ratioLow(), next.ratioHigh(), w.rounds());
            case "run-queue wait" -> String.format(Locale.ROOT, "Its tasks were measurably slower, and waited %.1f%% more "
                    + "of their time for a CPU than alone (more than %.1f%%): time-sliced, so not clean.",
                    100 * w.extraWait(), 100 * tolerance / 5);
            default -> "";
        };
    }
}
