package dev.corescope.experiment;

import dev.corescope.analysis.Equivalence;
import dev.corescope.analysis.Units;
import dev.corescope.exec.TaskRecord;
import dev.corescope.exec.WorkerMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of an assessment beyond each algorithm's statistics: the speedup over one worker (all algorithms),
 * the end-to-end wall time against one worker, the heap the workers run in and why, and the check in words.
 */
final class AssessFigures {
    private AssessFigures() {
    }

    /**
     * The speedup over every algorithm measured at a level: (Σ parallel work / Σ parallel wall) ÷ (Σ control work /
     * Σ control wall), work in seconds of one worker's time; NaN when none was (a flagged figure counts as none).
     */
    static double speedup(List<Assessment.AlgorithmResult> results) {
        double[] t = new double[4];
        for (Assessment.AlgorithmResult r : results) {
            Assessment.Speed s = r.certification() == null ? null : r.certification().speed();
            if (s != null && Double.isFinite(s.speedup()) && s.flag() == null) {
                t[0] += s.parallelWorkSeconds();
                t[1] += s.parallelWallSeconds();
                t[2] += s.controlWorkSeconds();
                t[3] += s.controlWallSeconds();
            }
        }
        return t[1] > 0 && t[2] > 0 ? (t[0] / t[1]) / (t[2] / t[3]) : Double.NaN;
    }

    /** One line on the speedup, per algorithm. */
    static String speedupNote(List<Assessment.AlgorithmResult> results) {
        List<String> parts = new ArrayList<>();
        for (Assessment.AlgorithmResult r : results) {
            Assessment.Speed s = r.certification() == null ? null : r.certification().speed();
            if (s != null) {
                parts.add(r.algorithm() + " " + s.text() + " at " + s.workers() + " workers");
            }
        }
        return parts.isEmpty() ? "speedup over one worker not measured (no level of 2 or more workers with controls)"
                : "speedup over one worker, (parallel work / parallel wall) ÷ (control work / control wall), 95% interval "
                + "over blocks: " + String.join("; ", parts);
    }

    /**
     * The run's wall time against one worker's for the same measured tasks: on one worker they take their
     * sizes' typical times at the controls' rate (or their own times, measured on one worker).
     */
    static Assessment.EndToEnd endToEnd(double wallSeconds, Map<String, List<TaskRecord>> measured,
                                        Map<String, List<TaskRecord>> controls, Map<String, Integer> levels) {
        double one = 0;
        for (var e : measured.entrySet()) {
            List<TaskRecord> m = e.getValue().stream().filter(TaskRecord::ok).toList();
            List<TaskRecord> c = controls.getOrDefault(e.getKey(), List.of()).stream().filter(TaskRecord::ok).toList();
            if (levels.getOrDefault(e.getKey(), 1) == 1 || c.isEmpty()) {
                if (levels.getOrDefault(e.getKey(), 1) != 1) {
                    return new Assessment.EndToEnd(wallSeconds, Double.NaN, Double.NaN,
                            "one worker's time not estimated: no controls");
                }
                one += m.stream().mapToDouble(TaskRecord::wallSeconds).sum();
                continue;
            }
            Map<Long, Double> typical = typical(m, c);
            double controlWork = c.stream().mapToDouble(r -> typical.get(r.size())).sum();
            double controlWall = c.stream().mapToDouble(TaskRecord::wallSeconds).sum();
            one += m.stream().mapToDouble(r -> typical.get(r.size())).sum() * controlWall / controlWork;
        }
        double ratio = one > 0 ? wallSeconds / one : Double.NaN;
        return new Assessment.EndToEnd(wallSeconds, one, ratio, String.format(Locale.ROOT, "this run took %s (warm-up, "
                + "controls, fillers, extensions and abandoned levels included); the same measured tasks on one worker "
                + "alone take about %s (their sizes' times at the controls' rate): %.2f× that", seconds(wallSeconds),
                seconds(one), ratio));
    }

    private static String seconds(double s) {
        return s < 1 ? Units.ms(s) + " ms" : Units.human(s);
    }

    private static Map<Long, Double> typical(List<TaskRecord> a, List<TaskRecord> b) {
        Map<Long, List<Double>> by = new HashMap<>();
        for (TaskRecord r : a) {
            by.computeIfAbsent(r.size(), k -> new ArrayList<>()).add(r.wallSeconds());
        }
        for (TaskRecord r : b) {
            by.computeIfAbsent(r.size(), k -> new ArrayList<>()).add(r.wallSeconds());
        }
        Map<Long, Double> out = new HashMap<>();
        by.forEach((size, v) -> {
            double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            out.put(size, s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]));
        });
        return out;
    }

    /** Whether the workers share a heap, and why that matters for the certification. */
    static String heap(WorkerMode mode) {
        return mode == WorkerMode.PROCESSES
                ? "one heap per worker (worker JVMs): a garbage collection pauses only its own worker's task, as it "
                + "would on one worker alone, so the controls and the parallel tasks see the same pauses"
                : "one heap shared by the worker threads (--mode threads, the default): a young collection stops every "
                + "task in flight, so at P workers a pause delays P tasks where one worker alone delays one; the "
                + "certification's tail test sees that as tail events. --mode processes gives each worker its own heap";
    }

    /** The check in words. */
    static String checkMethod(Equivalence.Margins m, ControlPlan.Shares shares, int tasks) {
        int looks = CertificationLooks.certificationLooks(tasks);
        return String.format(Locale.ROOT, "in blocks: a parallel stretch (every worker kept busy to its end by unrecorded "
                + "fillers), then %d%% of its tasks (at least %d in the run, in %d blocks) again on worker 0 alone; an "
                + "equivalence test of the level against one worker: location (20%%-trimmed mean), spread (interquartile "
                + "range) and tail-event rate (beyond one worker's Q3 + 3 IQR), each interval inside its margin, the larger "
                + "of the limit (×%.2f, ×%.2f, %+.1f%%) and the A/A band of one worker's blocks against each other; "
                + "intervals resample whole blocks; %s", Math.round(100 * shares.share()), shares.minControls(),
                shares.blocks(tasks), 1 + m.tolerance(), m.spreadLimit(), 100 * m.tailExcess(), CertificationLooks.describe(looks));
    }
}
