package dev.corescope.experiment;

import dev.corescope.analysis.LevelScaling;
import dev.corescope.analysis.LevelSummary;
import dev.corescope.analysis.Units;
import java.util.ArrayList;
import java.util.List;

/**
 * The findings of a level run's scaling ({@link LevelScaling}): speedup and efficiency per level, the knee, where
 * time-slicing starts and where tasks became slower. A refused result says its refusals instead
 * ({@link LevelRunResult#findings}).
 */
final class ScalingNotes {
    private ScalingNotes() {
    }

    static List<String> of(LevelScaling s) {
        List<String> notes = new ArrayList<>();
        List<LevelSummary> levels = s.levels();
        if (levels.isEmpty() || s.level(1) == null) {
            return notes;
        }
        List<String> per = new ArrayList<>();
        for (LevelSummary l : levels) {
            per.add(Units.format("%d: x%.2f (%.0f%%)", l.workers(), l.speedup(), 100 * l.efficiency()));
        }
        notes.add("Speedup over one worker (efficiency) by workers: " + String.join(" · ", per) + ".");
        LevelSummary last = levels.get(levels.size() - 1);
        if (s.knee() != null && levels.size() > 1) {
            LevelSummary best = levels.stream().filter(l -> Double.isFinite(l.throughput()))
                    .max((a, b) -> Double.compare(a.throughput(), b.throughput())).orElse(last);
            notes.add(s.knee().workers() >= last.workers()
                    ? Units.format("Throughput still grew at the largest level, %d workers (x%.2f): the knee is not "
                            + "reached; try a larger --max.", last.workers(), last.speedup())
                    : Units.format("The knee is at %d worker%s (x%.2f): more workers added less than 5%% throughput "
                            + "(the best, %.2f tasks/s, at %d).", s.knee().workers(), s.knee().workers() == 1 ? "" : "s",
                            s.level(s.knee().workers()).speedup(), best.throughput(), best.workers()));
        }
        notes.add(sliced(s));
        if (s.slowerFrom() > 0) {
            LevelSummary l = s.level(s.slowerFrom());
            notes.add(Units.format("Tasks took more than %.0f%% longer than alone from %d workers (mean %s against %s "
                    + "with one worker).", 100 * LevelScaling.SLOWER, l.workers(), Units.time(l.perTask().mean()),
                    Units.time(s.level(1).perTask().mean())));
        }
        return notes;
    }

    private static String sliced(LevelScaling s) {
        if (s.slicedFrom() > 0) {
            LevelSummary l = s.level(s.slicedFrom());
            return Units.format("Time-slicing starts at %d workers: each task waited %s in the run queue (%.0f%% of its "
                    + "time), more workers than CPUs free to run them.", l.workers(),
                    Units.time(l.waitPerTask()), 100 * LevelScaling.waitShare(l));
        }
        boolean measured = s.levels().stream().anyMatch(l -> Double.isFinite(l.waitPerTask()));
        return measured
                ? Units.format("No time-slicing up to %d workers: no level's tasks waited more than %.0f%% of their "
                        + "time in the run queue.", s.levels().get(s.levels().size() - 1).workers(),
                        100 * LevelScaling.SLICED_SHARE)
                : "Run-queue wait was not measured here, so where time-slicing starts is not known.";
    }
}
