package dev.corescope.analysis;

import dev.corescope.machine.MachineProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the machine profile predicts: how many CPU-bound workers should run without waiting, and which
 * resource sets that number (logical CPUs, the affinity mask, physical cores when SMT siblings are
 * allowed, the cgroup quota, cores kept busy by other runnable work). A prediction only: the
 * measurement decides.
 */
public record Capacity(int predictedWorkers, String limitedBy, String detail, List<Integer> pinCpus) {

    /** From the profile alone. */
    public static Capacity of(MachineProfile p) {
        return of(p, Double.NaN);
    }

    /**
     * Resources, most specific first; the smallest prediction wins.
     *
     * @param otherBusyCpus CPUs kept busy by other work during the measurement (NaN when unknown)
     */
    public static Capacity of(MachineProfile p, double otherBusyCpus) {
        List<Capacity> candidates = new ArrayList<>();
        List<Integer> pins = onePerCore(p);
        if (p.logicalCpus() > 0) {
            candidates.add(new Capacity(p.logicalCpus(), "logical CPUs",
                    p.logicalCpus() + " logical CPUs on the machine", pins));
        }
        if (p.allowedCpus() != null && p.logicalCpus() > 0 && p.allowedCpus().size() < p.logicalCpus()) {
            candidates.add(new Capacity(p.allowedCpus().size(), "CPU affinity",
                    String.format(Locale.ROOT, "this process may run only on CPUs %s (%d of %d)",
                            MachineProfile.formatCpuList(p.allowedCpus()), p.allowedCpus().size(), p.logicalCpus()), pins));
        }
        int cores = p.allowedPhysicalCores();
        int allowed = p.allowedCpus() == null ? p.logicalCpus() : p.allowedCpus().size();
        if (p.smt() && cores > 0 && cores < allowed) {
            candidates.add(new Capacity(cores, "physical cores (SMT)",
                    String.format(Locale.ROOT, "the %d allowed CPUs are SMT siblings on %d physical cores", allowed, cores),
                    pins));
        }
        if (p.quota() != null && p.quota().limits()) {
            int q = Math.max(1, (int) Math.floor(p.quota().cpus() + 1e-9));
            candidates.add(new Capacity(q, "CPU quota", String.format(Locale.ROOT,
                    "a cgroup CPU quota of %.2f CPUs (%d µs per %d µs period)", p.quota().cpus(),
                    p.quota().quotaMicros(), p.quota().periodMicros()), pins));
        }
        if (otherBusyCpus >= 0.5 && !candidates.isEmpty()) {
            Capacity best = min(candidates);
            int busy = (int) Math.round(otherBusyCpus);
            if (best.predictedWorkers() - busy >= 1) {
                candidates.add(new Capacity(best.predictedWorkers() - busy, "other load", String.format(Locale.ROOT,
                        "other work kept %.1f CPUs busy during the measurement", otherBusyCpus), pins));
            }
        }
        if (candidates.isEmpty()) {
            return new Capacity(-1, "unknown", "the profile could not be read", pins);
        }
        return min(candidates);
    }

    private static Capacity min(List<Capacity> cs) {
        Capacity best = cs.get(0);
        for (Capacity c : cs) {
            if (c.predictedWorkers() < best.predictedWorkers()) {
                best = c;
            }
        }
        return best;
    }

    /** One allowed CPU per physical core, ascending, for pinning; the allowed list when topology is unknown. */
    static List<Integer> onePerCore(MachineProfile p) {
        if (p.smtSiblings() == null) {
            return p.allowedCpus() == null ? List.of() : p.allowedCpus();
        }
        List<Integer> out = p.oneCpuPerCore();
        out.sort(Integer::compare);
        return out;
    }
}
