package dev.corescope.machine;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A machine to simulate: what a {@code --simulate MACHINE.json} file says (the keys are these names; see
 * docs/method.md, "The simulated machine"). Logical CPUs are {@code cores × threadsPerCore}, numbered as
 * Linux numbers them: CPU {@code c} and {@code c + cores} are the SMT siblings of core {@code c}.
 *
 * @param cores          physical cores
 * @param threadsPerCore 1 or 2 (SMT)
 * @param smtSlowdown    how much longer a task runs while its SMT sibling is busy (≥ 1): extra CPU time, not waiting
 * @param quotaCpus      a cgroup CPU quota in CPUs (per 100 ms period) for corescope's workers, or null for none
 * @param busyCpus       logical CPUs kept 100% busy by another program pinned to each
 * @param backgroundCpus unpinned other load, in CPUs: threads that run in bursts with a duty cycle
 * @param noiseCv        per-task noise: the coefficient of variation of a task's work (lognormal, median 1)
 * @param driftPerMinute slow drift of the machine's speed: tasks take this fraction longer per minute of
 *                       simulated time (negative: shorter)
 * @param seed           the seed of every random draw: the same file and seed give the same records
 */
@JsonPropertyOrder({"cores", "threadsPerCore", "smtSlowdown", "quotaCpus", "busyCpus", "backgroundCpus", "noiseCv",
        "driftPerMinute", "seed"})
public record MachineSpec(int cores, int threadsPerCore, double smtSlowdown, Double quotaCpus, List<Integer> busyCpus,
                          double backgroundCpus, double noiseCv, double driftPerMinute, long seed) {
    public static final int MAX_CORES = 1024;
    public static final double DEFAULT_SMT_SLOWDOWN = 1.25;
    public static final double DEFAULT_NOISE_CV = 0.02;

    public MachineSpec {
        busyCpus = busyCpus == null ? List.of() : List.copyOf(busyCpus);
    }

    /** {@code cores} cores without SMT, nothing else running, 2% noise, no drift, seed 1. */
    public static MachineSpec cores(int cores) {
        return new MachineSpec(cores, 1, DEFAULT_SMT_SLOWDOWN, null, List.of(), 0, DEFAULT_NOISE_CV, 0, 1);
    }

    /** The same machine with 2 threads per core, each running {@code slowdown} times longer while its sibling is busy. */
    public MachineSpec smt(double slowdown) {
        return new MachineSpec(cores, 2, slowdown, quotaCpus, busyCpus, backgroundCpus, noiseCv, driftPerMinute, seed);
    }

    public MachineSpec quota(Double cpus) {
        return new MachineSpec(cores, threadsPerCore, smtSlowdown, cpus, busyCpus, backgroundCpus, noiseCv,
                driftPerMinute, seed);
    }

    public MachineSpec busy(Integer... cpus) {
        return new MachineSpec(cores, threadsPerCore, smtSlowdown, quotaCpus, List.of(cpus), backgroundCpus, noiseCv,
                driftPerMinute, seed);
    }

    public MachineSpec background(double cpus) {
        return new MachineSpec(cores, threadsPerCore, smtSlowdown, quotaCpus, busyCpus, cpus, noiseCv, driftPerMinute,
                seed);
    }

    public MachineSpec noise(double cv) {
        return new MachineSpec(cores, threadsPerCore, smtSlowdown, quotaCpus, busyCpus, backgroundCpus, cv,
                driftPerMinute, seed);
    }

    public MachineSpec drift(double perMinute) {
        return new MachineSpec(cores, threadsPerCore, smtSlowdown, quotaCpus, busyCpus, backgroundCpus, noiseCv,
                perMinute, seed);
    }

    public MachineSpec seed(long s) {
        return new MachineSpec(cores, threadsPerCore, smtSlowdown, quotaCpus, busyCpus, backgroundCpus, noiseCv,
                driftPerMinute, s);
    }

    /** Logical CPUs: cores × threads per core. */
    public int logicalCpus() {
        return cores * threadsPerCore;
    }

    /**
     * Why this machine cannot exist, one short clause each (empty: it can).
     */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (cores < 1 || cores > MAX_CORES) {
            out.add("cores must be between 1 and " + MAX_CORES + ", got " + cores);
        }
        if (threadsPerCore != 1 && threadsPerCore != 2) {
            out.add("threadsPerCore must be 1 or 2, got " + threadsPerCore);
        }
        if (!(smtSlowdown >= 1 && smtSlowdown <= 10)) {
            out.add("smtSlowdown must be between 1 and 10 (a task runs that many times longer while its sibling is "
                    + "busy), got " + num(smtSlowdown));
        }
        if (!out.isEmpty()) {
            return out; // the rest depends on the CPU count
        }
        int logical = logicalCpus();
        if (quotaCpus != null && !(quotaCpus >= 0.01 && quotaCpus <= logical)) {
            out.add("quotaCpus must be null (no quota) or between 0.01 and the " + logical + " logical CPUs, got "
                    + num(quotaCpus));
        }
        Set<Integer> seen = new HashSet<>();
        for (Integer cpu : busyCpus) {
            if (cpu == null || cpu < 0 || cpu >= logical) {
                out.add("busyCpus names CPU " + cpu + ", which does not exist: the machine has CPUs 0-" + (logical - 1));
            } else if (!seen.add(cpu)) {
                out.add("busyCpus names CPU " + cpu + " twice");
            }
        }
        if (!(backgroundCpus >= 0 && backgroundCpus <= logical)) {
            out.add("backgroundCpus must be between 0 and the " + logical + " logical CPUs, got " + num(backgroundCpus));
        }
        if (!(noiseCv >= 0 && noiseCv < 1)) {
            out.add("noiseCv must be at least 0 and below 1, got " + num(noiseCv));
        }
        if (!(driftPerMinute > -0.5 && driftPerMinute < 1)) {
            out.add("driftPerMinute must be above -0.5 and below 1, got " + num(driftPerMinute));
        }
        return out;
    }

    /** This spec, or an IllegalArgumentException with its first problem. */
    public MachineSpec validated() {
        List<String> p = problems();
        if (!p.isEmpty()) {
            throw new IllegalArgumentException("impossible machine: " + p.get(0));
        }
        return this;
    }

    /** e.g. {@code 16 cores × 2 threads (SMT slowdown ×1.25), quota 12.5 CPUs, busy CPUs 3, background 0.5 CPUs, noise 2%, drift +1%/min, seed 1}. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(cores).append(cores == 1 ? " core" : " cores");
        sb.append(threadsPerCore == 2 ? String.format(Locale.ROOT, " × 2 threads (SMT slowdown ×%s)", num(smtSlowdown))
                : ", no SMT");
        sb.append(", quota ").append(quotaCpus == null ? "none" : num(quotaCpus) + " CPUs");
        sb.append(", busy CPUs ").append(busyCpus.isEmpty() ? "none" : CpuList.format(busyCpus));
        sb.append(", background ").append(num(backgroundCpus)).append(" CPUs");
        sb.append(String.format(Locale.ROOT, ", noise %s%%, drift %s%%/min, seed %d", num(100 * noiseCv),
                (driftPerMinute > 0 ? "+" : "") + num(100 * driftPerMinute), seed));
        return sb.toString();
    }

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
