package dev.corescope.experiment;

import dev.corescope.analysis.LevelVerdict;
import dev.corescope.analysis.ThresholdResult;
import dev.corescope.analysis.Verdict;
import java.util.Set;

/**
 * Which level to measure next. Assumes per-task slowdown does not shrink as workers are added
 * (more runnable workers never give each one more CPU), so a bracket [last OK, first WORSE] is
 * narrowed by bisection, and an open bracket is widened by doubling. Done when the first WORSE
 * level is the last OK level + 1, or the last OK level is the maximum.
 */
public final class ThresholdSearch {
    private ThresholdSearch() {
    }

    /** The next level to measure, or -1 when the threshold is bracketed. */
    public static int next(ThresholdResult decided, Set<Integer> measured, int max) {
        int ok = decided.threshold();
        Integer worse = null;
        for (LevelVerdict v : decided.levels()) {
            if (v.verdict() == Verdict.WORSE || v.verdict() == Verdict.UNSETTLED) {
                worse = v.workers();
                break;
            }
        }
        int candidate;
        if (worse == null) {
            if (ok >= max) {
                return -1;
            }
            candidate = Math.min(max, Math.max(ok + 1, 2 * ok));
        } else {
            if (worse <= ok + 1) {
                return -1;
            }
            candidate = (ok + worse) / 2;
        }
        if (measured.contains(candidate)) {
            // cannot happen with a consistent bracket; step to the first unmeasured level above ok
            for (int p = ok + 1; p <= max; p++) {
                if (!measured.contains(p)) {
                    return worse != null && p >= worse ? -1 : p;
                }
            }
            return -1;
        }
        return candidate;
    }
}
