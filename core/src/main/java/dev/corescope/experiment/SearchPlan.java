package dev.corescope.experiment;

import dev.corescope.analysis.Capacity;
import dev.corescope.analysis.LevelSample;
import dev.corescope.analysis.LevelVerdict;
import dev.corescope.analysis.ThresholdDetector;
import dev.corescope.analysis.ThresholdResult;
import dev.corescope.exec.pin.CpuAssignment;
import dev.corescope.machine.MachineProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where investigate looks, from the machine: the CPUs' cap (a CPU-bound threshold never exceeds the effective
 * CPUs, rounded down: a quota of 12.5 CPUs allows 12), the highest level worth measuring (the cap + 1, to
 * see what one more worker costs), and the levels the machine suggests (the profile's prediction, the
 * allowed physical cores, the cap, the cap less the CPUs other programs kept busy when the workers were
 * placed). The search starts at the smallest suggestion and the level above it, rather than walking 1..2N.
 *
 * @param cap      the most CPU-bound workers the CPUs allow (-1: unknown)
 * @param capWhy   what sets the cap, in words
 * @param maxLevel the highest level measured
 * @param hints    the suggested levels, ascending
 */
record SearchPlan(int cap, String capWhy, int maxLevel, List<Integer> hints) {
    /** A baseline whose median CPU time is at least this share of its wall time is CPU-bound. */
    static final double CPU_BOUND = 0.8;

    SearchPlan {
        hints = List.copyOf(hints);
    }

    /**
     * @param max      the user's maximum level
     * @param cpuBound whether the workload is known to be CPU-bound (the spin kernel): its search stops at the
     *                 cap + 1; a user's workload is capped only if its one-worker tasks turn out CPU-bound
     * @param full     every level up to {@code max} is measured (the complete picture; the cap still caps)
     */
    static SearchPlan of(MachineProfile p, CpuAssignment cpus, int max, boolean cpuBound, boolean full) {
        int cap = -1;
        String why = "";
        double eff = p == null ? Double.NaN : p.effectiveCpus();
        if (Double.isFinite(eff) && eff > 0) {
            cap = Math.max(1, (int) Math.floor(eff + 1e-9));
            if (p.quota() != null && p.quota().limits() && p.quota().cpus() <= eff + 1e-9) {
                why = String.format(Locale.ROOT, "a CPU quota of %.2f CPUs", p.quota().cpus());
            } else if (p.allowedCpus() != null && p.allowedCpus().size() < p.logicalCpus()) {
                why = "CPU affinity: " + p.allowedCpus().size() + " allowed CPUs";
            } else {
                why = cap + " logical CPUs";
            }
        }
        int top = cpuBound && cap > 0 && !full ? Math.min(max, cap + 1) : max;
        TreeSet<Integer> hints = new TreeSet<>();
        if (p != null) {
            hints.add(Capacity.of(p).predictedWorkers());
            if (p.smt()) {
                hints.add(p.allowedPhysicalCores());
            }
        }
        if (cap > 0) {
            hints.add(cap);
            hints.add(cap - cpus.busy().size());
        }
        hints.removeIf(h -> h < 1 || h > top);
        return new SearchPlan(cap, why, top, new ArrayList<>(hints));
    }

    /** The levels measured first: every level with {@code full}; else the smallest suggestion and the one above it. */
    List<Integer> first(boolean full) {
        List<Integer> out = new ArrayList<>();
        if (full) {
            for (int l = 2; l <= maxLevel; l++) {
                out.add(l);
            }
            return out;
        }
        int g = hints.isEmpty() ? Math.min(2, maxLevel) : hints.get(0);
        for (int l : new int[] {g, g + 1}) {
            if (l >= 2 && l <= maxLevel) {
                out.add(l);
            }
        }
        return out;
    }

    /**
     * A user's workload's result, capped when its one-worker tasks were CPU-bound (their CPU time at least
     * {@value #CPU_BOUND} of their wall time): such a workload cannot run clean on more workers than CPUs either.
     */
    ThresholdResult capIfCpuBound(ThresholdDetector detector, List<LevelSample> samples, ThresholdResult r) {
        if (cap < 1 || samples.isEmpty() || !cpuBound(samples.get(0))) {
            return r;
        }
        Map<Integer, LevelVerdict> verdicts = new TreeMap<>();
        r.levels().forEach(v -> verdicts.put(v.workers(), v));
        List<LevelSample> judged = samples.stream().filter(s -> verdicts.containsKey(s.workers())).toList();
        return detector.capped(cap, capWhy).result(judged, verdicts, false);
    }

    static boolean cpuBound(LevelSample base) {
        double[] wall = base.wallSeconds();
        double[] cpu = base.cpuSeconds();
        if (cpu.length != wall.length || wall.length == 0) {
            return false;
        }
        double[] share = new double[wall.length];
        int n = 0;
        for (int i = 0; i < wall.length; i++) {
            if (Double.isFinite(cpu[i]) && wall[i] > 0) {
                share[n++] = cpu[i] / wall[i];
            }
        }
        if (n == 0) {
            return false;
        }
        double[] s = java.util.Arrays.copyOf(share, n);
        java.util.Arrays.sort(s);
        return s[n / 2] >= CPU_BOUND;
    }
}
