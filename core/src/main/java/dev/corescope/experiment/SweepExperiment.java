package dev.corescope.experiment;

import dev.corescope.analysis.LevelScaling;
import dev.corescope.analysis.LevelSummary;
import dev.corescope.analysis.Units;
import dev.corescope.exec.BatchPlan;
import dev.corescope.exec.Strategy;
import java.util.ArrayList;
import java.util.List;

/**
 * The lab's sweep: for P = 1..max, P workers each run one task at the same time (one round), K
 * trials per level. Optionally the lab's sequential baseline: {@code max} tasks one after another
 * on one worker.
 */
public final class SweepExperiment {
    public static final String NAME = "sweep";
    public static final String SEQUENTIAL = "sequential";

    private SweepExperiment() {
    }

    public record SweepConfig(int max, int trials, boolean sequential, SpinSetup spin) {
    }

    /**
     * The progress units of one trial at {@code level} on {@code cpus} CPUs: its expected wall time in hundredths of
     * a task's (P tasks at once take one task's time up to the CPUs, then P / CPUs of it).
     */
    public static long units(int level, int cpus) {
        return (long) Math.ceil(100.0 * Math.max(1.0, level / (double) Math.max(1, cpus)));
    }

    /** The progress units of the whole plan ({@link #units} per trial, 100 per sequential task). */
    public static long plannedUnits(int max, int trials, boolean sequential, int cpus) {
        long sum = 0;
        for (int level = 1; level <= max; level++) {
            sum += trials * units(level, cpus);
        }
        return sum + (sequential ? 100L * max : 0);
    }

    public static LevelRunResult run(Session session, SweepConfig c, Progress progress) {
        int cpus = session.machine().availableProcessors();
        SpinSetup.Prepared p = c.spin().prepare(session, c.max());
        session.onInterrupt(() -> summary(session, p, false));
        for (int level = 1; level <= c.max(); level++) {
            for (int t = 0; t < c.trials(); t++) {
                session.run(new BatchPlan(NAME, level, t, p.spec(), Tasks.of(level, 0, session.settings().seed()),
                        Strategy.ROUNDS));
                progress.step("workers " + level + ", trial " + (t + 1), units(level, cpus));
            }
        }
        if (c.sequential()) {
            session.run(new BatchPlan(SEQUENTIAL, 1, 0, p.spec(), Tasks.of(c.max(), 0, session.settings().seed()),
                    Strategy.QUEUE));
            progress.step("sequential baseline", 100L * c.max());
        }
        return summary(session, p, true);
    }

    static LevelRunResult summary(Session session, SpinSetup.Prepared p, boolean complete) {
        return Summaries.levelRun(session, p, complete, SweepExperiment::notes);
    }

    private static List<String> notes(List<LevelSummary> levels, double cpus) {
        List<String> notes = new ArrayList<>(ScalingNotes.of(LevelScaling.of(NAME, levels)));
        var seq = levels.stream().filter(l -> l.experiment().equals(SEQUENTIAL)).findFirst();
        var sweep = levels.stream().filter(l -> l.experiment().equals(NAME)).toList();
        if (seq.isPresent() && !sweep.isEmpty()) {
            var last = sweep.get(sweep.size() - 1);
            double perTask = seq.get().totalSeconds() / seq.get().tasks();
            notes.add(Units.format("Sequential baseline: %d tasks one after another took %.3f s (%.3f s per task).",
                    seq.get().tasks(), seq.get().totalSeconds(), perTask));
            double alone = sweep.get(0).workers() == 1 ? sweep.get(0).perTask().mean() : Double.NaN;
            double faster = seq.get().totalSeconds() / last.totalSeconds();
            String took = Units.format("The same %d tasks on %d concurrent workers took %.3f s: ", last.workers(),
                    last.workers(), last.totalSeconds());
            notes.add(took + SequentialRatio.flag(faster, cpus, perTask, alone)
                    .orElse(Units.format("%.2fx faster than sequential.", faster)));
            var best = sweep.stream().max((a, b) -> Double.compare(a.throughput(), b.throughput())).get();
            double rate = best.throughput() * perTask;
            String highest = Units.format("Highest throughput at %d workers: %.2f tasks/s", best.workers(), best.throughput());
            notes.add(highest + SequentialRatio.flag(rate, cpus, perTask, alone).map(f -> "; " + f)
                    .orElse(Units.format(", %.2fx the sequential rate.", rate)));
        }
        return notes;
    }
}
