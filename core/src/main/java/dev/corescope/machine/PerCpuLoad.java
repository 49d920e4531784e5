package dev.corescope.machine;

import java.util.Arrays;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The busy and total time of each logical CPU, from the {@code cpuN} lines of {@code /proc/stat} (clock
 * ticks), as a snapshot: two snapshots give how busy each CPU was between them ({@link #busySince}).
 * Busy is user, nice, system, irq, softirq and steal; idle and iowait are not. It counts every program,
 * this one included: read it while corescope's workers are idle to see what other programs leave free.
 *
 * @param cpus  the CPU numbers, ascending (offline CPUs have no line)
 * @param busy  busy ticks of each CPU of {@code cpus}
 * @param total all ticks of each CPU of {@code cpus}
 */
public record PerCpuLoad(int[] cpus, long[] busy, long[] total) {
    /** By field of a {@code cpuN} line: user nice system (idle iowait) irq softirq steal. */
    private static final boolean[] BUSY_FIELD = {false, true, true, true, false, false, true, true, true};

    public PerCpuLoad {
        cpus = cpus.clone();
        busy = busy.clone();
        total = total.clone();
        if (cpus.length != busy.length || cpus.length != total.length) {
            throw new IllegalArgumentException("one busy and one total figure per CPU");
        }
    }

    /** The snapshot {@code /proc/stat} shows now, or empty when it is unreadable or has no per-CPU lines. */
    public static Optional<PerCpuLoad> read(ProcFs fs) {
        return fs.read("/proc/stat").flatMap(PerCpuLoad::parse);
    }

    static Optional<PerCpuLoad> parse(String stat) {
        TreeMap<Integer, long[]> byCpu = new TreeMap<>();
        for (String line : stat.split("\n")) {
            if (!line.startsWith("cpu") || line.startsWith("cpu ")) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            try {
                int cpu = Integer.parseInt(f[0].substring(3));
                long busy = 0;
                long total = 0;
                for (int i = 1; i < f.length && i <= 8; i++) {
                    long v = Long.parseLong(f[i]);
                    total += v;
                    if (BUSY_FIELD[i]) {
                        busy += v;
                    }
                }
                byCpu.put(cpu, new long[] {busy, total});
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        if (byCpu.isEmpty()) {
            return Optional.empty();
        }
        int[] cpus = byCpu.keySet().stream().mapToInt(Integer::intValue).toArray();
        long[] busy = byCpu.values().stream().mapToLong(v -> v[0]).toArray();
        long[] total = byCpu.values().stream().mapToLong(v -> v[1]).toArray();
        return Optional.of(new PerCpuLoad(cpus, busy, total));
    }

    /**
     * The fraction of its time each CPU was busy between {@code earlier} and this snapshot, indexed by CPU
     * number (length: the highest CPU + 1); NaN for a CPU missing from either snapshot or without ticks.
     */
    public double[] busySince(PerCpuLoad earlier) {
        int max = cpus.length == 0 ? -1 : cpus[cpus.length - 1];
        double[] out = new double[max + 1];
        Arrays.fill(out, Double.NaN);
        for (int i = 0; i < cpus.length; i++) {
            int j = Arrays.binarySearch(earlier.cpus, cpus[i]);
            if (j < 0) {
                continue;
            }
            long dt = total[i] - earlier.total[j];
            if (dt > 0) {
                out[cpus[i]] = Math.max(0, Math.min(1, (double) (busy[i] - earlier.busy[j]) / dt));
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PerCpuLoad p && Arrays.equals(cpus, p.cpus) && Arrays.equals(busy, p.busy)
                && Arrays.equals(total, p.total);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(cpus) + Arrays.hashCode(busy)) + Arrays.hashCode(total);
    }

    @Override
    public String toString() {
        return "PerCpuLoad" + Arrays.toString(cpus);
    }
}
