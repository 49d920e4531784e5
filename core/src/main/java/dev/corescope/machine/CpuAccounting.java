package dev.corescope.machine;

import java.util.Collection;
import java.util.Optional;

/**
 * How busy the CPUs were with work that is not ours, measured between two snapshots: busy time of all
 * CPUs from {@code /proc/stat} (user, nice, system, irq, softirq and steal — the hypervisor's share
 * too) minus the CPU time of this process and of our worker processes ({@code /proc/<pid>/stat}).
 * Times are in clock ticks (USER_HZ, 100 per second on Linux).
 */
public record CpuAccounting(long busyTicks, long ourTicks, long nanoTime) {
    static final double TICKS_PER_SECOND = 100.0;

    /** A snapshot, or empty where /proc is unreadable. */
    public static Optional<CpuAccounting> read(ProcFs fs, Collection<Long> workerPids) {
        return read(fs, workerPids, System.nanoTime());
    }

    /** A snapshot taken at {@code nanoTime} on the machine's clock (a simulated machine's own), or empty. */
    public static Optional<CpuAccounting> read(ProcFs fs, Collection<Long> workerPids, long nanoTime) {
        Optional<String> stat = fs.readLine("proc/stat");
        if (stat.isEmpty() || !stat.get().startsWith("cpu ")) {
            return Optional.empty();
        }
        try {
            String[] f = stat.get().trim().split("\\s+");
            long busy = 0;
            int[] busyFields = {1, 2, 3, 6, 7, 8}; // user nice system irq softirq steal
            for (int i : busyFields) {
                if (i < f.length) {
                    busy += Long.parseLong(f[i]);
                }
            }
            long ours = processTicks(fs, "self");
            for (long pid : workerPids) {
                if (pid != ProcessHandle.current().pid()) {
                    ours += Math.max(0, processTicks(fs, Long.toString(pid)));
                }
            }
            return Optional.of(new CpuAccounting(busy, ours, nanoTime));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static long processTicks(ProcFs fs, String pid) {
        Optional<String> s = fs.readLine("proc/" + pid + "/stat");
        if (s.isEmpty()) {
            return 0;
        }
        String line = s.get();
        String[] f = line.substring(line.lastIndexOf(')') + 2).trim().split("\\s+");
        // after "pid (comm) ": field 3 is f[0]; utime is field 14, stime field 15
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** Average number of CPUs kept busy by others between {@code this} and {@code later}. */
    public double otherBusyCpus(CpuAccounting later) {
        double seconds = (later.nanoTime - nanoTime) / 1e9;
        if (seconds <= 0) {
            return Double.NaN;
        }
        long other = (later.busyTicks - busyTicks) - (later.ourTicks - ourTicks);
        return Math.max(0, other / TICKS_PER_SECOND / seconds);
    }
}
