package dev.corescope.experiment;

import dev.corescope.analysis.Figures;
import dev.corescope.analysis.LevelAggregator;
import dev.corescope.analysis.Sanity;
import dev.corescope.analysis.Units;
import dev.corescope.exec.BatchResult;
import dev.corescope.exec.ClockResolution;
import dev.corescope.exec.TaskRecord;
import dev.corescope.machine.MachineProfile;
import dev.corescope.workload.CommandWorkload;
import dev.corescope.workload.EmptyWorkload;
import dev.corescope.workload.SpinWorkload;
import dev.corescope.workload.Workloads;
import dev.corescope.workload.algo.TransferWorkload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the {@link Sanity} layer meets every result: each command's result passes through {@link #check}
 * before it is written, printed, charted or cached ({@link Results#checked}), its partial summary on Ctrl-C
 * too. The figures come from the session's measured batches (warm-ups, cache quick checks and assess's pilot
 * are no results) and from what the result claims. A refused result keeps its measurements (summary.json,
 * records.jsonl) but says, in place of its findings, what was refused and why; the command exits 1 and
 * caches nothing.
 */
public final class SanityGate {
    /** One worker's CPU time at least this share of its wall time makes a workload CPU-bound by measurement. */
    static final double CPU_BOUND_SHARE = 0.9;

    private SanityGate() {
    }

    /** False for the tasks that are no result: warm-ups, the cache's quick check, assess's budget pilot. */
    public static boolean isResult(String experiment) {
        return experiment != null && !experiment.equals("warm-up") && !experiment.equals("warmup")
                && !experiment.equals("quick-check") && !experiment.equals(TransferExperiment.WARMUP)
                && !experiment.startsWith(AssessExperiment.PILOT + "/");
    }

    /**
     * {@code result} checked against the session's finished batches (with the running one when it is partial), on
     * this machine's effective CPUs; on a cluster's pool the CPUs are other machines', not judged here.
     */
    public static <R extends RunResult> R check(Session s, R result) {
        return check(result, result.complete() ? s.batches() : s.batchesSoFar(), effectiveCpus(s),
                ClockResolution.current());
    }

    /** The CPUs the session's pool can use at once: this machine's effective CPUs; unbounded on a cluster. */
    static double effectiveCpus(Session s) {
        MachineProfile p = s.profile();
        return s.pool().mode() == dev.corescope.exec.WorkerMode.CLUSTER ? Double.POSITIVE_INFINITY
                : p == null ? Runtime.getRuntime().availableProcessors() : p.effectiveCpus();
    }

    /** {@code result} with the refusals of its figures (unchanged when there are none). */
    public static <R extends RunResult> R check(R result, List<BatchResult> batches, double effectiveCpus,
                                                ClockResolution clock) {
        return refuse(result, Sanity.check(figures(result, batches, effectiveCpus, clock)));
    }

    /** {@code result} with {@code refusals} in its remarks. */
    @SuppressWarnings("unchecked")
    public static <R extends RunResult> R refuse(R result, List<Sanity.Refusal> refusals) {
        if (refusals.isEmpty()) {
            return result;
        }
        List<String> all = new ArrayList<>(result.remarks().refusals());
        refusals.stream().map(Sanity.Refusal::text).filter(t -> !all.contains(t)).forEach(all::add);
        return (R) result.withRemarks(result.remarks().withRefusals(all));
    }

    /** What the rules see of a result. */
    public static Figures figures(RunResult result, List<BatchResult> batches, double effectiveCpus,
                                  ClockResolution clock) {
        List<BatchResult> measured = batches.stream().filter(b -> isResult(b.plan().experiment())).toList();
        Map<TaskRecord, String> variant = new IdentityHashMap<>();
        Map<String, Set<String>> specs = new HashMap<>();
        measured.forEach(b -> specs.computeIfAbsent(b.plan().experiment(), k -> new HashSet<>())
                .add(b.plan().workload().text()));
        List<TaskRecord> records = new ArrayList<>();
        for (BatchResult b : measured) {
            boolean several = specs.get(b.plan().experiment()).size() > 1;
            for (TaskRecord r : b.records()) {
                variant.put(r, several ? b.plan().workload().text() : "");
                records.add(r);
            }
        }
        // transfer's results are whole cells (sequential against parallel time), of tasks short by design
        List<Figures.Cell> cells = result instanceof TransferResult ? List.of()
                : Figures.cells(records, r -> variant.getOrDefault(r, ""));
        Figures.MachineLimits machine = new Figures.MachineLimits(effectiveCpus, clock.wallSeconds(), clock.cpuSeconds());
        Set<String> names = new HashSet<>();
        measured.forEach(b -> names.add(b.plan().workload().name()));
        boolean processTimed = names.contains(CommandWorkload.class.getName());
        boolean cpuBound = !names.isEmpty() && names.stream().allMatch(SanityGate::computesOnly)
                || measuredCpuBound(cells);
        return new Figures(machine, new Figures.Work(cpuBound, processTimed), cells,
                Figures.scaling(LevelAggregator.summarize(measured)), claims(result));
    }

    /** The spin kernel, the built-in algorithms and transfer's spin-and-fill only compute. */
    static boolean computesOnly(String workload) {
        return workload.equals(SpinWorkload.NAME) || workload.equals(TransferWorkload.class.getName())
                || (Workloads.isBuiltIn(workload) && !workload.equals(EmptyWorkload.NAME));
    }

    /** One worker's CPU time is at least {@value #CPU_BOUND_SHARE} of its wall time in every one-worker cell. */
    private static boolean measuredCpuBound(List<Figures.Cell> cells) {
        List<Figures.Cell> one = cells.stream().filter(c -> c.workers() == 1 && c.cpu().n() > 0).toList();
        return !one.isEmpty() && one.stream().allMatch(c -> c.cpu().mean() >= CPU_BOUND_SHARE * c.wall().mean());
    }

    /** The threshold and knee of an investigation, assess's speedups per algorithm, transfer's per cell. */
    static Figures.Claims claims(RunResult r) {
        if (r instanceof InvestigateResult i && i.analysis() != null) {
            InvestigateReport a = i.analysis();
            return new Figures.Claims(a.threshold(), a.knee() == null ? -1 : a.knee().workers(), List.of());
        }
        List<Figures.Scaling> speedups = new ArrayList<>();
        if (r instanceof AssessResult a && a.analysis() != null) {
            for (Assessment.AlgorithmResult alg : a.analysis().algorithms()) {
                if (Double.isFinite(alg.speedup()) && alg.workers() > 0) {
                    speedups.add(new Figures.Scaling(alg.algorithm() + ", speedup over one worker at "
                            + alg.workers() + " workers", alg.workers(), alg.speedup(), alg.speedup() / alg.workers(),
                            Double.NaN));
                }
            }
        }
        if (r instanceof TransferResult t) {
            for (var c : t.cells()) {
                int w = c.shape().workers();
                if (Double.isFinite(c.speedup()) && w > 0) {
                    speedups.add(new Figures.Scaling(subject(c), w, c.speedup(), c.speedup() / w, Double.NaN));
                }
            }
        }
        return new Figures.Claims(-1, -1, speedups);
    }

    /**
     * Which figures of a level (experiment, workers) its result's refusals take away: its speedup and efficiency
     * (its own scaling refused, or its experiment's one-worker baseline, against which they were computed), its
     * CPU time per task (a CPU rule), its times (the timer rule).
     */
    public record Marks(boolean scaling, boolean cpu, boolean times) {
    }

    /** The {@link Marks} of level {@code workers} of {@code experiment} under {@code refusals} (each "subject: reason"). */
    public static Marks marks(List<String> refusals, String experiment, int workers) {
        String level = experiment + ", " + workers + (workers == 1 ? " worker" : " workers");
        String prefix = experiment + ", ";
        boolean scaling = false;
        boolean cpu = false;
        boolean times = false;
        for (String r : refusals) {
            boolean mine = r.startsWith(level + ":") || r.startsWith(prefix + "size ") && r.contains(", " + workers
                    + (workers == 1 ? " worker:" : " workers:"));
            boolean baseline = r.startsWith(prefix) && r.contains(" worker: one worker alone ");
            scaling |= mine && (r.contains(": efficiency ") || r.contains(": speedup ")) || baseline;
            cpu |= mine && r.contains(": CPU time per task ");
            times |= mine && r.contains(": its tasks take ");
        }
        return new Marks(scaling || times, cpu || times, times);
    }

    /** How a refusal names a transfer cell (its speedup is refused when a refusal starts with this and a colon). */
    public static String subject(dev.corescope.analysis.TransferCell c) {
        return Units.format("transfer %s, %s tasks returning %s, %d workers", c.mode().label(),
                Units.duration(c.durationSeconds()), Units.bytes(c.shape().sizeBytes()), c.shape().workers());
    }

    /**
     * What a refused result says in place of its findings: each refusal, then what it means. The console,
     * the HTML report and summary.json show the same lines.
     */
    public static List<String> findings(Remarks remarks) {
        List<String> out = new ArrayList<>();
        remarks.refusals().forEach(r -> out.add("Refused: " + r + "."));
        out.add("No result: corescope refuses figures that physics rules out or that cannot be judged, rather than "
                + "print them (docs/method.md, 'What corescope refuses'); nothing was cached. The measurements are kept "
                + "in records.jsonl. Measure again when the machine is quiet, with tasks long enough to time.");
        return out;
    }
}
