package dev.corescope.analysis;

import dev.corescope.machine.LoadSnapshot;
import dev.corescope.machine.MachineProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plain-language account of a threshold: which resource sets it, why tasks slow down and get
 * noisy above it (run-queue wait vs extra CPU time, from the scheduler's own counters), how much one
 * level above, and what to do. Built only from measurements and the profile; where the two disagree
 * it says so and trusts the measurement.
 */
public record Explanation(int threshold, Capacity capacity, String text, List<Integer> pinCpus) {

    /**
     * @param above         the first measured level above the threshold, or null
     * @param otherBusyCpus CPUs kept busy by other work during the measurement (NaN when unknown)
     */
    public static Explanation of(MachineProfile profile, ThresholdResult result, double tolerance, LevelSample base,
                                 LevelSample above, double otherBusyCpus, LoadSnapshot loadAtEnd) {
        Capacity cap = Capacity.of(profile, otherBusyCpus);
        int t = result.threshold();
        List<String> s = new ArrayList<>();
        if (t == 1) {
            s.add("Only one worker at a time runs clean here: with more, CPU-bound tasks took measurably longer than alone.");
        } else {
            s.add(String.format(Locale.ROOT, "Up to %d concurrent workers, each CPU-bound task took as long as one worker "
                    + "alone (within the %.0f%% tolerance, statistically).", t, 100 * tolerance));
        }
        if (cap.predictedWorkers() > 0) {
            if (cap.predictedWorkers() == t) {
                s.add(String.format(Locale.ROOT, "That matches the capacity this process has: %s.", cap.detail()));
            } else if (t < cap.predictedWorkers()) {
                s.add(String.format(Locale.ROOT, "The profile suggests %d (%s), but only %d measured clean: something "
                        + "else takes CPU time here (%s); the measurement is what counts.", cap.predictedWorkers(),
                        cap.detail(), t, loadText(profile.loadAtStart(), loadAtEnd, otherBusyCpus)));
            } else {
                s.add(String.format(Locale.ROOT, "The profile suggests only %d (%s), yet %d measured clean%s; "
                        + "the measurement is what counts.", cap.predictedWorkers(), cap.detail(), t,
                        profile.smt() ? " (SMT siblings cost this workload less than the tolerance)" : ""));
            }
        }
        LevelVerdict next = above == null ? null : result.level(above.workers()).orElse(null);
        if (next != null) {
            Attribution a = Attribution.of(base, above);
            s.add(String.format(Locale.ROOT, "With %d workers, each task took %.2fx as long (CV %.1f%% against %.1f%% alone)",
                    next.workers(), next.ratio(), 100 * next.cv(), 100 * result.levels().get(0).cv()) + cause(a) + ".");
            s.add("Past the threshold there are more runnable workers than CPUs they can use, so the scheduler "
                    + "time-slices them: every task's wall-clock time includes waiting for a turn, and who waits how "
                    + "long varies from run to run, which is the added noise.");
        } else {
            s.add("No level above the threshold was measured, so the slowdown past it is not quantified.");
        }
        List<Integer> pins = cap.pinCpus().size() >= t ? cap.pinCpus().subList(0, t) : List.of();
        s.add(String.format(Locale.ROOT, "Recommendation: benchmark with at most %d concurrent worker%s%s.", t,
                t == 1 ? "" : "s", pins.isEmpty() ? "" : ", pinned to CPU" + (t == 1 ? " " : "s ")
                        + MachineProfile.formatCpuList(pins) + " (one per physical core)"));
        return new Explanation(t, cap, String.join(" ", s), pins);
    }


    private static String cause(Attribution a) {
        if (!(a.extraWallSeconds() > 0)) {
            return " (the mean task time did not grow, so there is no extra time to attribute)";
        }
        if (!a.complete() || !Double.isFinite(a.waitShare())) {
            return Double.isFinite(a.extraWallSeconds())
                    ? String.format(Locale.ROOT, ": +%.1f ms per task (run-queue wait not measurable here)", a.extraWallSeconds() * 1e3)
                    : "";
        }
        return String.format(Locale.ROOT, ": of the extra %.1f ms per task, %.0f%% was spent waiting on the run queue "
                + "(runnable, no CPU free) and %.0f%% was extra CPU time (shared core, caches, clock)",
                a.extraWallSeconds() * 1e3, 100 * clamp(a.waitShare()), 100 * clamp(a.cpuShare()));
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static String loadText(LoadSnapshot start, LoadSnapshot end, double otherBusyCpus) {
        String busy = Double.isFinite(otherBusyCpus)
                ? String.format(Locale.ROOT, "other work kept %.1f CPUs busy during the measurement; ", otherBusyCpus) : "";
        if (start == null || !start.known()) {
            return busy + "load average unknown";
        }
        String t = busy + String.format(Locale.ROOT, "load average %.2f at the start", start.load1());
        if (end != null && end.known()) {
            t += String.format(Locale.ROOT, ", %.2f at the end", end.load1());
        }
        return t;
    }
}
