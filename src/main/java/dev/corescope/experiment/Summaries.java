package dev.corescope.experiment;

import dev.corescope.analysis.LevelAggregator;
import dev.corescope.analysis.LevelSummary;
import dev.corescope.analysis.Warnings;
import dev.corescope.exec.TaskRecord;
import dev.corescope.machine.LoadSnapshot;
import dev.corescope.machine.MachineProfile;
import dev.corescope.machine.ProcFs;
import dev.corescope.store.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds a {@link RunSummary} from what a session has measured so far. */
final class Summaries {
    private Summaries() {
    }

    static RunSummary of(Session s, String workload, Calibration calibration, boolean complete, List<String> notes,
                         Object analysis) {
        List<TaskRecord> failed = s.failures();
        // a partial summary also counts the batch that was running when the run was interrupted
        List<LevelSummary> levels = LevelAggregator.summarize(complete ? s.batches() : s.batchesSoFar());
        LoadSnapshot end = LoadSnapshot.read(ProcFs.real());
        MachineProfile profile = s.profile();
        LoadSnapshot start = profile == null ? null : profile.loadAtStart();
        int cpus = profile == null ? Runtime.getRuntime().availableProcessors() : (int) Math.ceil(profile.effectiveCpus());
        return new RunSummary(s.dir().runId(), s.settings().command(), s.settings().commandLine(), s.pool().mode(),
                workload, calibration, s.started().toString(), Instant.now().toString(), complete,
                s.pool().startCosts().stream().map(n -> n / 1e6).toList(),
                levels, failed.size(),
                failed.stream().limit(20).map(r -> r.workerId() + " task " + r.taskIndex() + " (level " + r.level()
                        + "): " + r.status() + " — " + r.error()).toList(),
                s.pool().events(), notes, analysis, new Metadata(Version.current(), s.dir().path().toString(), profile, start, end),
                warnings(s, Warnings.of(levels, start, end, cpus)));
    }

    /** {@code levelWarnings} and the timed-out-thread warnings of the session's pool. */
    static List<String> warnings(Session s, List<String> levelWarnings) {
        List<String> all = new ArrayList<>(levelWarnings);
        all.addAll(Warnings.timedOutThreads(s.pool().mode(), s.failures(), s.pool().abandonedThreads()));
        return all;
    }
}
