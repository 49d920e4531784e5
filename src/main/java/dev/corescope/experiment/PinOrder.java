package dev.corescope.experiment;

import dev.corescope.machine.MachineProbe;
import dev.corescope.machine.MachineProfile;
import dev.corescope.machine.ProcFs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The order in which workers get CPUs of their own: one allowed CPU per physical core first, then
 * the remaining SMT siblings, so that P workers share no core while P ≤ physical cores.
 */
public final class PinOrder {
    private PinOrder() {
    }

    /** For this process, from /proc and /sys (no OSHI); empty when the allowed CPUs are unknown. */
    public static List<Integer> cpus() {
        return of(MachineProbe.probe(ProcFs.real(), false));
    }

    public static List<Integer> of(MachineProfile p) {
        if (p.allowedCpus() == null || p.allowedCpus().isEmpty()) {
            return List.of();
        }
        Set<Integer> allowed = new HashSet<>(p.allowedCpus());
        LinkedHashSet<Integer> order = new LinkedHashSet<>(p.oneCpuPerCore());
        if (p.smtSiblings() != null) {
            for (List<Integer> core : p.smtSiblings()) {
                core.stream().filter(allowed::contains).forEach(order::add);
            }
        }
        order.addAll(p.allowedCpus());
        return new ArrayList<>(order);
    }
}
