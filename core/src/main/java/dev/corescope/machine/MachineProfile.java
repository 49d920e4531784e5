package dev.corescope.machine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the machine offers this process, read once per run by {@link MachineProbe}. Facts that
 * could not be read are null, -1 or NaN and their component names are listed in {@code unknown};
 * nothing is guessed. Serialisable with Jackson as a plain record.
 *
 * @param cpuModel            CPU model name
 * @param logicalCpus         online logical CPUs of the machine
 * @param physicalCores       physical cores of the machine
 * @param packages            CPU packages (sockets)
 * @param numaNodes           NUMA nodes
 * @param smtSiblings         for each physical core, the logical CPUs sharing it
 * @param allowedCpus         logical CPUs this process may run on ({@code Cpus_allowed_list})
 * @param quota               the cgroup CPU bandwidth limit
 * @param availableProcessors what the JVM reports ({@code Runtime.availableProcessors()})
 * @param loadAtStart         system load when the profile was taken
 * @param jvmVersion          JVM runtime version
 * @param jvmVendor           JVM vendor
 * @param jvmFlags            JVM input arguments
 * @param osName              operating system name
 * @param kernel              kernel release
 * @param governor            cpufreq scaling governor of CPU 0
 * @param maxFreqHz           maximum CPU frequency in Hz: {@code cpufreq/cpuinfo_max_freq}, else -1 (unknown)
 *                            (which may fall back to the highest current frequency on VMs)
 * @param hostname            host name, part of {@link #key()}
 * @param unknown             names of the components that could not be read
 * @param simulated           the machine this profile describes when it is simulated ({@code --simulate}), else null:
 *                            a simulated profile is never a real machine's (it has a key of its own, and every
 *                            report of it says SIMULATED)
 */
