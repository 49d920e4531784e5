package dev.corescope.report;

import dev.corescope.analysis.LevelAggregator;
import dev.corescope.exec.BatchPlan;
import dev.corescope.exec.BatchResult;
import dev.corescope.exec.Strategy;
import dev.corescope.exec.TaskRecord;
import dev.corescope.exec.WorkerMode;
import dev.corescope.experiment.Measured;
import dev.corescope.experiment.RebuiltResult;
import dev.corescope.experiment.Remarks;
import dev.corescope.experiment.RunInfo;
import dev.corescope.store.RecordLog;
import dev.corescope.workload.WorkloadSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The summary of a run that left no {@code summary.json} (killed with SIGKILL, or the machine went
 * down), rebuilt from its {@code records.jsonl} alone: one batch per (experiment, level, trial), its
 * span from its records' times, the per-level statistics of every command, the failures. What only
 * the run knew — its settings, calibration, machine profile, the experiment's own analysis — is
 * missing, and the summary says so. Marked incomplete.
 */
public final class RunRebuild {
    private RunRebuild() {
    }

    /** Rebuilds the summary of {@code dir} from {@code read} (its records.jsonl, read leniently). */
    public static RebuiltResult summary(Path dir, RecordLog.Read read) {
        return summary(dir, read, "summary.json is missing (the run was killed before it finished?)");
    }

    /**
     * The same, saying why there was no summary to read ({@code reason}, e.g. "summary.json is empty"); the
     * lines of records.jsonl it skipped are said too.
     */
    public static RebuiltResult summary(Path dir, RecordLog.Read read, String reason) {
        List<TaskRecord> records = read.records();
        Map<String, List<TaskRecord>> byBatch = new LinkedHashMap<>();
        for (TaskRecord r : records) {
            byBatch.computeIfAbsent(r.experiment() + "\u0000" + r.level() + "\u0000" + r.trial(), k -> new ArrayList<>())
                    .add(r);
        }
        List<BatchResult> batches = new ArrayList<>();
        WorkloadSpec unknown = WorkloadSpec.of("unknown");
        for (List<TaskRecord> rs : byBatch.values()) {
            TaskRecord first = rs.get(0);
            long start = rs.stream().mapToLong(TaskRecord::startNanos).min().orElse(0);
            long end = rs.stream().mapToLong(TaskRecord::endNanos).max().orElse(start);
            List<TaskRecord> sorted = rs.stream().sorted(Comparator.comparingInt(TaskRecord::taskIndex)).toList();
            batches.add(new BatchResult(new BatchPlan(first.experiment(), Math.max(1, first.level()), first.trial(),
                    unknown, List.of(), Strategy.QUEUE), start, Math.max(start + 1, end), sorted));
        }
        List<TaskRecord> failed = records.stream().filter(r -> !r.ok()).toList();
        String runId = records.isEmpty() || records.get(0).runId() == null
                ? dir.toAbsolutePath().normalize().getFileName().toString() : records.get(0).runId();
        String[] claim = RunFiles.claim(dir);
        String command = claim != null ? claim[0] : guessCommand(runId, records);
        List<String> warnings = new ArrayList<>();
        warnings.add(reason + ": this summary is rebuilt from records.jsonl alone, " + records.size()
                + " task record(s); the run's settings, calibration, machine profile and analysis are not known.");
        String skipped = read.warning(Path.of("records.jsonl"));
        if (skipped != null) {
            warnings.add(skipped + ".");
        }
        return new RebuiltResult(new RunInfo(runId, command, List.of(), claim != null ? claim[1] : null, null, false),
                new Measured(mode(records), null, null, List.of(), LevelAggregator.summarize(batches)),
                new Remarks(failed.size(), failed.stream().limit(20).map(r -> r.workerId() + " task " + r.taskIndex()
                        + " (level " + r.level() + "): " + r.status() + " — " + r.error()).toList(), List.of(), List.of(),
                        warnings));
    }

    /** From the run id ({@code <timestamp>-<command>}) or the records' experiment names. */
    private static String guessCommand(String runId, List<TaskRecord> records) {
        for (String c : List.of("investigate", "sweep", "rounds", "assess", "transfer", "run")) {
            if (runId.matches("\\d{8}-\\d{6}-" + c + "(-\\d+)?")) {
                return c;
            }
        }
        if (!records.isEmpty()) {
            String e = records.get(0).experiment();
            int slash = e.indexOf('/');
            String head = slash > 0 ? e.substring(0, slash) : e;
            return switch (head) {
                case "queue" -> "rounds";
                case "verify", "pilot" -> "assess";
                default -> head.startsWith("transfer") ? "transfer" : head;
            };
        }
        return "run";
    }

    private static WorkerMode mode(List<TaskRecord> records) {
        boolean jvm = records.stream().anyMatch(r -> r.workerId() != null && r.workerId().startsWith("jvm-"));
        boolean thread = records.stream().anyMatch(r -> r.workerId() != null && r.workerId().startsWith("thread-"));
        return jvm == thread ? null : jvm ? WorkerMode.PROCESSES : WorkerMode.THREADS;
    }
}
