package dev.corescope.machine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the CPU topology from {@code /sys/devices/system}: the online logical CPUs, the logical
 * CPUs sharing each physical core ({@code thread_siblings_list}, or {@code core_cpus_list}), the
 * packages ({@code physical_package_id}) and the NUMA nodes. A fact that cannot be read for every
 * online CPU is left unknown rather than pieced together.
 */
public final class TopologyReader {

    private static final String CPU_DIR = "/sys/devices/system/cpu";

    /**
     * The topology as read; {@code onlineCpus} and {@code smtSiblings} are null and counts -1 when
     * unknown. {@code smtSiblings} holds one sorted list per physical core, ordered by first CPU.
     */
    public record Topology(List<Integer> onlineCpus, List<List<Integer>> smtSiblings, int packages, int numaNodes) {

        public Topology {
            onlineCpus = onlineCpus == null ? null : List.copyOf(onlineCpus);
            smtSiblings = smtSiblings == null ? null : smtSiblings.stream().map(List::copyOf).toList();
        }

        /** Distinct physical cores, -1 when unknown. */
        public int physicalCores() {
            return smtSiblings == null ? -1 : smtSiblings.size();
        }
    }

    private final ProcFs fs;

    public TopologyReader(ProcFs fs) {
        this.fs = fs;
    }

    /** Reads what {@code /sys} offers. */
    public Topology read() {
        List<Integer> online = cpuList(CPU_DIR + "/online").orElse(null);
        List<List<Integer>> siblings = online == null ? null : siblings(online).orElse(null);
        int packages = online == null ? -1 : packages(online);
        int numa = cpuList("/sys/devices/system/node/online").map(List::size).orElse(-1);
        return new Topology(online, siblings, packages, numa);
    }

    private Optional<List<List<Integer>>> siblings(List<Integer> online) {
        Set<List<Integer>> cores = new LinkedHashSet<>();
        for (int cpu : online) {
            String dir = CPU_DIR + "/cpu" + cpu + "/topology/";
            Optional<List<Integer>> s = cpuList(dir + "thread_siblings_list").or(() -> cpuList(dir + "core_cpus_list"));
            if (s.isEmpty() || !s.get().contains(cpu)) {
                return Optional.empty();
            }
            cores.add(s.get());
        }
        List<List<Integer>> sorted = new ArrayList<>(cores);
        sorted.sort(Comparator.comparing(core -> core.get(0)));
        return Optional.of(sorted);
    }

    private int packages(List<Integer> online) {
        Set<String> ids = new HashSet<>();
        for (int cpu : online) {
            Optional<String> id = fs.readLine(CPU_DIR + "/cpu" + cpu + "/topology/physical_package_id");
            if (id.isEmpty()) {
                return -1;
            }
            ids.add(id.get());
        }
        return ids.isEmpty() ? -1 : ids.size();
    }

    private Optional<List<Integer>> cpuList(String path) {
        return fs.readLine(path).flatMap(text -> {
            try {
                List<Integer> cpus = CpuList.parse(text);
                return cpus.isEmpty() ? Optional.empty() : Optional.of(cpus);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }
}
