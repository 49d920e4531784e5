package dev.corescope.experiment;

import dev.corescope.analysis.LevelSummary;
import java.util.List;

/**
 * The {@code summary.json} document of a run: how it was invoked, what was calibrated, worker start
 * costs, one summary per (experiment, level), failures and events, and statements derived from the
 * numbers. {@code complete} is false when the run was interrupted; the summary then covers what
 * finished. {@code analysis} holds the experiment-specific result (e.g. the threshold verdict);
 * {@code metadata} the version, machine profile and load before/after; {@code warnings} what a careful
 * reader should know before trusting the numbers.
 */
public record RunSummary(String runId, String command, List<String> commandLine, String mode, String workload,
                         Calibration calibration, String startedAt, String endedAt, boolean complete,
                         List<Double> workerStartMillis, List<LevelSummary> levels, int failures,
                         List<String> failureReasons, List<String> events, List<String> notes, Object analysis,
                         Metadata metadata, List<String> warnings) {

    /** Without metadata and warnings (filled in by {@code Summaries}). */
    public RunSummary(String runId, String command, List<String> commandLine, String mode, String workload,
                      Calibration calibration, String startedAt, String endedAt, boolean complete,
                      List<Double> workerStartMillis, List<LevelSummary> levels, int failures,
                      List<String> failureReasons, List<String> events, List<String> notes, Object analysis) {
        this(runId, command, commandLine, mode, workload, calibration, startedAt, endedAt, complete, workerStartMillis,
                levels, failures, failureReasons, events, notes, analysis, null, List.of());
    }

    public RunSummary withWarnings(List<String> newWarnings) {
        return new RunSummary(runId, command, commandLine, mode, workload, calibration, startedAt, endedAt, complete,
                workerStartMillis, levels, failures, failureReasons, events, notes, analysis, metadata, newWarnings);
    }

    public RunSummary withNotes(List<String> newNotes) {
        return new RunSummary(runId, command, commandLine, mode, workload, calibration, startedAt, endedAt, complete,
                workerStartMillis, levels, failures, failureReasons, events, newNotes, analysis, metadata, warnings);
    }
}
