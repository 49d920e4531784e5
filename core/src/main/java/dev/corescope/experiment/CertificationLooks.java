package dev.corescope.experiment;

import org.hipparchus.special.Erf;

/**
 * When a level's equivalence test is looked at, and at what confidence: a group-sequential design with two
 * boundaries.
 * <ul>
 *   <li><b>Interim looks</b>, after every block from the third on (never before three blocks), may only stop a
 *       level that is clearly different: the Haybittle–Peto boundary, the point ± {@value #INTERIM_Z} bootstrap
 *       standard deviations (≈ 99.7%) wholly beyond a margin. So strict a boundary spends almost none of the
 *       error: a clean level is stopped by chance at these looks in a fraction of a percent of runs.</li>
 *   <li><b>Certification looks</b>, at the end of the planned run and after each extension (the same tasks
 *       again, when the verdict is "need more data"), at most {@code K}: each at the same two-sided
 *       confidence, Pocock's constant for {@code K} looks at a two-sided 5% (one-sided 2.5% per bound;
 *       Jennison &amp; Turnbull 2000, table 2.1), so the chance that some look certifies a level that lies
 *       at its margin stays about 2.5%, whichever look it is.</li>
 * </ul>
 * {@code K} follows from how far the run may grow: without {@code --budget}, to {@value #GROW_FACTOR}× its
 * tasks or {@value #GROW_TASKS} tasks, whichever is more (so a run can tell a rare stall from a frequent one,
 * which takes some hundreds of tasks), in extensions of the run's size, at most {@value #MAX_LOOKS} looks.
 */
public final class CertificationLooks {
    public static final double INTERIM_Z = 3.0;
    static final int INTERIM_RESAMPLES = 500;
    static final int MAX_LOOKS = 5;
    static final int GROW_FACTOR = 2;
    static final int GROW_TASKS = 400;
    /** Pocock's constants for 1 .. 5 equally spaced looks, two-sided α = 0.05. */
    private static final double[] POCOCK = {1.960, 2.178, 2.289, 2.361, 2.413};
    /** Fewest bootstrap draws beyond each end of an interval. */
    static final int DRAWS_PER_TAIL = 25;

    private CertificationLooks() {
    }

    /** Certification looks for a run of {@code tasks} tasks: the planned end and its extensions. */
    static int certificationLooks(int tasks) {
        int growTo = Math.max(GROW_FACTOR * tasks, GROW_TASKS);
        int looks = (growTo + tasks - 1) / Math.max(1, tasks);
        return Math.max(2, Math.min(MAX_LOOKS, looks));
    }

    /** The two-sided confidence of each of {@code looks} certification looks. */
    public static double confidence(int looks) {
        double z = POCOCK[Math.max(1, Math.min(MAX_LOOKS, looks)) - 1];
        return Erf.erf(z / Math.sqrt(2));
    }

    /** Resamples for a percentile interval at {@code confidence}: at least 2000, and {@value #DRAWS_PER_TAIL} per tail. */
    public static int resamples(double confidence) {
        return Math.max(2000, (int) Math.ceil(DRAWS_PER_TAIL / ((1 - confidence) / 2)));
    }

    /** The rule in words, for the summary. */
    static String describe(int looks) {
        return String.format(java.util.Locale.ROOT, "interim looks after every block from the third may stop a clearly "
                + "different level (Haybittle–Peto: point ± %.0f bootstrap SDs beyond a margin); certification at the end "
                + "of the run and after each extension (the same tasks again), at most %d looks, each at %.1f%% two-sided "
                + "(Pocock's constant for %d looks, overall one-sided 2.5%%)", INTERIM_Z, looks, 100 * confidence(looks), looks);
    }
}
