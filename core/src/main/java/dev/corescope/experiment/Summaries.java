package dev.corescope.experiment;

import dev.corescope.analysis.Figures;
import dev.corescope.analysis.LevelAggregator;
import dev.corescope.analysis.LevelSummary;
import dev.corescope.analysis.Warnings;
import dev.corescope.exec.BatchResult;
import dev.corescope.exec.TaskRecord;
import dev.corescope.machine.LoadSnapshot;
import dev.corescope.machine.MachineProfile;
import dev.corescope.store.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** The parts of a {@link RunResult} that come from the session itself: what ran, what it measured, what went wrong. */
final class Summaries {
    private Summaries() {
    }

    static RunInfo info(Session s, boolean complete) {
        return new RunInfo(s.dir().runId(), s.settings().command(), s.settings().commandLine(), s.started().toString(),
                Instant.now().toString(), complete);
    }

    /** The session's levels: every batch, or with {@code complete} false also what the running batch recorded. */
    static Measured measured(Session s, String workload, Calibration calibration, boolean complete) {
        List<LevelSummary> levels = LevelAggregator.summarize(complete ? s.batches() : s.batchesSoFar());
        return new Measured(s.pool().mode(), workload, calibration,
                s.pool().startCosts().stream().map(n -> n / 1e6).toList(), levels);
    }

    /** The version, run directory, profile and the load at the start (the profile's) and now. */
    static Metadata metadata(Session s) {
        LoadSnapshot end = LoadSnapshot.read(s.machine().procFs());
        MachineProfile profile = s.profile();
        LoadSnapshot start = profile == null ? null : profile.loadAtStart();
        return new Metadata(Version.current(), s.dir().path().toString(), profile, start, end);
    }

    /** Failures (the first 20 reasons), the pools' events, {@code notes} and {@code warnings}. */
    static Remarks remarks(Session s, List<String> notes, List<String> warnings) {
        List<TaskRecord> failed = s.failures();
        return new Remarks(failed.size(), failed.stream().limit(20).map(r -> r.workerId() + " task " + r.taskIndex()
                + " (level " + r.level() + "): " + r.status() + " — " + r.error()).toList(), s.events(), notes,
                warnings);
    }

    /** The warnings about {@code levels} and the load, and those of the timed-out threads of the session's pools. */
    static List<String> warnings(Session s, List<LevelSummary> levels, Metadata m) {
        MachineProfile profile = m.profile();
        return warnings(s, levels, m, profile == null ? s.machine().availableProcessors()
                : (int) Math.ceil(profile.effectiveCpus()));
    }

    /** The same, judging the load against {@code cpus}. */
    static List<String> warnings(Session s, List<LevelSummary> levels, Metadata m, int cpus) {
        List<BatchResult> batches = s.batchesSoFar().stream()
                .filter(b -> SanityGate.isResult(b.plan().experiment())).toList();
        List<String> all = new ArrayList<>(Warnings.of(levels, Figures.cells(batches.stream()
                .flatMap(b -> b.records().stream()).toList(), r -> ""), m.loadAtStart(), m.loadAtEnd(), cpus));
        all.addAll(Warnings.timedOutThreads(s.pool().mode(), s.failures(), s.pool().abandonedThreads()));
        return all;
    }

    /** A spin-kernel level run's result, with the notes drawn from its levels. */
    static LevelRunResult levelRun(Session s, SpinSetup.Prepared p, boolean complete,
                                   BiFunction<List<LevelSummary>, Double, List<String>> notes) {
        LevelRunResult r = levelRun(s, p.spec().text(), p.calibration(), complete, List.of());
        return r.withRemarks(r.remarks().withNotes(notes.apply(r.measured().levels(), SanityGate.effectiveCpus(s))));
    }

    /** A level run's result: what the session measured, with {@code notes}. */
    static LevelRunResult levelRun(Session s, String workload, Calibration calibration, boolean complete,
                                   List<String> notes) {
        Measured measured = measured(s, workload, calibration, complete);
        Metadata m = metadata(s);
        List<String> warnings = new ArrayList<>(warnings(s, measured.levels(), m));
        if (calibration != null && !calibration.stable()) {
            warnings.add(0, calibration.describe().replaceFirst("^calibrated spin: ", "The spin calibration did not settle: ")
                    + "; the first levels may have run slower code than the later ones.");
        }
        return new LevelRunResult(info(s, complete), measured, remarks(s, notes, warnings), m);
    }

    /** An investigate or assess result interrupted before its analysis: what the session measured. */
    static Measured partial(Session s, String workload, Calibration calibration) {
        return measured(s, workload, calibration, false);
    }
}