public record MachineProfile(
        String cpuModel,
        int logicalCpus,
        int physicalCores,
        int packages,
        int numaNodes,
        List<List<Integer>> smtSiblings,
        List<Integer> allowedCpus,
        CpuQuota quota,
        int availableProcessors,
        LoadSnapshot loadAtStart,
        String jvmVersion,
        String jvmVendor,
        List<String> jvmFlags,
        String osName,
        String kernel,
        String governor,
        long maxFreqHz,
        String hostname,
        List<String> unknown,
        MachineSpec simulated) {

    public MachineProfile {
        smtSiblings = smtSiblings == null ? null : smtSiblings.stream().map(List::copyOf).toList();
        allowedCpus = allowedCpus == null ? null : List.copyOf(allowedCpus);
        jvmFlags = jvmFlags == null ? null : List.copyOf(jvmFlags);
        unknown = unknown == null ? List.of() : List.copyOf(unknown);
        quota = quota == null ? CpuQuota.unknown() : quota;
    }

    /** A real machine's profile. */
    public MachineProfile(String cpuModel, int logicalCpus, int physicalCores, int packages, int numaNodes,
                          List<List<Integer>> smtSiblings, List<Integer> allowedCpus, CpuQuota quota,
                          int availableProcessors, LoadSnapshot loadAtStart, String jvmVersion, String jvmVendor,
                          List<String> jvmFlags, String osName, String kernel, String governor, long maxFreqHz,
                          String hostname, List<String> unknown) {
        this(cpuModel, logicalCpus, physicalCores, packages, numaNodes, smtSiblings, allowedCpus, quota,
                availableProcessors, loadAtStart, jvmVersion, jvmVendor, jvmFlags, osName, kernel, governor, maxFreqHz,
                hostname, unknown, null);
    }

    /** This profile as the simulated machine {@code spec}'s, the JVM seeing {@code processors} CPUs. */
    public MachineProfile simulating(MachineSpec spec, int processors) {
        return new MachineProfile(cpuModel, logicalCpus, physicalCores, packages, numaNodes, smtSiblings, allowedCpus,
                quota, processors, loadAtStart, jvmVersion, jvmVendor, jvmFlags, osName, kernel, governor, maxFreqHz,
                hostname, unknown, spec);
    }

    /** {@code [0,1,2,3,8]} → {@code "0-3,8"}. */
    public static String formatCpuList(List<Integer> cpus) {
        return CpuList.format(cpus);
    }

    /**
     * Distinct physical cores among the allowed CPUs, -1 when either list is unknown. Allowed CPUs
     * that belong to no known core (e.g. offline ones) are not counted.
     */
    public int allowedPhysicalCores() {
        if (allowedCpus == null || smtSiblings == null) {
            return -1;
        }
        Map<Integer, Integer> coreOf = new HashMap<>();
        for (int core = 0; core < smtSiblings.size(); core++) {
            for (int cpu : smtSiblings.get(core)) {
                coreOf.put(cpu, core);
            }
        }
        Set<Integer> cores = new HashSet<>();
        for (int cpu : allowedCpus) {
            Integer core = coreOf.get(cpu);
            if (core != null) {
                cores.add(core);
            }
        }
        return cores.size();
    }

    /**
     * One allowed CPU per physical core (the lowest allowed sibling), in core order: the CPUs to pin
     * workers to so that none shares a core. Empty when the topology or the allowed CPUs are unknown.
     */
    public List<Integer> oneCpuPerCore() {
        List<Integer> cpus = new ArrayList<>();
        if (smtSiblings == null || allowedCpus == null) {
            return cpus;
        }
        Set<Integer> allowed = new HashSet<>(allowedCpus);
        for (List<Integer> core : smtSiblings) {
            core.stream().filter(allowed::contains).sorted().findFirst().ifPresent(cpus::add);
        }
        return cpus;
    }

    /**
     * The CPUs' worth of capacity this process can use: the smallest of the allowed CPU count, the
     * cgroup quota and the logical CPU count, ignoring unknowns; NaN when all are unknown.
     */
    public double effectiveCpus() {
        double min = Double.POSITIVE_INFINITY;
        if (allowedCpus != null && !allowedCpus.isEmpty()) {
            min = Math.min(min, allowedCpus.size());
        }
        if (quota.known()) {
            min = Math.min(min, quota.cpus());
        }
        if (logicalCpus > 0) {
            min = Math.min(min, logicalCpus);
        }
        return Double.isInfinite(min) ? Double.NaN : min;
    }

    /** Whether some physical core runs more than one logical CPU (false when unknown). */
    public boolean smt() {
        return smtSiblings != null && smtSiblings.stream().anyMatch(core -> core.size() > 1);
    }

    /**
     * A short stable identifier of this capacity, for caching a threshold: a hash of the model,
     * CPU counts, allowed CPUs, quota and host name. Load, JVM and governor are not part of it.
     */
    public String key() {
        String canonical = String.join("|", String.valueOf(cpuModel), String.valueOf(logicalCpus),
                String.valueOf(physicalCores), allowedCpus == null ? "?" : CpuList.format(allowedCpus),
                quota.quotaMicros() + "/" + quota.periodMicros(), String.valueOf(hostname))
                + (simulated == null ? "" : "|SIMULATED " + simulated.describe());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                hex.append(String.format(Locale.ROOT, "%02x", digest[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** Human-readable lines describing the profile, one fact per line. */
    public List<String> summaryLines() {
        List<String> lines = new ArrayList<>();
        if (simulated != null) {
            lines.add("SIMULATED machine: " + simulated.describe());
        }
        String smtText = smtSiblings == null ? "SMT unknown" : smt() ? "SMT" : "no SMT";
        lines.add(String.format(Locale.ROOT, "CPU: %s, %s, %s, %s (%s), %s",
                orUnknown(cpuModel), count(packages, "package"), count(physicalCores, "physical core"),
                count(logicalCpus, "logical CPU"), smtText, count(numaNodes, "NUMA node")));
        if (allowedCpus == null) {
            lines.add("Allowed CPUs: unknown");
        } else {
            lines.add(String.format(Locale.ROOT, "Allowed CPUs: %s (%d of %s, %s)", CpuList.format(allowedCpus),
                    allowedCpus.size(), logicalCpus > 0 ? String.valueOf(logicalCpus) : "unknown",
                    allowedPhysicalCores() < 0 ? "physical cores unknown" : count(allowedPhysicalCores(), "physical core")));
        }
        lines.add("CPU quota: " + quota.describe());
        double eff = effectiveCpus();
        lines.add(String.format(Locale.ROOT, "Effective CPUs: %s (JVM availableProcessors %d)",
                Double.isNaN(eff) ? "unknown" : String.format(Locale.ROOT, "%.2f", eff), availableProcessors));
        lines.add("Load: " + (loadAtStart == null ? "unknown" : loadAtStart.describe()));
        lines.add(String.format(Locale.ROOT, "JVM: %s %s, flags %s", orUnknown(jvmVendor), orUnknown(jvmVersion),
                jvmFlags == null ? "unknown" : jvmFlags.isEmpty() ? "none" : String.join(" ", jvmFlags)));
        lines.add(String.format(Locale.ROOT, "OS: %s, kernel %s, host %s", orUnknown(osName), orUnknown(kernel),
                orUnknown(hostname)));
        lines.add("Governor: " + orUnknown(governor) + ", max frequency: "
                + (maxFreqHz > 0 ? String.format(Locale.ROOT, "%.2f GHz", maxFreqHz / 1e9) : "unknown"));
        if (!unknown.isEmpty()) {
            lines.add("Unknown: " + String.join(", ", unknown));
        }
        lines.add("Capacity key: " + key());
        return lines;
    }

    private static String orUnknown(String s) {
        return s == null ? "unknown" : s;
    }

    private static String count(int n, String noun) {
        return n < 0 ? noun + "s unknown" : n + " " + noun + (n == 1 ? "" : "s");
    }
}
