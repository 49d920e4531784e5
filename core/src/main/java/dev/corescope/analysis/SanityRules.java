package dev.corescope.analysis;

import dev.corescope.analysis.Figures.Cell;
import dev.corescope.analysis.Figures.Scaling;
import dev.corescope.analysis.Sanity.Refusal;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in {@link Sanity} rules. Each refuses what physics rules out beyond the measurement's own noise,
 * or what cannot be judged, and says why; the limits are constants here and in docs/method.md.
 */
public final class SanityRules {
    /**
     * A task shorter than this many clock resolutions is not resolved to 10%: its time is the clock's steps more
     * than the work's (JMH warns when a measurement nears the timer's granularity).
     */
    public static final double RESOLUTIONS_PER_TASK = 10;
    /**
     * CPU time may exceed wall time by this fraction and {@link #CPU_READINGS} readings of the CPU clock (the two
     * clocks are read one after the other, and a CPU reading's own cost falls inside the CPU window).
     */
    public static final double CPU_SLACK = 0.05;
    /** CPU-clock readings' worth of slack. */
    public static final double CPU_READINGS = 10;
    /** CPU above wall is judged on tasks at least this many CPU-clock readings long. */
    public static final double CPU_JUDGED_READINGS = 100;
    /** One worker's per-task CV at or above which it is too noisy to judge anything against. */
    public static final double BASELINE_CV = 0.50;
    /** Efficiency above 100% by more than this is refused (more, when the noise says so, still is). */
    public static final double EFFICIENCY_SLACK = 0.05;
    /** Speedup above the effective CPUs by more than this fraction is refused. */
    public static final double SPEEDUP_SLACK = 0.05;
    /** Least fall in CPU time per task, beside other workers, that is refused (more when the noise is larger). */
    public static final double CPU_FALL = 0.15;

    private SanityRules() {
    }

    /** A level whose typical task is shorter than the clock can resolve to 1%. */
    public static List<Refusal> shortTasks(Figures f) {
        List<Refusal> out = new ArrayList<>();
        double limit = RESOLUTIONS_PER_TASK * f.machine().wallResolution();
        for (Cell c : f.cells()) {
            if (c.wall().n() > 0 && c.wall().median() < limit) {
                out.add(new Refusal("timer", c.subject(), Units.format("its tasks take %s, shorter than %.0f times the "
                        + "clock's resolution of %s: the timer cannot resolve them to 10%%; give each task more work",
                        Units.time(c.wall().median()), RESOLUTIONS_PER_TASK, Units.time(f.machine().wallResolution()))));
            }
        }
        return out;
    }

    /** CPU time per task above the wall time it could have run in (one thread: the wall time; a process: × CPUs). */
    public static List<Refusal> cpuAboveWall(Figures f) {
        List<Refusal> out = new ArrayList<>();
        double cpus = f.work().processTimed() ? Math.max(1, f.machine().effectiveCpus()) : 1;
        for (Cell c : f.cells()) {
            if (c.cpu().n() == 0 || c.wall().n() == 0
                    || c.wall().median() < CPU_JUDGED_READINGS * f.machine().cpuResolution()) {
                continue; // unknown, or too short for its CPU readings to be resolved
            }
            double limit = c.wall().mean() * cpus * (1 + CPU_SLACK) + CPU_READINGS * f.machine().cpuResolution();
            if (c.cpu().mean() > limit) {
                out.add(new Refusal("cpu-above-wall", c.subject(), Units.format("CPU time per task %s is above its wall "
                        + "time %s%s: %s cannot compute longer than it runs, so the clocks disagree (a measurement "
                        + "fault); nothing measured here can be trusted", Units.time(c.cpu().mean()),
                        Units.time(c.wall().mean()), cpus > 1 ? Units.format(" on %.2f CPUs", cpus) : "",
                        cpus > 1 ? "a process tree" : "a thread")));
            }
        }
        return out;
    }

    /** One worker alone varies so much that no level can be judged against it. */
    public static List<Refusal> noisyBaseline(Figures f) {
        List<Refusal> out = new ArrayList<>();
        for (Cell c : f.cells()) {
            if (c.workers() == 1 && c.wall().n() >= 3 && c.wall().cv() >= BASELINE_CV && f.judgedAgainst(c)) {
                out.add(new Refusal("noisy-baseline", c.subject(), Units.format("one worker alone varies with a CV of "
                        + "%.0f%% over %d tasks (limit %.0f%%): too noisy to judge anything against; other "
                        + "work on the machine, or a workload whose tasks differ, makes it so", 100 * c.wall().cv(),
                        c.wall().n(), 100 * BASELINE_CV)));
            }
        }
        return out;
    }

    /** One worker alone waited on the run queue longer than it computed: the machine was busier than the workers. */
    public static List<Refusal> starvedBaseline(Figures f) {
        List<Refusal> out = new ArrayList<>();
        for (Cell c : f.cells()) {
            if (c.workers() != 1 || !Double.isFinite(c.waitMean()) || c.wall().n() == 0 || !f.judgedAgainst(c)) {
                continue;
            }
            boolean starved = c.cpu().n() > 0 ? c.waitMean() > c.cpu().mean() && c.waitMean() > 0.1 * c.wall().mean()
                    : c.waitMean() > 0.5 * c.wall().mean();
            if (starved) {
                out.add(new Refusal("starved-baseline", c.subject(), Units.format("one worker alone waited %s per task "
                        + "on the run queue%s: the machine was busier than the workers (other work took its CPU), so "
                        + "nothing can be judged against it", Units.time(c.waitMean()), c.cpu().n() > 0
                        ? Units.format(", longer than it computed (%s)", Units.time(c.cpu().mean()))
                        : Units.format(", over half its wall time (%s)", Units.time(c.wall().mean())))));
            }
        }
        return out;
    }

