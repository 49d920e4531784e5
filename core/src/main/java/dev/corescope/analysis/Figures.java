package dev.corescope.analysis;

import dev.corescope.exec.TaskRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the {@link Sanity} rules look at: a result's figures, independent of the command that made them.
 * One {@link Cell} per (experiment, workers, size, variant) of measured tasks, never pooled across sizes or
 * variants (e.g. transfer's cells); one {@link Scaling} per (experiment, workers) with its speedup over one
 * worker; the result's {@link Claims} (threshold, knee, speedups the command computed itself); and what the
 * machine and the work allow ({@link MachineLimits}, {@link Work}).
 *
 * <p>To give a new rule something more to look at, add a component here (or to {@link Claims}) and fill
 * it where the figures are made ({@code experiment.SanityGate}).
 */
public record Figures(MachineLimits machine, Work work, List<Cell> cells, List<Scaling> scaling, Claims claims) {
    public Figures {
        cells = List.copyOf(cells);
        scaling = List.copyOf(scaling);
        claims = claims == null ? Claims.NONE : claims;
    }

    /**
     * @param effectiveCpus  CPUs the run may use (affinity and quota)
     * @param wallResolution seconds the wall clock resolves: the larger of {@code System.nanoTime}'s granularity
     *                       and the cost of one reading (as JMH measures it)
     * @param cpuResolution  seconds a task's CPU-time reading resolves: granularity, and the readings' own cost
     *                       that falls inside the CPU window but outside the wall window
     */
    public record MachineLimits(double effectiveCpus, double wallResolution, double cpuResolution) {
    }

    /**
     * @param cpuBound     the work only computes (the spin kernel, the built-in algorithms, or measured so: one
     *                     worker's CPU time at least 90% of its wall time): then P workers cannot do more than P
     *                     workers' or the CPUs' work at once, and a task cannot need less CPU beside others
     * @param processTimed CPU time is a whole process tree's (an external command), which may use several CPUs
     *                     at once; otherwise it is one thread's, which cannot exceed its wall time
     * @param compared     every cell is judged as it is (compare sets one run's cells against another's); otherwise a
     *                     one-worker cell is judged only as the baseline of more workers running the same task
     */
    public record Work(boolean cpuBound, boolean processTimed, boolean compared) {
        public Work(boolean cpuBound, boolean processTimed) {
            this(cpuBound, processTimed, false);
        }
    }

    /**
     * Whether a printed figure is judged against this one-worker cell: a speedup of its experiment's levels, a
     * threshold, or (compare) the cell itself. (Assess's one-worker controls are judged by its certification, whose
     * equivalence test carries their noise.)
     */
    boolean judgedAgainst(Cell base) {
        return work.compared() || claims.threshold() > 0
                || scaling.stream().anyMatch(s -> s.subject().startsWith(base.experiment() + ", "));
    }

    /**
     * The tasks of one experiment at one level, one size and one variant.
     *
     * @param family the experiment whose one-worker cell is this cell's baseline ({@code control/X} measures
     *               {@code assess/X}'s one worker)
     * @param cpu    per-task CPU seconds (n = 0 when unknown)
     * @param waitMean mean run-queue wait per task (NaN when unknown)
     */
    public record Cell(String family, String experiment, int workers, long size, String variant, SampleStats wall,
                       SampleStats cpu, double waitMean) {

        /** e.g. {@code sweep, 2 workers} or {@code assess/sort-jdk, size 1000, 1 worker}. */
        public String subject() {
            return experiment + (size > 0 ? ", size " + size : "") + (variant.isEmpty() ? "" : ", " + variant) + ", "
                    + workers + (workers == 1 ? " worker" : " workers");
        }

        boolean sameTaskAs(Cell o) {
            return family.equals(o.family) && size == o.size && variant.equals(o.variant);
        }
    }

    /**
     * One level's speed over one worker: {@code speedup} = throughput(P) / throughput(1), efficiency =
     * speedup / P, and {@code noise}: the relative standard error of the speedup from the per-task CVs of
     * both levels (NaN when unknown).
     */
    public record Scaling(String subject, int workers, double speedup, double efficiency, double noise) {
    }

    /**
     * What the result claims beyond its levels: a threshold and a knee (-1: none), and speedups it computed
     * itself (assess's per algorithm, transfer's per cell).
     */
    public record Claims(int threshold, int knee, List<Scaling> speedups) {
        public static final Claims NONE = new Claims(-1, -1, List.of());

        public Claims {
            speedups = List.copyOf(speedups);
        }
    }

    /**
     * The cells of {@code records} (successful tasks only), grouped by experiment, level, size and
     * {@code variantOf} (e.g. the task's workload, when a run measures several at one size).
     */
    public static List<Cell> cells(List<TaskRecord> records, Function<TaskRecord, String> variantOf) {
        Map<String, List<TaskRecord>> groups = new LinkedHashMap<>();
        for (TaskRecord r : records) {
            if (r.ok() && r.experiment() != null && r.wallNanos() >= 0) {
                String v = variantOf.apply(r);
                groups.computeIfAbsent(r.experiment() + "\u0000" + r.level() + "\u0000" + r.size() + "\u0000" + v,
                        k -> new ArrayList<>()).add(r);
            }
        }
        List<Cell> out = new ArrayList<>();
        for (List<TaskRecord> g : groups.values()) {
            TaskRecord first = g.get(0);
            double[] cpu = g.stream().mapToDouble(TaskRecord::cpuSeconds).filter(Double::isFinite).toArray();
            double[] wait = g.stream().mapToDouble(TaskRecord::waitSeconds).filter(Double::isFinite).toArray();
            out.add(new Cell(family(first.experiment()), first.experiment(), first.level(), first.size(),
                    variantOf.apply(first), SampleStats.of(g.stream().mapToDouble(TaskRecord::wallSeconds).toArray()),
                    cpu.length == g.size() ? SampleStats.of(cpu) : SampleStats.EMPTY,
                    wait.length == g.size() ? Samples.finiteMean(wait) : Double.NaN));
        }
        return out;
    }

    /** The experiment whose one worker is the baseline: {@code control/X} stands for {@code assess/X}. */
    public static String family(String experiment) {
        return experiment.startsWith("control/") ? "assess/" + experiment.substring("control/".length()) : experiment;
    }

    /** One {@link Scaling} per level of {@code levels} above one worker with a speedup. */
    public static List<Scaling> scaling(List<LevelSummary> levels) {
        Map<String, LevelSummary> one = new LinkedHashMap<>();
        for (LevelSummary l : levels) {
            if (l.workers() == 1) {
                one.putIfAbsent(l.experiment(), l);
            }
        }
        List<Scaling> out = new ArrayList<>();
        for (LevelSummary l : levels) {
            if (l.workers() > 1 && Double.isFinite(l.speedup())) {
                out.add(new Scaling(l.experiment() + ", " + l.workers() + " workers", l.workers(), l.speedup(),
                        l.efficiency(), noise(one.get(l.experiment()), l)));
            }
        }
        return out;
    }

    /** Relative standard error of a ratio of two levels' speeds, from their per-task CVs (one stands for the other). */
    static double noise(LevelSummary base, LevelSummary level) {
        if (base == null) {
            return Double.NaN;
        }
        double cvP = level.perTask().n() >= 2 ? level.perTask().cv() : Double.NaN;
        double cv1 = base.perTask().n() >= 2 ? base.perTask().cv() : cvP;
        cvP = Double.isFinite(cvP) ? cvP : cv1;
        if (!Double.isFinite(cv1) || !Double.isFinite(cvP)) {
            return Double.NaN;
        }
        return Math.sqrt(cv1 * cv1 / Math.max(1, base.perTask().n()) + cvP * cvP / Math.max(1, level.perTask().n()));
    }
}
