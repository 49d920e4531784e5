package dev.corescope.experiment;

import dev.corescope.analysis.LevelSummary;
import java.util.List;

/**
 * The {@code summary.json} document of a run: how it was invoked, what was calibrated, worker start
 * costs, one summary per (experiment, level), failures and events, and statements derived from the
 * numbers. {@code complete} is false when the run was interrupted; the summary then covers what
 * finished. {@code analysis} holds the experiment-specific result (e.g. the threshold verdict).
 */
public record RunSummary(String runId, String command, List<String> commandLine, String mode, String workload,
                         Calibration calibration, String startedAt, String endedAt, boolean complete,
                         List<Double> workerStartMillis, List<LevelSummary> levels, int failures,
                         List<String> failureReasons, List<String> events, List<String> notes, Object analysis) {
}
