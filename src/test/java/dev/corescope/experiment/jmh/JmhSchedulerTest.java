package dev.corescope.experiment.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The scheduler on invented jobs: the level, longest first, controls alone, pinning, failures. */
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
    void controlsRunAloneOnCpusInTurn() {
        FakeJobs fake = FakeJobs.clean();
        List<JmhJob> measured = jobs(4, 1, 1);
        JmhControls controls = new JmhControls(0.5, 2);
        List<JmhJob> solo = controls.soloJobs(measured.get(0).plan(), 1, 1, ids);
        List<JmhJob> queue = JmhControls.interleave(measured, solo, new Random(3));
        JmhScheduler.Schedule s = run(fake, List.of(0, 1, 2, 3), 2, false, queue);
        assertThat(fake.violations).isEmpty();
        List<JobOutcome> ctl = s.outcomes().stream().filter(o -> o.job().kind() == JmhJob.Kind.CONTROL).toList();
        assertThat(ctl).hasSize(2).allMatch(JobOutcome::alone);
        assertThat(ctl.get(0).cpus()).isNotEqualTo(ctl.get(1).cpus());
        // parallel jobs get CPUs of their own among the first two of the pin order
        s.outcomes().stream().filter(o -> o.job().kind() == JmhJob.Kind.MEASURED)
                .forEach(o -> assertThat(o.cpus()).hasSize(1).allMatch(c -> c < 2));
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
        FakeJobs fake = new FakeJobs(j -> 100.0, j -> j.id().equals(bad) ? JobExecutor.Status.CRASHED
                : JobExecutor.Status.OK);
        JmhScheduler.Schedule s = run(fake, List.of(), 2, false, queue);
        assertThat(s.outcomes()).hasSize(5);
        assertThat(s.outcomes()).filteredOn(o -> !o.ok()).extracting(o -> o.job().id()).containsExactly(bad);
        assertThat(s.skipped()).isEmpty();
        // with JMH's -foe true nothing starts after the failure
        FakeJobs again = new FakeJobs(j -> 100.0, j -> j.id().equals(queue.get(0).id()) ? JobExecutor.Status.FAILED
                : JobExecutor.Status.OK);
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
