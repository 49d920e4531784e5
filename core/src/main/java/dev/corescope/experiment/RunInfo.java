package dev.corescope.experiment;

import java.util.List;

/**
 * How a run was invoked and when: the first fields of every {@code summary.json}. {@code complete} is
 * false when the run was interrupted; its summary then covers what finished.
 */
public record RunInfo(String runId, String command, List<String> commandLine, String startedAt, String endedAt,
                      boolean complete) {
    public RunInfo {
        commandLine = Lists.copy(commandLine);
    }
}
