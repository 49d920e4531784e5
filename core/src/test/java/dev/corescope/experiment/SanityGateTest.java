package dev.corescope.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.analysis.Figures;
import dev.corescope.analysis.LevelAggregator;
import dev.corescope.analysis.Sanity;
import dev.corescope.exec.BatchPlan;
import dev.corescope.exec.BatchResult;
import dev.corescope.exec.ClockResolution;
import dev.corescope.exec.Strategy;
import dev.corescope.exec.TaskRecord;
import dev.corescope.exec.TaskStatus;
import dev.corescope.exec.WorkerMode;
import dev.corescope.workload.CommandWorkload;
import dev.corescope.workload.SpinWorkload;
import dev.corescope.workload.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sanity layer on invented records: what physics rules out, or what cannot be judged, is refused with its
 * reason, and a clean run passes untouched. The records go through the same gate every command's result takes.
 */
class SanityGateTest {
    private static final ClockResolution CLOCK = new ClockResolution(30e-9, 2e-6);
    private static final WorkloadSpec SPIN = SpinWorkload.spec(1_000_000);
    private long clock = 1_000_000_000L;

    /** A batch of tasks run at once: per-task wall and CPU seconds, -1 wait when not given. */
    private BatchResult batch(String experiment, int level, WorkloadSpec spec, double[] wall, double[] cpu, double[] wait) {
        List<TaskRecord> rs = new ArrayList<>();
        long start = clock;
        long end = start;
        for (int i = 0; i < wall.length; i++) {
            long w = (long) (wall[i] * 1e9);
            long s = level == 1 ? end : start;
            rs.add(new TaskRecord(new TaskRecord.Task("run", experiment, level, 0, 0, i, 0),
                    new TaskRecord.Ran("thread-" + i, 1, 1, null),
                    new TaskRecord.Timing(s, s + w, w, (long) (cpu[i] * 1e9), wait == null ? -1 : (long) (wait[i] * 1e9), 0),
                    new TaskRecord.TaskOutcome(0, 0, TaskStatus.OK, null)));
            end = Math.max(end, s + w);
        }
        clock = end + 1000;
        return new BatchResult(new BatchPlan(experiment, level, 0, spec, List.of(), Strategy.ROUNDS), start, end, rs);
    }

