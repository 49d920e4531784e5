package dev.corescope.experiment.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The certification steering a run of invented jobs: a clean level stands, a biased one steps down and reruns. */
class JmhCertificationTest {
    private final AtomicInteger next = new AtomicInteger();
    private final Supplier<String> ids = () -> String.format("j%03d", next.incrementAndGet());

    private record Ran(JmhScheduler.Schedule schedule, JmhCertification cert, List<BenchmarkPlan> plans) {
        List<String> labels() {
            return JmhResults.assemble(plans, schedule, cert, true, null).benchmarks().stream()
                    .map(dev.corescope.experiment.jmh.JmhRun.Benchmark::certified).toList();
        }
    }

    private Ran run(FakeJobs fake, boolean auto, double share) {
        List<BenchmarkPlan> plans = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            plans.add(FakeJobs.plan(i, "m" + i, 1, 1, 10));
        }
        List<JmhJob> measured = JmhControls.measured(plans, 2, ids);
        Random rng = new Random(7);
        JmhCertification cert = new JmhCertification(InterimCertifier.DEFAULT, new JmhControls(share, 2), measured, auto,
                rng, ids);
        List<JmhJob> controls = cert.initialControls(2);
        List<JmhJob> queue = JmhControls.interleave(JmhControls.controlsFirst(measured,
                new HashSet<>(cert.controlBenchmarks())), controls, 2, rng);
        JmhScheduler s = new JmhScheduler(fake, List.of(0, 1), 2, 2, false, cert, o -> { }, System::nanoTime, rng);
        return new Ran(s.run(queue), cert, plans);
    }

    @Test
    void aCleanLevelIsCertifiedAndNothingIsRerun() {
        Ran r = run(FakeJobs.clean(), true, 0.1);
        assertThat(r.cert().controlBenchmarks()).hasSize(1);
        assertThat(r.cert().verdicts().get(2).level()).isEqualTo(JmhCertifier.Outcome.CERTIFIED);
        assertThat(r.schedule().finalWidth()).isEqualTo(2);
        assertThat(r.schedule().outcomes()).noneMatch(o -> o.job().kind() == JmhJob.Kind.RERUN);
        assertThat(r.labels()).contains("yes").allMatch(l -> l.equals("yes") || l.equals("level") || l.equals("solo"));
    }

    @Test
    void aBiasedLevelStepsDownAndItsForksAreRerunAlone() {
        // every fork measured beside another scores 20% lower; alone (controls, reruns) it scores 100
        FakeJobs biased = new FakeJobs(j -> j.kind() == JmhJob.Kind.MEASURED ? 80.0 : 100.0, j -> JobExecutor.Status.OK);
        Ran r = run(biased, true, 0.1);
        assertThat(r.cert().verdicts().get(2).level()).isEqualTo(JmhCertifier.Outcome.NOT_CERTIFIED);
        assertThat(r.schedule().finalWidth()).isEqualTo(1);
        assertThat(r.cert().steps()).anyMatch(s -> s.contains("stepped down to 1"));
        assertThat(r.labels()).allMatch(l -> l.startsWith("solo"));
        assertThat(r.labels()).contains("solo (rerun)");
        assertThat(biased.violations).isEmpty();
    }

    @Test
    void withAFixedLevelTheVerdictIsReportedAndNothingRerun() {
        FakeJobs biased = new FakeJobs(j -> j.kind() == JmhJob.Kind.MEASURED ? 80.0 : 100.0, j -> JobExecutor.Status.OK);
        Ran r = run(biased, false, 0.1);
        assertThat(r.schedule().finalWidth()).isEqualTo(2);
        assertThat(r.schedule().outcomes()).noneMatch(o -> o.job().kind() == JmhJob.Kind.RERUN);
        assertThat(r.labels()).contains("no");
    }

    @Test
    void withoutControlsNothingParallelIsCertified() {
        Ran r = run(FakeJobs.clean(), true, 0);
        assertThat(r.cert().controlBenchmarks()).isEmpty();
        assertThat(JmhResults.assemble(r.plans(), r.schedule(), r.cert(), false, null).benchmarks())
                .extracting(JmhRun.Benchmark::certified).contains("not verified");
    }
}
