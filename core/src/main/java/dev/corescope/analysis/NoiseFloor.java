package dev.corescope.analysis;

import java.util.Arrays;
import java.util.Locale;

/**
 * Whether one worker alone is steady enough to judge anything against: the threshold compares every level
 * with it, so a baseline whose own median is uncertain by more than the tolerance makes every verdict
 * meaningless (the next level can never settle OK, and an "unsettled" decided by its point estimate is a
 * coin toss). From its first rounds, its spread: the robust CV (1.4826 × median absolute deviation / median,
 * untouched by a few stalls) projected to the budget's end: a level's ratio to one worker has a half-width of
 * about {@code 1.96 × √2 × 1.2533 × cv / √rounds} (two medians, each 1.2533 times a mean's error) at
 * {@code rounds} rounds; when even that exceeds the tolerance, no level can be judged. The reason also says
 * when a task alone waited for a CPU longer than it ran (median run-queue wait above median CPU time): the
 * machine is overloaded. (Waiting alone is no reason: under a CPU quota below one CPU a task alone waits out
 * its throttled time, steadily.)
 *
 * @param robustCv       the baseline's robust coefficient of variation
 * @param waitOverCpu    median run-queue wait over median CPU time of a task alone (NaN: not measured)
 * @param halfWidthAtEnd the projected half-width of a level's ratio at the budget's end
 * @param rounds         the baseline's rounds so far
 */
public record NoiseFloor(double robustCv, double waitOverCpu, double halfWidthAtEnd, int rounds) {

    /** From one worker's sample, for a budget of {@code maxRounds} rounds per level. */
    public static NoiseFloor of(LevelSample base, int maxRounds) {
        double[] w = Samples.finite(base.wallSeconds());
        if (w.length == 0) {
            return new NoiseFloor(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double median = Samples.median(w);
        double[] dev = Arrays.stream(w).map(x -> Math.abs(x - median)).toArray();
        double cv = 1.4826 * Samples.median(dev) / median;
        double wait = Samples.median(Samples.finite(base.waitSeconds()));
        double cpu = Samples.median(Samples.finite(base.cpuSeconds()));
        double ratio = Double.isFinite(wait) && cpu > 0 ? wait / cpu : Double.NaN;
        double half = 1.96 * Math.sqrt(2) * 1.2533 * cv / Math.sqrt(Math.max(1, maxRounds));
        return new NoiseFloor(cv, ratio, half, base.rounds());
    }

    /** Whether levels can be judged against this baseline at {@code tolerance}: its projected half-width is within it. */
    public boolean judgeable(double tolerance) {
        return !(halfWidthAtEnd > tolerance);
    }

    /** Why not, in words (empty when judgeable); with how long a task alone waited for a CPU, when it did. */
    public String reason(double tolerance) {
        if (judgeable(tolerance)) {
            return "";
        }
        String noisy = String.format(Locale.ROOT, "one worker alone is too noisy to judge a %.0f%% tolerance (robust CV "
                + "%.1f%% over %d rounds: even at the budget's end a level's ratio would be uncertain by ±%.1f%%)",
                100 * tolerance, 100 * robustCv, rounds, 100 * halfWidthAtEnd);
        return waitOverCpu > 1 ? noisy + String.format(Locale.ROOT, ", and it waited for a CPU %.1fx as long as it "
                + "ran: other work keeps the CPUs busy", waitOverCpu) : noisy;
    }
}
