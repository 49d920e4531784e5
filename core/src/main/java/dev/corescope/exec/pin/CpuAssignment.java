package dev.corescope.exec.pin;

import dev.corescope.machine.MachineProfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which CPU each worker slot is pinned to: slot k gets {@code cpus[k mod n]}, so no two workers share a CPU
 * while there are at most n of them; past n, {@link #doubledUp} says which CPUs run two or more. The order
 * gives every worker a physical core of its own first (one allowed CPU per core), then the remaining SMT
 * siblings, then any allowed CPU the topology did not name; so P workers share no core while P is at most
 * the number of allowed physical cores, as BenchExec hands out cores. Within each of these passes, the
 * CPUs other programs leave idle come first ({@link #of(MachineProfile, double[])}, from the per-CPU load
 * {@code /proc/stat} shows): a core whose CPUs are busy goes last, so the first workers never start beside
 * another program. A slot keeps its CPU when its worker is replaced. Pure: built from a
 * {@link MachineProfile} and a load, testable for any machine.
 *
 * @param cpus CPUs in pin order; empty = workers are not pinned
 * @param busy the allowed CPUs seen at least half busy with other programs when the order was made (placed last)
 */
public record CpuAssignment(List<Integer> cpus, List<Integer> busy) {
    public static final CpuAssignment NONE = new CpuAssignment(List.of());
    /** A CPU at least this busy (fraction of its time) is busy with another program. */
    public static final double BUSY = 0.5;
    /** How long the per-CPU load is watched before workers are pinned (10 ticks of /proc/stat). */
    public static final java.time.Duration WATCH = java.time.Duration.ofMillis(100);

    public CpuAssignment {
        cpus = List.copyOf(cpus);
        busy = busy == null ? List.of() : List.copyOf(busy);
    }

    /** Without load: nothing seen busy. */
    public CpuAssignment(List<Integer> cpus) {
        this(cpus, List.of());
    }

    /** For this profile's allowed CPUs; {@link #NONE} when they are unknown. */
    public static CpuAssignment of(MachineProfile p) {
        return of(p, null);
    }

    /**
     * For this profile's allowed CPUs, the ones other programs leave idle first; {@link #NONE} when they are
     * unknown.
     *
     * @param load how busy each CPU was (fraction of its time, by CPU number; NaN or missing: unknown), watched
     *             while corescope's workers were idle; null: unknown
     */
    public static CpuAssignment of(MachineProfile p, double[] load) {
        if (p == null || p.allowedCpus() == null || p.allowedCpus().isEmpty()) {
            return NONE;
        }
        Set<Integer> allowed = new HashSet<>(p.allowedCpus());
        List<List<Integer>> cores = new ArrayList<>();
        if (p.smtSiblings() != null) {
            for (List<Integer> core : p.smtSiblings()) {
                if (core.stream().anyMatch(allowed::contains)) {
                    cores.add(core);
                }
            }
        }
        // pass 1: one allowed CPU per core, idle cores first (a core is as busy as its busiest CPU, allowed or not)
        List<List<Integer>> byLoad = new ArrayList<>(cores);
        byLoad.sort(Comparator.comparingInt(core -> level(load, core)));
        LinkedHashSet<Integer> order = new LinkedHashSet<>();
        for (List<Integer> core : byLoad) {
            core.stream().filter(allowed::contains)
                    .min(Comparator.<Integer>comparingInt(c -> level(load, List.of(c))).thenComparing(c -> c))
                    .ifPresent(order::add);
        }
        // pass 2: the remaining siblings; pass 3: allowed CPUs the topology does not name
        List<Integer> rest = new ArrayList<>();
        for (List<Integer> core : cores) {
            core.stream().filter(allowed::contains).filter(c -> !order.contains(c)).forEach(rest::add);
        }
        rest.sort(Comparator.comparingInt(c -> level(load, List.of(c))));
        order.addAll(rest);
        List<Integer> unnamed = new ArrayList<>(p.allowedCpus());
        unnamed.removeAll(order);
        unnamed.sort(Comparator.comparingInt(c -> level(load, List.of(c))));
        order.addAll(unnamed);
        List<Integer> busy = p.allowedCpus().stream().filter(c -> busy(load, c) >= BUSY).sorted().toList();
        return new CpuAssignment(new ArrayList<>(order), busy);
    }

    /** How busy the busiest of {@code cpus} is, in quarters (0: under 25%); 0 when unknown. */
    private static int level(double[] load, List<Integer> cpus) {
        double max = 0;
        for (int c : cpus) {
            max = Math.max(max, busy(load, c));
        }
        return (int) Math.min(4, Math.floor(max * 4));
    }

    private static double busy(double[] load, int cpu) {
        if (load == null || cpu < 0 || cpu >= load.length || !Double.isFinite(load[cpu])) {
            return 0;
        }
        return load[cpu];
    }

    public boolean pins() {
        return !cpus.isEmpty();
    }

    /** The CPU of worker slot {@code slot} (0-based), or -1 when not pinned. */
    public int cpuOf(int slot) {
        return cpus.isEmpty() ? -1 : cpus.get(Math.floorMod(slot, cpus.size()));
    }

    /** The CPUs that run two or more of the first {@code workers} workers, with how many each (empty up to n). */
    public Map<Integer, Integer> doubledUp(int workers) {
        Map<Integer, Integer> count = new TreeMap<>();
        for (int i = 0; i < workers && pins(); i++) {
            count.merge(cpuOf(i), 1, Integer::sum);
        }
        count.values().removeIf(n -> n < 2);
        return count;
    }

    /** e.g. {@code worker 1 -> CPU 0, worker 2 -> CPU 1}, for the first {@code workers} slots; where they double up. */
    public String describe(int workers) {
        if (!pins()) {
            return "workers not pinned";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < workers; i++) {
            sb.append(i == 0 ? "" : ", ").append("worker ").append(i + 1).append(" -> CPU ").append(cpuOf(i));
        }
        String shared = sharing(workers);
        return shared.isEmpty() ? sb.toString() : sb + " (" + shared + ")";
    }

    /**
     * Where {@code workers} pinned workers double up, in words: e.g. {@code 66 workers on 64 CPUs: CPUs 0 and
     * 1 run two each}; empty when none share a CPU.
     */
    public String sharing(int workers) {
        Map<Integer, Integer> d = doubledUp(workers);
        if (d.isEmpty()) {
            return "";
        }
        Map<Integer, List<Integer>> byCount = new TreeMap<>();
        d.forEach((cpu, n) -> byCount.computeIfAbsent(n, k -> new ArrayList<>()).add(cpu));
        List<String> parts = new ArrayList<>();
        byCount.forEach((n, list) -> parts.add((list.size() == 1 ? "CPU " : "CPUs ")
                + MachineProfile.formatCpuList(list) + " run" + (list.size() == 1 ? "s " : " ") + n
                + (list.size() == 1 ? "" : " each")));
        return workers + " workers on " + cpus.size() + " CPU" + (cpus.size() == 1 ? "" : "s") + ": "
                + String.join(", ", parts);
    }
}
