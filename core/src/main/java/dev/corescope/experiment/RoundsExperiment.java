package dev.corescope.experiment;

import dev.corescope.analysis.LevelSummary;
import dev.corescope.analysis.Units;
import dev.corescope.exec.BatchPlan;
import dev.corescope.exec.Strategy;
import java.util.ArrayList;
import java.util.List;

/**
 * The lab's {@code core_investigation2}: a fixed number of repeats R, run on P = 1..max workers in
 * rounds of P (the last round holds the remainder), beside a queue strategy (P workers pulling from
 * one queue, no barrier between rounds). P = 1 is the sequential time.
 */
public final class RoundsExperiment {
    private RoundsExperiment() {
    }

    public record RoundsConfig(int repeats, int max, SpinSetup spin) {
    }

    /**
     * The progress units of {@code repeats} tasks on {@code level} workers with {@code cpus} CPUs: their expected wall
     * time in hundredths of a task's (ceil(R / P) rounds, each one task's time up to the CPUs, then P / CPUs of it).
     */
    public static long units(int repeats, int level, int cpus) {
        double rounds = Math.ceil(repeats / (double) level);
        return (long) Math.ceil(100.0 * rounds * Math.max(1.0, level / (double) Math.max(1, cpus)));
    }

    /** The progress units of the whole plan: both strategies at every level. */
    public static long plannedUnits(int repeats, int max, int cpus) {
        long sum = 0;
        for (int level = 1; level <= max; level++) {
            sum += Strategy.values().length * units(repeats, level, cpus);
        }
        return sum;
    }

    public static LevelRunResult run(Session session, RoundsConfig c, Progress progress) {
        int cpus = session.machine().availableProcessors();
        SpinSetup.Prepared p = c.spin().prepare(session, c.max());
        session.onInterrupt(() -> summary(session, p, false));
        for (int level = 1; level <= c.max(); level++) {
            for (Strategy strategy : Strategy.values()) {
                session.run(new BatchPlan(strategy.label(), level, 0, p.spec(),
                        Tasks.of(c.repeats(), 0, session.settings().seed()), strategy));
                progress.step("workers " + level + ", " + strategy.label(), units(c.repeats(), level, cpus));
            }
        }
        return summary(session, p, true);
    }

    static LevelRunResult summary(Session session, SpinSetup.Prepared p, boolean complete) {
        return Summaries.levelRun(session, p, complete, RoundsExperiment::notes);
    }

    private static List<String> notes(List<LevelSummary> levels, double cpus) {
        List<String> notes = new ArrayList<>();
        var rounds = levels.stream().filter(l -> l.experiment().equals(Strategy.ROUNDS.label())).toList();
        var queue = levels.stream().filter(l -> l.experiment().equals(Strategy.QUEUE.label())).toList();
        if (rounds.isEmpty()) {
            return notes;
        }
        double sequential = rounds.get(0).totalSeconds();
        notes.add(Units.format("Sequential (1 worker): %.3f s for %d tasks.", sequential, rounds.get(0).tasks()));
        var bestRounds = rounds.stream().min((a, b) -> Double.compare(a.totalSeconds(), b.totalSeconds())).get();
        double perTask = sequential / rounds.get(0).tasks();
        notes.add(fastest("in rounds", bestRounds, sequential, cpus, perTask));
        if (!queue.isEmpty()) {
            var bestQueue = queue.stream().min((a, b) -> Double.compare(a.totalSeconds(), b.totalSeconds())).get();
            notes.add(fastest("with a queue", bestQueue, sequential, cpus, perTask));
        }
        return notes;
    }

    /** "Fastest in rounds: 2 workers, 2.998 s (1.93x faster than sequential).", or the ratio flagged. */
    private static String fastest(String how, LevelSummary best, double sequential, double cpus, double perTask) {
        double faster = sequential / best.totalSeconds();
        String head = Units.format("Fastest %s: %d workers, %.3f s", how, best.workers(), best.totalSeconds());
        return head + SequentialRatio.flag(faster, cpus, perTask, Double.NaN).map(f -> ": " + f)
                .orElse(Units.format(" (%.2fx faster than sequential).", faster));
    }
}
