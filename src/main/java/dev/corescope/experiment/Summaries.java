package dev.corescope.experiment;

import dev.corescope.analysis.LevelAggregator;
import dev.corescope.exec.TaskRecord;
import java.time.Instant;
import java.util.List;

/** Builds a {@link RunSummary} from what a session has measured so far. */
final class Summaries {
    private Summaries() {
    }

    static RunSummary of(Session s, String workload, Calibration calibration, boolean complete, List<String> notes,
                         Object analysis) {
        List<TaskRecord> failed = s.failures();
        return new RunSummary(s.dir().runId(), s.settings().command(), s.settings().commandLine(), s.pool().mode(),
                workload, calibration, s.started().toString(), Instant.now().toString(), complete,
                s.pool().startCosts().stream().map(n -> n / 1e6).toList(),
                LevelAggregator.summarize(s.batches()), failed.size(),
                failed.stream().limit(20).map(r -> r.workerId() + " task " + r.taskIndex() + " (level " + r.level()
                        + "): " + r.status() + " — " + r.error()).toList(),
                s.pool().events(), notes, analysis);
    }
}
