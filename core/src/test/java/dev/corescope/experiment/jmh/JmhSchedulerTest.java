package dev.corescope.experiment.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The scheduler on invented jobs: the level, longest first, controls alone at first, pinning, failures. */
class JmhSchedulerTest {
    private final AtomicInteger next = new AtomicInteger();
    private final Supplier<String> ids = () -> String.format("j%03d", next.incrementAndGet());

    private List<JmhJob> jobs(int benchmarks, int forks, int threads) {
        List<BenchmarkPlan> plans = new ArrayList<>();
        for (int i = 0; i < benchmarks; i++) {
            plans.add(FakeJobs.plan(i, "m" + i, threads, forks, 10 + i));
        }
        return JmhControls.measured(plans, 4, ids);
    }

    private static JmhScheduler.Schedule run(FakeJobs fake, List<Integer> cpus, int width, boolean foe, List<JmhJob> queue) {
        List<JobOutcome> seen = new ArrayList<>();
        JmhScheduler s = new JmhScheduler(fake, cpus, 4, width, foe, JmhScheduler.Steering.NONE, seen::add,
                System::nanoTime, new Random(1));
        return s.run(queue);
    }

    @Test
    void runsAtMostTheLevelAtOnceLongestFirst() {
        FakeJobs fake = FakeJobs.clean();
        List<JmhJob> queue = jobs(6, 2, 1);
        assertThat(queue).extracting(JmhJob::seconds).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        JmhScheduler.Schedule s = run(fake, List.of(), 2, false, queue);
        assertThat(s.outcomes()).hasSize(12).allMatch(JobOutcome::ok);
        assertThat(fake.maxActive.get()).isEqualTo(2);
        assertThat(fake.started.subList(0, 2)).containsExactlyInAnyOrder(queue.get(0).id(), queue.get(1).id());
        assertThat(s.outcomes()).filteredOn(o -> o.othersMax() > 0).isNotEmpty();
    }

    @Test
    void aControlStartsAloneAndTheLevelFillsOnceItHasMeasuredItsFirstIterationsAlone() {
        FakeJobs fake = FakeJobs.clean();
        List<JmhJob> measured = jobs(6, 1, 1);
        List<JmhJob> queue = new ArrayList<>(measured);
        queue.set(0, queue.get(0).asControl(true));
        queue.set(3, queue.get(3).asControl(true));
        JmhScheduler.Schedule s = run(fake, List.of(0, 1, 2, 3), 2, false, queue);
        assertThat(fake.violations).isEmpty();
        assertThat(fake.maxActive.get()).isEqualTo(2);
        List<JobOutcome> ctl = s.outcomes().stream().filter(o -> o.job().kind() == JmhJob.Kind.CONTROL).toList();
        assertThat(ctl).hasSize(2);
        for (JobOutcome c : ctl) {
            List<IterationContext> it = c.contexts();
            assertThat(it).hasSize(5);
            // its first iterations alone, then others beside it: a control is not a solo fork
            assertThat(it.subList(0, c.job().aloneIterations())).allMatch(IterationContext::alone);
            assertThat(c.othersMax()).isPositive();
        }
        assertThat(ctl.get(0).cpus()).isNotEqualTo(ctl.get(1).cpus()); // controls take the level's CPUs in turn
        s.outcomes().forEach(o -> assertThat(o.cpus()).hasSize(1).allMatch(c -> c < 2));
    }

    @Test
    void eachMeasuredIterationIsTimedAgainstTheOthers() {
        FakeJobs fake = FakeJobs.clean();
        JmhScheduler.Schedule s = run(fake, List.of(0, 1), 2, false, jobs(4, 1, 1));
        for (JobOutcome o : s.outcomes()) {
            assertThat(o.contexts()).hasSize(5).allSatisfy(c -> assertThat(c.endNanos()).isGreaterThan(c.startNanos()));
        }
        // the first two jobs start together: their middle iterations ran beside each other, filling the level
        assertThat(s.outcomes()).anySatisfy(o -> assertThat(o.contexts()).anyMatch(c -> c.atLevel(2, 1)));
    }

    @Test
    void aJobThatNeedsMoreCoresThanTheLevelRunsAloneOnThem() {
        FakeJobs fake = FakeJobs.clean();
        List<JmhJob> queue = new ArrayList<>(jobs(3, 1, 1));
        queue.addAll(1, jobs(1, 1, 3));
        JmhScheduler.Schedule s = run(fake, List.of(0, 1, 2, 3), 2, false, queue);
        JobOutcome wide = s.outcomes().stream().filter(o -> o.job().cores() == 3).findFirst().orElseThrow();
        assertThat(wide.alone()).isTrue();
        assertThat(wide.cpus()).containsExactly(0, 1, 2);
    }

    @Test
    void aFailedJobIsReportedAndTheSuiteGoesOn() {
        List<JmhJob> queue = jobs(5, 1, 1);
        String bad = queue.get(1).id();
        FakeJobs fake = new FakeJobs((j, b, r) -> 100.0, j -> j.id().equals(bad) ? JobExecutor.Status.CRASHED
                : JobExecutor.Status.OK);
        JmhScheduler.Schedule s = run(fake, List.of(), 2, false, queue);
        assertThat(s.outcomes()).hasSize(5);
        assertThat(s.outcomes()).filteredOn(o -> !o.ok()).extracting(o -> o.job().id()).containsExactly(bad);
        assertThat(s.skipped()).isEmpty();
        // with JMH's -foe true nothing starts after the failure
        FakeJobs again = new FakeJobs((j, b, r) -> 100.0, j -> j.id().equals(queue.get(0).id())
                ? JobExecutor.Status.FAILED : JobExecutor.Status.OK);
        JmhScheduler.Schedule foe = run(again, List.of(), 1, true, queue);
        assertThat(foe.outcomes()).hasSize(1);
        assertThat(foe.skipped()).hasSize(4);
    }

    @Test
    void stopEndsTheRunWithoutKeepingTheStoppedJobs() throws Exception {
        FakeJobs fake = FakeJobs.clean();
        List<JmhJob> queue = jobs(40, 1, 1);
        JmhScheduler s = new JmhScheduler(fake, List.of(), 4, 2, false, JmhScheduler.Steering.NONE, o -> { },
                System::nanoTime, new Random(1));
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            s.stop();
        });
        stopper.start();
        JmhScheduler.Schedule result = s.run(queue);
        stopper.join();
        assertThat(result.interrupted()).isTrue();
        assertThat(result.outcomes().size()).isLessThan(40);
        assertThat(fake.active.get()).isZero();
    }
}
