package dev.corescope.experiment;

import dev.corescope.analysis.Equivalence;
import java.util.List;
import java.util.Locale;

/** The one-line verdict of a certified run, e.g. "2 workers, certified: location ×1.01 [0.99, 1.03], ...". */
final class CertificationText {
    private CertificationText() {
    }

    static String verdict(CertifiedRun.Status status, int requested, int level, List<Assessment.Attempt> attempts,
                          List<String> why) {
        Assessment.Attempt last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
        String extra = why.isEmpty() ? "" : "; " + String.join("; ", why);
        return switch (status) {
            case CERTIFIED -> CertifiedRun.workers(level) + ", certified: " + evidence(last) + extra;
            case NOT_SETTLED -> CertifiedRun.workers(level) + " (--workers), NOT certified, not settled: " + evidence(last)
                    + "; " + last.equivalence().reason() + extra;
            case FAILED -> CertifiedRun.workers(level) + (attempts.size() == 1 && level == requested ? " (--workers)" : "")
                    + ", NOT certified: " + evidence(last) + "; " + failure(last) + extra;
            case LOWERED -> "lowered from " + requested + " to " + CertifiedRun.workers(level) + ": " + String.join("; ",
                    attempts.stream().map(a -> "at " + a.level() + " workers " + evidence(a) + " (" + failure(a)
                            + (a.stoppedEarly() ? ", stopped early" : "") + ")").toList()) + extra;
            case UNCHECKED -> CertifiedRun.workers(level) + ", not checked against one worker (--no-verify)";
            case ONE_WORKER -> "1 worker: the reference itself, nothing to certify";
        };
    }

    /** Why an attempt was not certified. */
    static String failure(Assessment.Attempt a) {
        if (a.occupancy() < LevelAttempt.MIN_OCCUPANCY) {
            return String.format(Locale.ROOT, "its %d workers were busy only %.0f%% of the measured tasks' time, so "
                    + "the tasks did not run at %d workers", a.level(), 100 * a.occupancy(), a.level());
        }
        Equivalence e = a.equivalence();
        return e.verdict().label + ": " + e.reason()
                + (e.verdict() == Equivalence.EquivalenceVerdict.NEED_MORE_DATA ? " after " + a.looks() + " look(s)" : "");
    }

    /** e.g. "location ×1.01 [0.99, 1.03], spread ×1.10 [0.80, 1.52], tail +0.1% [-0.4%, +0.6%] against 1 worker (...)". */
    static String evidence(Assessment.Attempt a) {
        if (a == null || a.equivalence() == null) {
            return "no comparison";
        }
        Equivalence e = a.equivalence();
        return String.format(Locale.ROOT, "%s against 1 worker, margins ×%.2f, ×%.2f, %+.1f%% (%d tasks, %d one-worker "
                + "controls, %d blocks%s; %.0f%% of the workers busy)", e.text(), e.location().margin(), e.spread().margin(),
                100 * e.tail().margin(), a.tasks(), a.controls(), a.blocks(),
                a.extended() > 0 ? ", " + a.extended() + " tasks of them added for more data" : "", 100 * a.occupancy());
    }
}
