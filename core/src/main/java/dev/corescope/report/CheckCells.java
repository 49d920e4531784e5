package dev.corescope.report;

import dev.corescope.analysis.DistributionComparison;
import dev.corescope.analysis.Equivalence;
import dev.corescope.experiment.Assessment;
import java.util.Locale;

/**
 * The cells of one certification attempt, as the console and the HTML report print them: tasks/controls,
 * location, spread and tail with interval and margin, and the verdict. Attempts of older runs show their
 * distribution comparison (mean, median, sd).
 */
public final class CheckCells {
    private CheckCells() {
    }

    /** {tasks/controls, location, spread, tail, verdict}. */
    public static String[] of(Assessment.Attempt at) {
        Equivalence e = at.equivalence();
        if (e == null) {
            DistributionComparison c = at.comparison();
            if (c == null) {
                return new String[] {at.tasks() + "/" + at.controls(), "-", "-", "-", "-"};
            }
            return new String[] {at.tasks() + "/" + at.controls(), "mean " + c.mean().text(), "sd " + c.sd().text(),
                "-", c.verdict() + (c.settled() ? "" : " (not settled)") + (at.stoppedEarly() ? ", stopped early" : "")};
        }
        String verdict = e.verdict().label;
        if (at.occupancy() < 0.9) {
            verdict = String.format(Locale.ROOT, "not at %d workers (%.0f%% busy)", at.level(), 100 * at.occupancy());
        }
        return new String[] {
            at.tasks() + "/" + at.controls() + " in " + at.blocks() + " blocks"
                    + (at.extended() > 0 ? " (+" + at.extended() + " added)" : ""),
            e.location().ratioText() + String.format(Locale.ROOT, " ≤ ×%.2f", e.location().margin()),
            e.spread().ratioText() + String.format(Locale.ROOT, " ≤ ×%.2f", e.spread().margin()),
            e.tail().rateText() + String.format(Locale.ROOT, " ≤ %+.1f%%", 100 * e.tail().margin()),
            verdict + (at.stoppedEarly() ? ", stopped early" : "") + (at.looks() > 1 ? ", " + at.looks() + " looks" : "")};
    }
}
