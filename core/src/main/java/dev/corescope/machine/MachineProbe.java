package dev.corescope.machine;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Takes a {@link MachineProfile}: {@code /proc} and {@code /sys} first, OSHI only for the CPU
 * facts those lack (model, counts, topology), JVM facts from the running JVM. OSHI is
 * started only when a fact is missing: on Linux it never is, and OSHI's start (~250 ms) stays off the
 * path to a verdict.
 * Every unreadable fact is recorded as unknown; probing never throws for a missing or malformed
 * file.
 */
public final class MachineProbe {

    private MachineProbe() {
    }

    /** Profiles the real machine. */
    public static MachineProfile probe() {
        return probe(ProcFs.real(), true);
    }

    /**
     * {@code probe}, called at most once, on first use (then its profile, or its failure, again): a run that
     * needs the profile before its session opens (to choose its workers) hands the same one to the session.
     */
    public static Supplier<MachineProfile> once(Supplier<MachineProfile> probe) {
        CompletableFuture<MachineProfile> f = new CompletableFuture<>();
        AtomicBoolean started = new AtomicBoolean();
        return () -> {
            if (started.compareAndSet(false, true)) {
                try {
                    f.complete(probe.get());
                } catch (RuntimeException e) {
                    f.completeExceptionally(e);
                }
            }
            try {
                return f.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        };
    }

    /**
     * Profiles the machine seen through {@code fs}; with {@code useOshi} false only files are
     * read (for fixture trees). JVM facts always describe the running JVM.
     */
    public static MachineProfile probe(ProcFs fs, boolean useOshi) {
        List<String> unknown = new ArrayList<>();
        Lazy oshiFacts = new Lazy(useOshi);

        TopologyReader.Topology topo = new TopologyReader(fs).read();

        String model = cpuinfoModel(fs).orElse(null);
        if (model == null && oshiFacts.get() != null) {
            model = oshiFacts.get().model();
        }
        List<List<Integer>> siblings = topo.smtSiblings();
        if (siblings == null && oshiFacts.get() != null) {
            siblings = oshiFacts.get().smtSiblings();
        }
        int logical = topo.onlineCpus() != null ? topo.onlineCpus().size()
                : oshiFacts.get() != null ? oshiFacts.get().logicalCpus() : -1;
        int cores = siblings != null ? siblings.size() : oshiFacts.get() != null ? oshiFacts.get().physicalCores() : -1;
        int packages = topo.packages() > 0 ? topo.packages() : oshiFacts.get() != null ? oshiFacts.get().packages() : -1;
        int numa = topo.numaNodes() > 0 ? topo.numaNodes() : oshiFacts.get() != null ? oshiFacts.get().numaNodes() : -1;
        // not OSHI's: on a VM without cpufreq it reports the current clock from /proc/cpuinfo as the maximum
        long maxFreq = sysMaxFreqHz(fs).orElse(-1L);

        List<Integer> allowed = allowedCpus(fs).orElse(null);
        CpuQuota quota = new CgroupQuotaReader(fs).read();
        LoadSnapshot load = LoadSnapshot.read(fs);

        String kernel = fs.readLine("/proc/sys/kernel/osrelease").orElse(fs.isReal() ? System.getProperty("os.version") : null);
        String governor = fs.readLine("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor").orElse(null);
        String hostname = fs.readLine("/proc/sys/kernel/hostname").or(() -> fs.readLine("/etc/hostname")).orElse(null);
        List<String> jvmFlags = jvmFlags();

        note(unknown, "cpuModel", model == null);
        note(unknown, "logicalCpus", logical < 0);
        note(unknown, "physicalCores", cores < 0);
        note(unknown, "packages", packages < 0);
        note(unknown, "numaNodes", numa < 0);
        note(unknown, "smtSiblings", siblings == null);
        note(unknown, "allowedCpus", allowed == null);
        note(unknown, "quota", !quota.known());
        note(unknown, "loadAtStart", !load.known());
        note(unknown, "jvmFlags", jvmFlags == null);
        note(unknown, "kernel", kernel == null);
        note(unknown, "governor", governor == null);
        note(unknown, "maxFreqHz", maxFreq < 0);
        note(unknown, "hostname", hostname == null);

        return new MachineProfile(model, logical, cores, packages, numa, siblings, allowed, quota,
                Runtime.getRuntime().availableProcessors(), load,
                System.getProperty("java.runtime.version", System.getProperty("java.version")),
                System.getProperty("java.vm.vendor"), jvmFlags, System.getProperty("os.name"),
                kernel, governor, maxFreq, hostname, unknown);
    }

    /** OSHI's facts, made on first use (or never). */
    private static final class Lazy {
        private final boolean allowed;
        private OshiCpuFacts facts;

        Lazy(boolean allowed) {
            this.allowed = allowed;
        }

        OshiCpuFacts get() {
            if (allowed && facts == null) {
                facts = new OshiCpuFacts();
            }
            return facts;
        }
    }

    private static void note(List<String> unknown, String field, boolean isUnknown) {
        if (isUnknown) {
            unknown.add(field);
        }
    }

    private static Optional<String> cpuinfoModel(ProcFs fs) {
        return fs.read("/proc/cpuinfo").flatMap(text -> text.lines()
                .filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim())
                .filter(s -> !s.isEmpty())
                .findFirst());
    }

    private static Optional<Long> sysMaxFreqHz(ProcFs fs) {
        return fs.readLine("/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq").flatMap(kHz -> {
            try {
                long v = Long.parseLong(kHz);
                return v > 0 ? Optional.of(v * 1000) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<List<Integer>> allowedCpus(ProcFs fs) {
        return fs.read("/proc/self/status").flatMap(text -> text.lines()
                .filter(l -> l.startsWith("Cpus_allowed_list:"))
                .findFirst()
                .flatMap(l -> {
                    try {
                        List<Integer> cpus = CpuList.parse(l.substring(l.indexOf(':') + 1));
                        return cpus.isEmpty() ? Optional.empty() : Optional.of(cpus);
                    } catch (IllegalArgumentException e) {
                        return Optional.empty();
                    }
                }));
    }

    private static List<String> jvmFlags() {
        try {
            return ManagementFactory.getRuntimeMXBean().getInputArguments();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
