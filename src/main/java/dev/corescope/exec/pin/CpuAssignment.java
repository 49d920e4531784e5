package dev.corescope.exec.pin;

import dev.corescope.machine.MachineProfile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which CPU each worker slot is pinned to: slot k gets {@code cpus[k mod n]}. The order gives every worker
 * a physical core of its own first (one allowed CPU per core, in core order), then the remaining SMT
 * siblings, then any allowed CPU the topology did not name; so P workers share no core while P is at
 * most the number of allowed physical cores, as BenchExec hands out cores. A slot keeps its CPU when its
 * worker is replaced. Pure: built from a {@link MachineProfile}, testable for any machine.
 *
 * @param cpus CPUs in pin order; empty = workers are not pinned
 */
public record CpuAssignment(List<Integer> cpus) {
    public static final CpuAssignment NONE = new CpuAssignment(List.of());

    public CpuAssignment {
        cpus = List.copyOf(cpus);
    }

    /** For this profile's allowed CPUs; {@link #NONE} when they are unknown. */
    public static CpuAssignment of(MachineProfile p) {
        if (p == null || p.allowedCpus() == null || p.allowedCpus().isEmpty()) {
            return NONE;
        }
        Set<Integer> allowed = new HashSet<>(p.allowedCpus());
        LinkedHashSet<Integer> order = new LinkedHashSet<>(p.oneCpuPerCore());
        if (p.smtSiblings() != null) {
            for (List<Integer> core : p.smtSiblings()) {
                core.stream().filter(allowed::contains).forEach(order::add);
            }
        }
        order.addAll(p.allowedCpus());
        return new CpuAssignment(new ArrayList<>(order));
    }

    public boolean pins() {
        return !cpus.isEmpty();
    }

    /** The CPU of worker slot {@code slot} (0-based), or -1 when not pinned. */
    public int cpuOf(int slot) {
        return cpus.isEmpty() ? -1 : cpus.get(Math.floorMod(slot, cpus.size()));
    }

    /** e.g. {@code worker 1 -> CPU 0, worker 2 -> CPU 1}, for the first {@code workers} slots. */
    public String describe(int workers) {
        if (!pins()) {
            return "workers not pinned";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < workers; i++) {
            sb.append(i == 0 ? "" : ", ").append("worker ").append(i + 1).append(" -> CPU ").append(cpuOf(i));
        }
        return sb.toString();
    }
}
