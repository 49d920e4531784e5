package dev.corescope.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.analysis.LevelScaling;
import dev.corescope.analysis.LevelSummary;
import dev.corescope.analysis.SampleStats;
import dev.corescope.exec.WorkerMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plain sweep's findings: speedup and efficiency per level, the knee, where time-slicing starts. */
class ScalingNotesTest {
    /** P 20 ms tasks at once on 2 CPUs: beyond 2, each task waits (P − 2) / P of its time. */
    static List<LevelSummary> sweep(int max) {
        List<LevelSummary> out = new ArrayList<>();
        for (int p = 1; p <= max; p++) {
            double t = 0.02 * Math.max(1, p / 2.0);
            double throughput = p / t;
            out.add(new LevelSummary("sweep", p, 1, p, 0, t, SampleStats.of(new double[] {t, t}), 0.02, t - 0.02,
                    throughput, throughput / 50, throughput / 50 / p));
        }
        return out;
    }

    @Test
    void findingsNameTheSpeedupPerLevelTheKneeAndTimeSlicing() {
        List<String> notes = ScalingNotes.of(LevelScaling.of("sweep", sweep(4)));
        assertThat(notes).containsExactly(
                "Speedup over one worker (efficiency) by workers: 1: x1.00 (100%) · 2: x2.00 (100%) · 3: x2.00 (67%) · "
                        + "4: x2.00 (50%).",
                "The knee is at 2 workers (x2.00): more workers added less than 5% throughput (the best, 100.00 tasks/s, "
                        + "at 2).",
                "Time-slicing starts at 3 workers: each task waited 10.00 ms in the run queue (33% of its time), more "
                        + "workers than CPUs free to run them.",
                "Tasks took more than 10% longer than alone from 3 workers (mean 30.0 ms against 20.0 ms with one "
                        + "worker).");
    }

    @Test
    void aSweepThatStillScalesSaysTheKneeIsNotReached() {
        List<String> notes = ScalingNotes.of(LevelScaling.of("sweep", sweep(2)));
        assertThat(notes).contains("Throughput still grew at the largest level, 2 workers (x2.00): the knee is not "
                + "reached; try a larger --max.", "No time-slicing up to 2 workers: no level's tasks waited more than 3% "
                + "of their time in the run queue.");
    }

    @Test
    void aRefusedSweepSaysSoInPlaceOfItsFindings() {
        var r = new LevelRunResult(new RunInfo("r", "sweep", List.of(), "", "", true),
                new Measured(WorkerMode.THREADS, "spin", null, List.of(), sweep(3)),
                new Remarks(0, List.of(), List.of(), ScalingNotes.of(LevelScaling.of("sweep", sweep(3))), List.of(),
                        List.of("sweep, 3 workers: speedup 9.00 is above the 2.00 effective CPUs")), null);
        assertThat(r.findings()).first().asString().startsWith("Refused: sweep, 3 workers: speedup 9.00");
        assertThat(r.findings()).noneMatch(f -> f.startsWith("Speedup over one worker"));
    }
}