    private static double[] times(int n, double mean, double cv, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = mean * Math.exp(cv * r.nextGaussian() - cv * cv / 2);
        }
        return v;
    }

    private static LevelRunResult result(List<BatchResult> batches) {
        Measured m = new Measured(WorkerMode.THREADS, "spin", null, List.of(), LevelAggregator.summarize(batches));
        return new LevelRunResult(new RunInfo("run", "sweep", List.of(), null, null, true), m,
                new Remarks(0, List.of(), List.of(), List.of("Highest throughput at 2 workers: 4.27x."), List.of()), null);
    }

    private static List<String> refusals(List<BatchResult> batches, double cpus) {
        return SanityGate.check(result(batches), batches, cpus, CLOCK).remarks().refusals();
    }

    @Test
    void anEfficiencyOf213PercentIsRefusedWithItsReason() {
        // the sweep: 16 ms alone, 7.5 ms each with two at once on 2 CPUs: speedup 4.27
        List<BatchResult> b = List.of(
                batch("sweep", 1, SPIN, new double[] {0.016}, new double[] {0.0158}, null),
                batch("sweep", 2, SPIN, new double[] {0.0075, 0.0075}, new double[] {0.0074, 0.0074}, null));
        List<String> r = refusals(b, 2);
        assertThat(r).anySatisfy(t -> assertThat(t).startsWith("sweep, 2 workers: efficiency 213%")
                .contains("cannot do more than 2 times one worker's work").contains("JIT"));
        assertThat(r).anySatisfy(t -> assertThat(t).contains("speedup 4.27 is above the 2.00 effective CPUs"));
        assertThat(r).anySatisfy(t -> assertThat(t).contains("CPU time per task fell from 15.8 ms with one worker"));
        LevelRunResult checked = SanityGate.check(result(b), b, 2, CLOCK);
        assertThat(checked.findings()).noneMatch(f -> f.contains("4.27x")).last().asString().startsWith("No result");
    }

    @Test
    void cpuTimeAboveWallTimeIsRefusedWithItsReason() {
        List<BatchResult> b = List.of(batch("sweep", 1, SPIN, times(10, 0.020, 0.02, 1), times(10, 0.030, 0.02, 2), null));
        assertThat(refusals(b, 2)).singleElement().asString().startsWith("sweep, 1 worker: CPU time per task ")
                .contains("is above its wall time").contains("a thread cannot compute longer than it runs");
    }

    @Test
    void aCommandMayUseSeveralCpusButNotMoreThanTheMachineHas() {
        WorkloadSpec cmd = CommandWorkload.spec("OMP_NUM_THREADS=2 ./bench {n}");
        List<BatchResult> two = List.of(batch("investigate", 1, cmd, times(10, 0.020, 0.02, 1),
                times(10, 0.039, 0.02, 2), null));
        assertThat(refusals(two, 2)).isEmpty();
        List<BatchResult> three = List.of(batch("investigate", 1, cmd, times(10, 0.020, 0.02, 1),
                times(10, 0.060, 0.02, 2), null));
        assertThat(refusals(three, 2)).singleElement().asString().contains("a process tree cannot compute longer");
    }

    @Test
    void aBaselineWithCv230PercentIsRefusedWithItsReason() {
        double[] wall = {0.0029, 0.0031, 0.0030, 0.0032, 0.0028, 0.0030, 0.0029, 0.0031, 0.0030, 0.090};
        double cv = dev.corescope.analysis.SampleStats.of(wall).cv();
        assertThat(cv).isBetween(2.2, 2.4);
        List<BatchResult> b = List.of(batch("investigate", 1, SPIN, wall, wall.clone(), null),
                batch("investigate", 2, SPIN, new double[] {0.003, 0.003}, new double[] {0.003, 0.003}, null));
        assertThat(refusals(b, 2)).anySatisfy(t -> assertThat(t).startsWith("investigate, 1 worker: one worker alone "
                + "varies with a CV of 23").contains("too noisy to judge"));
    }

    @Test
    void aBaselineThatWaitedLongerThanItComputedIsRefused() {
        double[] cpu = times(10, 0.0029, 0.05, 3);
        double[] wait = times(10, 0.0046, 0.05, 4);
        double[] wall = new double[10];
        for (int i = 0; i < 10; i++) {
            wall[i] = cpu[i] + wait[i];
        }
        List<BatchResult> alone = List.of(batch("run", 1, SPIN, wall, cpu, wait));
        assertThat(refusals(alone, 2)).as("nothing is judged against it").isEmpty();
        List<BatchResult> b = List.of(batch("investigate", 1, SPIN, wall, cpu, wait),
                batch("investigate", 2, SPIN, new double[] {0.003, 0.003}, new double[] {0.003, 0.003}, null));
        // a starved baseline makes the level above it look better than physics allows: refused twice over
        assertThat(refusals(b, 2)).anySatisfy(t -> assertThat(t).startsWith("investigate, 1 worker: one worker alone "
                + "waited").contains("the machine was busier than the workers"))
                .anySatisfy(t -> assertThat(t).startsWith("investigate, 2 workers: efficiency"));
    }

    @Test
    void tasksShorterThanTheClockResolvesAreRefused() {
        List<BatchResult> b = List.of(batch("sweep", 1, SPIN, times(5, 1e-7, 0.02, 5), times(5, 1e-7, 0.02, 6), null));
        assertThat(refusals(b, 2)).singleElement().asString().contains("the timer cannot resolve them");
    }

    @Test
    void aCleanRunPassesUntouched() {
        List<BatchResult> b = new ArrayList<>();
        for (int level = 1; level <= 3; level++) {
            double slow = Math.max(1, level / 2.0);
            double[] cpu = times(level * 4, 0.020, 0.03, level);
            double[] wall = cpu.clone();
            for (int i = 0; i < wall.length; i++) {
                wall[i] *= slow;
            }
            for (int t = 0; t < 4; t++) {
                b.add(batch("sweep", level, SPIN, java.util.Arrays.copyOfRange(wall, t * level, (t + 1) * level),
                        java.util.Arrays.copyOfRange(cpu, t * level, (t + 1) * level), null));
            }
        }
        LevelRunResult r = result(b);
        assertThat(SanityGate.check(r, b, 2, CLOCK)).isSameAs(r);
    }

    @Test
    void rulesAreAListAnyoneCanExtend() {
        Sanity.Rule always = f -> List.of(new Sanity.Refusal("test", "everything", "invented"));
        Figures f = SanityGate.figures(result(List.of()), List.of(), 2, CLOCK);
        List<Sanity.Rule> rules = new ArrayList<>(Sanity.RULES);
        rules.add(always);
        assertThat(Sanity.check(f, rules)).extracting(Sanity.Refusal::text).containsExactly("everything: invented");
    }

    @Test
    void warmUpsAndPilotsAreNoResults() {
        assertThat(SanityGate.isResult("warm-up")).isFalse();
        assertThat(SanityGate.isResult("pilot/sort-jdk")).isFalse();
        assertThat(SanityGate.isResult("quick-check")).isFalse();
        assertThat(SanityGate.isResult("control/sort-jdk")).isTrue();
        assertThat(SanityGate.isResult("sweep")).isTrue();
    }
}
