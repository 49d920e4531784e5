package dev.corescope.report;

import dev.corescope.exec.TaskRecord;
import dev.corescope.exec.WorkerMode;
import dev.corescope.experiment.AssessExperiment;
import dev.corescope.experiment.AssessResult;
import dev.corescope.experiment.Assessment;
import dev.corescope.experiment.InvestigateResult;
import dev.corescope.experiment.LevelRunResult;
import dev.corescope.experiment.Measured;
import dev.corescope.experiment.RebuiltResult;
import dev.corescope.experiment.RunResult;
import dev.corescope.experiment.SanityGate;
import dev.corescope.experiment.TransferExperiment;
import dev.corescope.experiment.TransferResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One side of a {@code compare}: the measured tasks of a run directory, grouped by what defines a task — the
 * experiment, the level (workers), the input size, and transfer's cell — each group with the workload (name and
 * parameters, from the summary) and the worker mode it ran with. Only measured tasks count: successful ones, no
 * warm-ups, no one-worker controls (nor the one-worker {@code verify/} phase of earlier versions), no assess pilot,
 * and of assess only the level it settled on (never an abandoned one).
 *
 * @param label    what the user named the run (its directory)
 * @param files    the run directory read back
 * @param measured the groups, keyed by {@link #key}
 */
record ComparedRun(String label, RunFiles files, Map<String, Group> measured) {

    /** One measured group: its defining settings and its successful records. */
    record Group(String experiment, int workers, long size, int cell, String workload, String mode,
                 List<TaskRecord> records) {
        double[] walls() {
            return records.stream().mapToDouble(TaskRecord::wallSeconds).toArray();
        }
    }

    static ComparedRun of(String label, RunFiles files) {
        RunResult r = files.result();
        List<TaskRecord> all = files.records() == null ? List.of() : files.records().records();
        Map<String, Integer> finalLevel = finalLevels(r, all);
        String mode = mode(r, all);
        Map<String, List<TaskRecord>> groups = new TreeMap<>();
        for (TaskRecord t : all) {
            String e = t.experiment();
            if (!t.ok() || !SanityGate.isResult(e) || e.startsWith("control/") || e.startsWith("verify/")
                    || (finalLevel.containsKey(e) && finalLevel.get(e) != t.level())) {
                continue;
            }
            groups.computeIfAbsent(key(e, t.level(), t.size(), cell(r, t)), k -> new ArrayList<>()).add(t);
        }
        Map<String, Group> out = new LinkedHashMap<>();
        groups.forEach((k, rs) -> {
            TaskRecord first = rs.get(0);
            out.put(k, new Group(first.experiment(), first.level(), first.size(), cell(r, first),
                    workload(r, first.experiment()), mode, List.copyOf(rs)));
        });
        return new ComparedRun(label, files, out);
    }

    /** What defines a task, besides its workload and mode (compared, not matched on). */
    static String key(String experiment, int workers, long size, int cell) {
        return String.format(java.util.Locale.ROOT, "%s|%06d|%020d|%06d", experiment, workers, size, cell);
    }

    /** Transfer's cell (its batch's trial); -1 elsewhere. */
    private static int cell(RunResult r, TaskRecord t) {
        return r instanceof TransferResult || t.experiment().startsWith(TransferExperiment.NAME) ? t.trial() : -1;
    }

    /**
     * Per assess experiment, the level its statistics come from: the certification's, else (no analysis: an
     * interrupted or rebuilt run) the level of its last task, since a level is abandoned only for a lower one.
     */
    private static Map<String, Integer> finalLevels(RunResult r, List<TaskRecord> all) {
        Map<String, Integer> out = new HashMap<>();
        for (TaskRecord t : all) {
            if (t.experiment() != null && t.experiment().startsWith(AssessExperiment.ASSESS + "/")) {
                out.put(t.experiment(), t.level());
            }
        }
        if (r instanceof AssessResult a && a.analysis() != null) {
            for (Assessment.AlgorithmResult alg : a.analysis().algorithms()) {
                if (alg.workers() > 0) { // summaries before the certification named no level
                    out.put(AssessExperiment.ASSESS + "/" + alg.algorithm(), alg.workers());
                }
            }
        }
        return out;
    }

    /** The workload of an experiment, as its summary names it (name and parameters); null when unknown. */
    static String workload(RunResult r, String experiment) {
        if (r instanceof AssessResult a && a.analysis() != null) {
            for (Assessment.AlgorithmResult alg : a.analysis().algorithms()) {
                if ((AssessExperiment.ASSESS + "/" + alg.algorithm()).equals(experiment)) {
                    return alg.workload();
                }
            }
        }
        if (r instanceof TransferResult) {
            return "transfer";
        }
        Measured m = measured(r);
        return m == null ? null : m.workload();
    }

    private static Measured measured(RunResult r) {
        if (r instanceof LevelRunResult l) {
            return l.measured();
        }
        if (r instanceof InvestigateResult i) {
            return i.measured();
        }
        if (r instanceof AssessResult a) {
            return a.measured();
        }
        if (r instanceof RebuiltResult b) {
            return b.measured();
        }
        return null;
    }

    /** The worker mode: the summary's, else the records' worker ids ({@code thread-N}, {@code jvm-N}); null unknown. */
    private static String mode(RunResult r, List<TaskRecord> all) {
        Measured m = measured(r);
        if (m != null && m.mode() != null) {
            return m.mode().label();
        }
        boolean jvm = all.stream().anyMatch(t -> t.workerId() != null && t.workerId().startsWith("jvm-"));
        boolean thread = all.stream().anyMatch(t -> t.workerId() != null && t.workerId().startsWith("thread-"));
        return jvm == thread ? null : jvm ? WorkerMode.PROCESSES.label() : WorkerMode.THREADS.label();
    }

    /** The effective CPUs the run had (its profile's), or NaN. */
    double effectiveCpus() {
        var md = files.result().metadata();
        return md == null || md.profile() == null ? Double.NaN : md.profile().effectiveCpus();
    }
}
