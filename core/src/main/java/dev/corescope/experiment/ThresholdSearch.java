package dev.corescope.experiment;

import dev.corescope.analysis.LevelVerdict;
import dev.corescope.analysis.ThresholdResult;
import dev.corescope.analysis.Verdict;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which level to measure next. Assumes per-task slowdown does not shrink as workers are added
 * (more runnable workers never give each one more CPU), so a bracket [last OK, first not OK] is
 * narrowed, and an open bracket widened. Where the machine suggests levels (its hints: the profile's
 * prediction, the physical cores, the CPUs other programs leave idle, the CPUs' cap), the search tries
 * them, and the level above each, before bisecting or doubling: on a machine as its profile says, the
 * threshold is found at the first try. Done when the first level that is not OK is the last OK level + 1,
 * or the last OK level is the maximum.
 */
public final class ThresholdSearch {
    private ThresholdSearch() {
    }

    /** The next level to measure, or -1 when the threshold is bracketed (no hints). */
    public static int next(ThresholdResult decided, Set<Integer> measured, int max) {
        return next(decided, measured, max, List.of());
    }

    /** The next level to measure, or -1 when the threshold is bracketed; {@code hints}: levels the machine suggests. */
    public static int next(ThresholdResult decided, Set<Integer> measured, int max, List<Integer> hints) {
        int ok = 1;
        Integer worse = null;
        for (LevelVerdict v : decided.levels()) {
            if (v.verdict() != Verdict.OK) {
                worse = v.workers();
                break;
            }
            ok = v.workers();
        }
        int top = worse == null ? max : worse - 1;
        if (ok >= top) {
            return -1;
        }
        // a suggested level inside the bracket, then the level above it (a hint that holds is then closed at once)
        for (int h : new TreeSet<>(hints)) {
            for (int p : new int[] {h, h + 1}) {
                if (p > ok && p <= top && !measured.contains(p)) {
                    return p;
                }
            }
        }
        int candidate = worse == null ? Math.min(max, Math.max(ok + 1, 2 * ok)) : (ok + worse) / 2;
        if (!measured.contains(candidate) && candidate > ok && candidate <= top) {
            return candidate;
        }
        // cannot happen with a consistent bracket; step to the first unmeasured level above ok
        for (int p = ok + 1; p <= top; p++) {
            if (!measured.contains(p)) {
                return p;
            }
        }
        return -1;
    }
}