    /** Efficiency above 100% for work that only computes. */
    public static List<Refusal> efficiency(Figures f) {
        List<Refusal> out = new ArrayList<>();
        if (!f.work().cpuBound()) {
            return out;
        }
        List<Scaling> all = new ArrayList<>(f.scaling());
        all.addAll(f.claims().speedups());
        for (Scaling s : all) {
            if (!(s.efficiency() > 1 + EFFICIENCY_SLACK)) {
                continue;
            }
            double allowed = Double.isFinite(s.noise()) ? Math.max(EFFICIENCY_SLACK, 2 * s.noise()) : EFFICIENCY_SLACK;
            String noise = Double.isFinite(s.noise()) ? Units.format("±%.0f%%", 200 * s.noise()) : "unknown";
            out.add(new Refusal("efficiency", s.subject(), Units.format("efficiency %.0f%% (speedup %.2f) is above "
                    + "100%% %s: %d workers cannot do more than %d times one worker's work; one worker was measured "
                    + "slow (the JIT still compiling, or other work that stopped during the run)", 100 * s.efficiency(),
                    s.speedup(), s.efficiency() > 1 + allowed ? "beyond the noise (" + noise + ")"
                            : "and the noise (" + noise + ") is too large to tell how far", s.workers(), s.workers())));
        }
        return out;
    }

    /** A speedup above the effective CPUs for work that only computes (the level's or one the result claims). */
    public static List<Refusal> speedupAboveCpus(Figures f) {
        List<Refusal> out = new ArrayList<>();
        double cpus = f.machine().effectiveCpus();
        if (!f.work().cpuBound() || !(cpus > 0)) {
            return out;
        }
        List<Scaling> all = new ArrayList<>(f.scaling());
        all.addAll(f.claims().speedups());
        for (Scaling s : all) {
            if (s.speedup() > cpus * (1 + SPEEDUP_SLACK)) {
                out.add(new Refusal("speedup", s.subject(), Units.format("speedup %.2f is above the %.2f effective CPUs: "
                        + "%.2f CPUs cannot do more than %.2f workers' computing at once; one worker was measured slow "
                        + "(the JIT still compiling, or other work that stopped during the run)", s.speedup(), cpus, cpus,
                        cpus)));
            }
        }
        return out;
    }

    /** CPU time per task that falls when more workers run beside it, beyond the noise, for work that only computes. */
    public static List<Refusal> cpuFalling(Figures f) {
        List<Refusal> out = new ArrayList<>();
        if (!f.work().cpuBound()) {
            return out;
        }
        double shortest = CPU_JUDGED_READINGS * f.machine().cpuResolution();
        for (Cell base : f.cells()) {
            if (base.workers() != 1 || base.cpu().n() == 0 || !(base.cpu().mean() > 0) || base.wall().median() < shortest) {
                continue;
            }
            for (Cell c : f.cells()) {
                // within one experiment: assess's one-worker controls run alone between stretches, caches cold, and
                // their comparison with the level is the certification's
                if (c.workers() <= 1 || c.cpu().n() == 0 || !c.sameTaskAs(base) || !c.experiment().equals(base.experiment())) {
                    continue;
                }
                double se = Math.sqrt(se2(base.cpu()) + se2(c.cpu())) / base.cpu().mean();
                double allowed = Math.max(CPU_FALL, Double.isFinite(se) ? 2 * se : 0);
                if (c.cpu().mean() < base.cpu().mean() * (1 - allowed)) {
                    out.add(new Refusal("cpu-falling", c.subject(), Units.format("CPU time per task fell from %s with "
                            + "one worker to %s, %.0f%% less (beyond the noise of ±%.0f%%): the same computation cannot "
                            + "need less CPU beside other workers; the code got faster during the run (the JIT was "
                            + "not settled while one worker was measured)", Units.time(base.cpu().mean()),
                            Units.time(c.cpu().mean()), 100 * (1 - c.cpu().mean() / base.cpu().mean()), 100 * allowed)));
                }
            }
        }
        return out;
    }

    /** A threshold or knee above the effective CPUs, rounded down, for work that only computes. */
    public static List<Refusal> thresholdAboveCpus(Figures f) {
        List<Refusal> out = new ArrayList<>();
        double cpus = f.machine().effectiveCpus();
        if (!f.work().cpuBound() || !(cpus > 0)) {
            return out;
        }
        int max = Math.max(1, (int) Math.floor(cpus + 1e-9));
        if (f.claims().threshold() > max) {
            out.add(new Refusal("threshold", "threshold", Units.format("%d workers is above the %.2f effective CPUs "
                    + "(at most %d can each have one): the levels above it were judged against a baseline that was "
                    + "itself slowed, or within a tolerance that oversubscription fits in", f.claims().threshold(),
                    cpus, max)));
        }
        if (f.claims().knee() > max) {
            out.add(new Refusal("knee", "throughput knee", Units.format("%d workers is above the %.2f effective CPUs "
                    + "(at most %d): throughput cannot keep rising once every CPU is busy", f.claims().knee(), cpus,
                    max)));
        }
        return out;
    }

    /** Squared standard error of the mean (0 for a single value). */
    private static double se2(SampleStats s) {
        return s.n() >= 2 && Double.isFinite(s.sd()) ? s.sd() * s.sd() / s.n() : 0;
    }
}
