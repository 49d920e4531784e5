package dev.corescope.experiment.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.experiment.jmh.JobExecutor.Mark;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each measured iteration's side, from invented timelines (seconds on the run's clock), and JMH's console marks. */
class OccupancyTest {
    private static final long S = 1_000_000_000L;

    private static JmhJob job(String id) {
        return new JmhJob(id, FakeJobs.plan(0, id, 1, 1, 10), 0, JmhJob.Kind.MEASURED, 0, 1, 10);
    }

    /** Starts {@code job} at {@code start}: its fork 1 s later, one warm-up iteration, five measured, 1 s each. */
    private static void run(Occupancy o, JmhJob job, long start, boolean end) {
        o.started(job, 1, start * S);
        o.mark(job, Mark.FORK, (start + 1) * S);
        o.mark(job, Mark.WARMUP_ITERATION, (start + 2) * S);
        for (int k = 1; k <= 5; k++) {
            o.mark(job, Mark.ITERATION, (start + 2 + k) * S);
        }
        if (end) {
            o.ended(job, (start + 8) * S);
        }
    }

    @Test
    void aControlAloneAtFirstThenBesideANeighbourWhoseForkRuns() {
        Occupancy o = new Occupancy();
        JmhJob control = job("c");
        JmhJob neighbour = job("n");
        run(o, control, 0, false);
        // the control's measured iterations: [2,3] [3,4] [4,5] [5,6] [6,7]; the neighbour starts at 4, its fork at 5
        run(o, neighbour, 4, false);
        o.ended(control, 8 * S);
        List<IterationContext> it = o.contexts(control);
        assertThat(it).extracting(c -> c.side(2, 1)).containsExactly("alone", "alone", "partial", "level", "level");
        assertThat(it.get(0).startNanos()).isEqualTo(2 * S);
        assertThat(o.measuredIterations(control)).isEqualTo(5);
    }

    @Test
    void aForkLeftAloneAsTheOthersEnd() {
        Occupancy o = new Occupancy();
        JmhJob other = job("o");
        JmhJob drained = job("d");
        run(o, other, -3, true); // iterates until 4, ends at 5
        run(o, drained, 0, true);
        assertThat(o.contexts(drained)).extracting(c -> c.side(2, 1))
                .containsExactly("level", "level", "partial", "alone", "alone");
    }

    @Test
    void aFirstIterationWithoutWarmUpRunsFromTheForksStartAndAnUnknownForkHasNoContexts() {
        Occupancy o = new Occupancy();
        JmhJob j = job("j");
        o.started(j, 1, 0);
        o.mark(j, Mark.FORK, S);
        o.mark(j, Mark.ITERATION, 3 * S);
        assertThat(o.contexts(j)).singleElement().satisfies(c -> assertThat(c.startNanos()).isEqualTo(S));
        assertThat(o.contexts(job("never"))).isEmpty();
        // a warm-up fork's iterations are not the measured fork's
        JmhJob w = job("w");
        o.started(w, 1, 0);
        o.mark(w, Mark.WARMUP_FORK, S);
        o.mark(w, Mark.ITERATION, 2 * S);
        o.mark(w, Mark.FORK, 3 * S);
        o.mark(w, Mark.ITERATION, 4 * S);
        assertThat(o.contexts(w)).singleElement().satisfies(c -> assertThat(c.startNanos()).isEqualTo(3 * S));
    }

    @Test
    void jmhConsoleLinesAreMarks() {
        assertThat(JmhLines.mark("# Fork: 1 of 3")).isEqualTo(Mark.FORK);
        assertThat(JmhLines.mark("# Warmup Fork: 1 of 1")).isEqualTo(Mark.WARMUP_FORK);
        assertThat(JmhLines.mark("# Warmup Iteration   1: 10.5 ops/s")).isEqualTo(Mark.WARMUP_ITERATION);
        assertThat(JmhLines.mark("Iteration   3: 10.5 ops/s")).isEqualTo(Mark.ITERATION);
        assertThat(JmhLines.mark("# Warmup: 3 iterations, 1 s each")).isNull();
        assertThat(JmhLines.mark("Result \"x\":")).isNull();
        assertThat(ProcessJobExecutor.verbose(List.of("-i", "5", "-v", "silent"))).containsExactly("-i", "5", "-v",
                "NORMAL");
    }
}
