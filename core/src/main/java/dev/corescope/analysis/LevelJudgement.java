package dev.corescope.analysis;

/**
 * One look at one level: its verdict against one worker, from the worst-off worker's slowdown
 * ({@link WorstOff}: each worker's trimmed mean over one worker's, the rounds resampled) at the one-sided
 * level {@code alpha} the look is tested at. With G workers' log ratios {@code r_w}, their bootstrap
 * standard deviations {@code s_w} (times {@code √(R/(R−1))} for R rounds, the bootstrap's known shortfall)
 * and Student's t quantiles with R − 1 degrees of freedom:
 * <ul>
 * <li>upper bound {@code U = max_w (r_w + t(1 − alpha) s_w)}: every worker's own bound. "Every worker
 * within the tolerance" is an intersection–union test (Berger 1982): each worker is tested at {@code alpha}
 * and the level is OK only when all pass, with no correction for G;</li>
 * <li>lower bound {@code L = max_w (r_w − t(1 − alpha / G) s_w)}: simultaneous over the G workers
 * (Bonferroni), so that the largest of G equal workers, above the common value by chance, is not taken
 * for a slow worker: WORSE only when some worker is beyond the tolerance with the whole family's
 * confidence.</li>
 * </ul>
 * {@code [exp L, exp U]} is an interval for the worst-off worker's true ratio: L falls below it only when
 * some worker's simultaneous bound fails, U only when the worst-off worker's own bound fails. The run-queue
 * rule counts only together with a slower wall time: WORSE when the extra mean run-queue wait share (the
 * level's minus one worker's) and the mean task time's slowdown both exceed {@code tolerance / 5}, each by
 * its lower bound: the tasks lose time to waiting for a CPU, and it shows in their wall time. Means, not
 * trimmed: a quota that throttles a minority of the rounds is time lost all the same.
 */
final class LevelJudgement {
    private final double tolerance;
    private final int resamples;
    private final int minRounds;

    LevelJudgement(double tolerance, int resamples, int minRounds) {
        this.tolerance = tolerance;
        this.resamples = resamples;
        this.minRounds = minRounds;
    }

    LevelVerdict judge(LevelSample base, LevelSample level, double alpha, long seed) {
        double[] x = Samples.finite(level.wallSeconds());
        SampleStats st = SampleStats.of(x);
        boolean baseline = level.workers() == 1;
        // one worker against itself: its rounds resampled independently on both sides (the noise floor)
        LevelSample against = baseline ? base.labelled(null, null, null) : base;
        LevelSample judged = baseline ? level.labelled(null, null, null) : level;
        if (x.length == 0 || Samples.finite(base.wallSeconds()).length == 0) {
            return verdict(level, st, Double.NaN, Double.NaN, Double.NaN, Verdict.UNSETTLED, false,
                    new LevelVerdict.Worst(-1, -1, 0, 0, Double.NaN, Double.NaN, Double.NaN, alpha, "too few rounds"));
        }
        WorstOff w = WorstOff.of(against, judged, resamples, seed);
        int g = w.groups();
        int df = Math.max(1, w.rounds() - 1);
        double zHigh = SpendingDesign.t(1 - alpha, df);
        double zLow = SpendingDesign.t(1 - alpha / g, df);
        double inflate = Math.sqrt((double) w.rounds() / df);
        double high = Double.NEGATIVE_INFINITY;
        double low = Double.NEGATIVE_INFINITY;
        double point = Double.NEGATIVE_INFINITY;
        int worst = 0;
        boolean finite = true;
        for (int i = 0; i < g; i++) {
            double s = w.sd(i) * inflate;
            double r = w.point()[i];
            finite &= Double.isFinite(s) && Double.isFinite(r);
            high = Math.max(high, r + zHigh * s);
            low = Math.max(low, r - zLow * s);
            if (r > point) {
                point = r;
                worst = i;
            }
        }
        double waitLow = lowerBound(w.waitPoint(), w.waitDraws(), zHigh);
        double meanLow = lowerBound(w.meanPoint(), w.meanDraws(), zHigh);
        LevelVerdict.Worst who = new LevelVerdict.Worst(w.workerOf()[worst], w.cpuOf()[worst], g, w.rounds(),
                Math.exp(w.pooled()), w.waitPoint(), Math.exp(w.meanPoint()), alpha, "interval");
        double limit = Math.log(1 + tolerance);
        if (baseline) {
            return verdict(level, st, 1.0, Math.exp(low), Math.exp(high), Verdict.OK, true, who.because("baseline"));
        }
        if (!finite || w.rounds() < minRounds || base.rounds() < minRounds) {
            return verdict(level, st, Math.exp(point), Math.exp(low), Math.exp(high), Verdict.UNSETTLED, false,
                    who.because("too few rounds"));
        }
        Verdict v;
        String why;
        if (low > limit) {
            v = Verdict.WORSE;
            why = "worst-off worker";
        } else if (waitLow > tolerance / 5 && low > 0) {
            v = Verdict.WORSE;  // slower, measurably, and the extra time is waiting for a CPU: time-sliced
            why = "run-queue wait";
        } else if (high <= limit) {
            v = Verdict.OK;
            why = "worst-off worker";
        } else {
            v = Verdict.UNSETTLED;
            why = "interval";
        }
        return verdict(level, st, Math.exp(point), Math.exp(low), Math.exp(high), v, v != Verdict.UNSETTLED,
                who.because(why));
    }

    /** Lower bound of {@code point} from its bootstrap {@code draws} (their robust spread); -Infinity when unknown. */
    private static double lowerBound(double point, double[] draws, double z) {
        double[] v = java.util.Arrays.stream(draws).filter(Double::isFinite).sorted().toArray();
        if (v.length < 4 || !Double.isFinite(point)) {
            return Double.NEGATIVE_INFINITY;
        }
        double spread = (Samples.quantileOfSorted(v, 0.75) - Samples.quantileOfSorted(v, 0.25)) / 1.349;
        return point - z * spread;
    }

    private static LevelVerdict verdict(LevelSample level, SampleStats st, double ratio, double low, double high,
                                        Verdict v, boolean settled, LevelVerdict.Worst who) {
        return new LevelVerdict(level.workers(), st.n(), st.mean(), st.sd(), st.median(), st.cv(), ratio, low, high,
                v, settled, null, who);
    }
}
