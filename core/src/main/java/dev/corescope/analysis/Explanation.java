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
     * A user's workload measured instead of the spin kernel: its label, and the spin kernel's threshold on
     * this machine to compare with ({@code spinThreshold < 1}: unknown) and where that came from.
     */
    public record WorkloadContext(String label, int spinThreshold, String spinSource) {
    }

    /**
     * How the workers were placed and measured: where the level above the threshold put two workers on one
     * CPU ({@code sharing}, empty when none did), the CPUs other programs kept busy (placed last), why one
     * worker alone was measured again (null: it was not), and the CPUs in the order workers were pinned to
     * them (empty: not pinned), whose first ones the recommendation names.
     */
    public record Pinning(String sharing, List<Integer> busyCpus, String remeasured, List<Integer> order) {
        public static final Pinning NONE = new Pinning("", List.of(), null, List.of());

        public Pinning {
            sharing = sharing == null ? "" : sharing;
            busyCpus = busyCpus == null ? List.of() : List.copyOf(busyCpus);
            order = order == null ? List.of() : List.copyOf(order);
        }
    }

    public static Explanation of(MachineProfile profile, ThresholdResult result, double tolerance, LevelSample base,
                                 LevelSample above, double otherBusyCpus, LoadSnapshot loadAtEnd) {
        return of(profile, result, tolerance, base, above, otherBusyCpus, loadAtEnd, null);
    }

    /**
     * @param above         the first measured level above the threshold, or null
     * @param otherBusyCpus CPUs kept busy by other work during the measurement (NaN when unknown)
     * @param workload      the user's workload when it was measured instead of the spin kernel, else null
     */
    public static Explanation of(MachineProfile profile, ThresholdResult result, double tolerance, LevelSample base,
                                 LevelSample above, double otherBusyCpus, LoadSnapshot loadAtEnd, WorkloadContext workload) {
        return of(profile, result, tolerance, base, above, otherBusyCpus, loadAtEnd, workload, Pinning.NONE);
    }

    /** As above, with how the workers were placed ({@code pinning}). */
    public static Explanation of(MachineProfile profile, ThresholdResult result, double tolerance, LevelSample base,
                                 LevelSample above, double otherBusyCpus, LoadSnapshot loadAtEnd, WorkloadContext workload,
                                 Pinning pinning) {
        Capacity cap = Capacity.of(profile, otherBusyCpus);
        int t = result.threshold();
        List<String> s = new ArrayList<>();
        if (workload != null) {
            s.add(t == 1
                    ? "Only one worker at a time runs " + workload.label() + " clean here: with more, its tasks' times "
                    + "were measurably slower or more spread out than alone."
                    : String.format(Locale.ROOT, "Up to %d concurrent workers, the tasks of %s were distributed as with "
                    + "one worker alone (mean and median within the %.0f%% tolerance, spread within the sd limit, "
                    + "statistically).", t, workload.label(), 100 * tolerance));
            s.add(mechanism(workload, t, base, above));
        } else if (t == 1) {
            s.add("Only one worker at a time runs clean here: with more, CPU-bound tasks took measurably longer than alone.");
        } else {
            s.add(String.format(Locale.ROOT, "Up to %d concurrent workers, each CPU-bound task took as long as one worker "
                    + "alone (within the %.0f%% tolerance, statistically).", t, 100 * tolerance));
        }
        if (result.capDecided()) {
            s.add(String.format(Locale.ROOT, "The measured levels alone would allow %d, but the CPUs allow at most %d "
                    + "CPU-bound workers (%s): the cap decided it (past it every task is slower by less than the "
                    + "tolerance while the CPUs are oversubscribed).", result.cap().measured(), t, result.cap().why()));
        }
        if (cap.predictedWorkers() > 0 && (workload == null || t >= cap.predictedWorkers())) {
            if (cap.predictedWorkers() == t) {
                s.add(String.format(Locale.ROOT, "That matches the capacity this process has: %s.", cap.detail()));
            } else if (t < cap.predictedWorkers() && slowEachOther(base, above, otherBusyCpus)) {
                s.add(String.format(Locale.ROOT, "The profile suggests %d (%s), but only %d measured clean, and other "
                        + "work was not the cause (%s): the workers slow each other down, through something this "
                        + "machine's profile cannot see (on a virtual machine, vCPUs that share a physical core or "
                        + "its caches on the host; a clock that drops when more cores are busy); the measurement is "
                        + "what counts.", cap.predictedWorkers(), cap.detail(), t,
                        loadText(profile.loadAtStart(), loadAtEnd, otherBusyCpus)));
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
            s.add(LevelWords.above(next, result.levels().get(0), pinning.sharing()) + cause(a) + ".");
            String decided = LevelWords.decided(next, tolerance);
            if (!decided.isEmpty()) {
                s.add(decided);
            }
            if ((workload == null || t >= cap.predictedWorkers())
                    && !(t < cap.predictedWorkers() && slowEachOther(base, above, otherBusyCpus))) {
                s.add("Past the threshold there are more runnable workers than CPUs they can use, so the scheduler "
                        + "time-slices them: every task's wall-clock time includes waiting for a turn, and who waits how "
                        + "long varies from run to run, which is the added noise.");
            }
        } else {
            s.add("No level above the threshold was measured, so the slowdown past it is not quantified.");
        }
        if (!pinning.busyCpus().isEmpty()) {
            s.add("Workers were pinned to the CPUs other programs left idle first; CPU" + (pinning.busyCpus().size() == 1
                    ? " " : "s ") + MachineProfile.formatCpuList(pinning.busyCpus()) + " were busy with other work.");
        }
        if (pinning.remeasured() != null) {
            s.add("One worker alone was measured again, after a pause: at first " + pinning.remeasured() + ".");
        }
        List<Integer> pins = pinning.order().size() >= t ? pinning.order().subList(0, t).stream().sorted().toList()
                : cap.pinCpus().size() >= t ? cap.pinCpus().subList(0, t) : List.of();
        boolean perCore = cap.pinCpus().isEmpty() || t <= cap.pinCpus().size();
        s.add(String.format(Locale.ROOT, "Recommendation: benchmark with at most %d concurrent worker%s%s.", t,
                t == 1 ? "" : "s", pins.isEmpty() ? "" : ", pinned to CPU" + (t == 1 ? " " : "s ")
                        + MachineProfile.formatCpuList(pins) + (perCore ? " (one per physical core)"
                        : " (SMT siblings too: they measured clean)")));
        return new Explanation(t, cap, String.join(" ", s), pins);
    }


    /**
     * Why the workload's threshold differs from the spin kernel's: the spin kernel touches only
     * registers, so what it cannot see (shared caches, memory bandwidth, SMT siblings, a shared heap)
     * is what slows the workload down; split into extra CPU time, run-queue wait and the rest.
     */
    private static String mechanism(WorkloadContext w, int t, LevelSample base, LevelSample above) {
        if (w.spinThreshold() < 1) {
            return "The spin kernel's threshold is not known here (" + w.spinSource() + "); run 'corescope "
                    + "investigate' without a workload to compare this machine's capacity with this workload's.";
        }
        if (w.spinThreshold() <= t) {
            return String.format(Locale.ROOT, "The spin kernel runs clean on %d worker%s here (%s): %s is not held "
                    + "back by anything the register-only kernel does not see.", w.spinThreshold(),
                    w.spinThreshold() == 1 ? "" : "s", w.spinSource(), w.label());
        }
        String head = String.format(Locale.ROOT, "The spin kernel, which touches only registers, runs clean on %d "
                + "workers here (%s), but %s is worse already with %d", w.spinThreshold(), w.spinSource(), w.label(),
                above == null ? t + 1 : above.workers());
        if (above == null) {
            return head + ".";
        }
        Attribution a = Attribution.of(base, above);
        if (!(a.extraWallSeconds() > 0)) {
            return head + ": its tasks did not take longer on average, so the difference is in their spread "
                    + "(pauses that hit some tasks and not others: in threads mode the GC of the heap the workers "
                    + "share, anywhere other work's bursts).";
        }
        if (!a.complete()) {
            return head + String.format(Locale.ROOT, ": its tasks took %.2f ms longer on average; how much of that was "
                    + "extra CPU time and how much waiting for a CPU is unknown here (not measured for this workload).",
                    a.extraWallSeconds() * 1e3);
        }
        double cpu = clamp(a.cpuShare());
        double wait = clamp(a.waitShare());
        double rest = clamp(1 - cpu - wait);
        String what = cpu >= wait && cpu >= rest
                ? "mostly extra CPU time: the workers slow each other down through what they share (a core's SMT "
                + "sibling, the caches, memory bandwidth)"
                : wait >= rest ? "mostly waiting for a CPU: more runnable threads than CPUs (the JIT, the GC or other "
                + "work beside the workers)"
                : "mostly neither CPU time nor run-queue wait: the tasks were stopped or blocked (page faults, I/O, "
                + "in threads mode the GC of the heap they share)";
        return head + String.format(Locale.ROOT, ": of the extra %.2f ms per task, %.0f%% was extra CPU time, %.0f%% "
                + "waiting on the run queue and %.0f%% neither; %s.", a.extraWallSeconds() * 1e3, 100 * cpu, 100 * wait,
                100 * rest, what);
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

    /** Other work below this many busy CPUs is not what keeps a level from running clean. */
    private static final double OTHER_WORK_CPUS = 0.5;

    /**
     * True when the level above the threshold lost its time mostly to extra CPU time rather than to
     * run-queue wait, while other work kept less than half a CPU busy: the workers slowed each other down,
     * nobody else took their CPUs.
     */
    private static boolean slowEachOther(LevelSample base, LevelSample above, double otherBusyCpus) {
        if (above == null || !(otherBusyCpus < OTHER_WORK_CPUS)) {
            return false;
        }
        Attribution a = Attribution.of(base, above);
        return a.complete() && a.extraWallSeconds() > 0 && clamp(a.cpuShare()) > clamp(a.waitShare());
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
