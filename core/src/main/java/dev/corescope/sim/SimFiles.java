package dev.corescope.sim;

import dev.corescope.machine.MachineSpec;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The simulated machine's {@code /proc} and {@code /sys}, computed from the simulation when read, in the
 * kernel's own formats, so that every reader of the real files ({@code MachineProbe}, {@code CpuAccounting},
 * {@code PerCpuLoad}, the cgroup quota reader, the load average) reads the simulated machine unchanged:
 * its topology (SMT siblings {@code c} and {@code c + cores}), its quota (cgroup v2 {@code cpu.max}), the
 * busy time of each CPU and of each worker process, in clock ticks of 10 ms.
 */
final class SimFiles {
    /** The cgroup of corescope's workers. */
    static final String CGROUP = "/simulated";
    private static final double NANOS_PER_TICK = 1e7;

    /** What the files are computed from, read under the machine's lock. */
    interface State {
        double now();

        /** ns each CPU was busy. */
        double[] busyNanos();

        /** ns of CPU used by the threads of process {@code pid} (0 for an unknown pid). */
        double processNanos(long pid);

        /** Threads runnable now. */
        int runnable();

        int threads();
    }

    private final MachineSpec spec;
    private final State state;

    SimFiles(MachineSpec spec, State state) {
        this.spec = spec;
        this.state = state;
    }

    static Set<String> directories() {
        return Set.of("/proc", "/sys", "/sys/fs/cgroup", "/sys/fs/cgroup" + CGROUP, "/sys/devices/system/cpu");
    }

    Optional<String> read(String path) {
        int n = spec.logicalCpus();
        String text = switch (path) {
            case "/proc/stat" -> stat();
            case "/proc/loadavg" -> loadavg();
            case "/proc/self/stat" -> processStat(1, 0);
            case "/proc/self/status" -> "Name:\tjava\nCpus_allowed_list:\t" + range(n) + "\n";
            case "/proc/self/cgroup" -> "0::" + CGROUP + "\n";
            case "/proc/self/mountinfo" -> "30 25 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec - cgroup2 cgroup2 rw\n";
            case "/proc/cpuinfo" -> cpuinfo(n);
            case "/proc/sys/kernel/osrelease" -> "simulated\n";
            case "/proc/sys/kernel/hostname" -> "simulated\n";
            case "/sys/devices/system/cpu/online" -> range(n) + "\n";
            case "/sys/devices/system/node/online" -> "0\n";
            case "/sys/fs/cgroup/cgroup.controllers" -> "cpu\n";
            case "/sys/fs/cgroup" + CGROUP + "/cpu.max" -> spec.quotaCpus() == null ? "max 100000\n"
                    : Math.max(1000, Math.round(spec.quotaCpus() * 100_000)) + " 100000\n";
            default -> perCpu(path, n).or(() -> perProcess(path)).orElse(null);
        };
        return Optional.ofNullable(text);
    }

    private Optional<String> perCpu(String path, int n) {
        String prefix = "/sys/devices/system/cpu/cpu";
        if (!path.startsWith(prefix)) {
            return Optional.empty();
        }
        int slash = path.indexOf('/', prefix.length());
        int cpu;
        try {
            cpu = Integer.parseInt(path.substring(prefix.length(), slash < 0 ? path.length() : slash));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (cpu < 0 || cpu >= n || slash < 0) {
            return Optional.empty();
        }
        String file = path.substring(slash);
        int core = cpu % spec.cores();
        String siblings = spec.threadsPerCore() == 2 ? core + "," + (core + spec.cores()) : Integer.toString(core);
        return switch (file) {
            case "/topology/thread_siblings_list", "/topology/core_cpus_list" -> Optional.of(siblings + "\n");
            case "/topology/physical_package_id" -> Optional.of("0\n");
            default -> Optional.empty();
        };
    }

    private Optional<String> perProcess(String path) {
        if (!path.startsWith("/proc/") || !path.endsWith("/stat")) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(path.substring(6, path.length() - 5));
            double ns = state.processNanos(pid);
            return ns < 0 ? Optional.empty() : Optional.of(processStat(pid, ns));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String range(int n) {
        return n == 1 ? "0" : "0-" + (n - 1);
    }

    private String stat() {
        double[] busy = state.busyNanos();
        double now = state.now();
        long allBusy = 0;
        long allIdle = 0;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < busy.length; i++) {
            long b = ticks(busy[i]);
            long idle = Math.max(0, ticks(now) - b);
            allBusy += b;
            allIdle += idle;
            lines.append(String.format(Locale.ROOT, "cpu%d %d 0 0 %d 0 0 0 0 0 0%n", i, b, idle));
        }
        return String.format(Locale.ROOT, "cpu  %d 0 0 %d 0 0 0 0 0 0%n", allBusy, allIdle) + lines
                + "procs_running " + state.runnable() + "\n";
    }

    /** The other programs' steady load as the load averages, and the threads runnable now. */
    private String loadavg() {
        double others = spec.busyCpus().size() + spec.backgroundCpus();
        return String.format(Locale.ROOT, "%.2f %.2f %.2f %d/%d 4200000%n", others, others, others,
                state.runnable() + 1, state.threads() + 1);
    }

    private static String processStat(long pid, double nanos) {
        StringBuilder sb = new StringBuilder().append(pid).append(" (java) S");
        for (int field = 4; field <= 13; field++) {
            sb.append(" 0");
        }
        sb.append(' ').append(ticks(nanos)).append(" 0"); // utime, stime
        for (int field = 16; field <= 52; field++) {
            sb.append(" 0");
        }
        return sb.append('\n').toString();
    }

    private static String cpuinfo(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("processor\t: ").append(i).append("\nmodel name\t: SIMULATED CPU\n\n");
        }
        return sb.toString();
    }

    private static long ticks(double nanos) {
        return (long) Math.floor(nanos / NANOS_PER_TICK);
    }
}
