package dev.corescope.experiment.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The certification steering a run of invented jobs, timed as they run: a clean level stands, a biased one steps
 * down and its forks are rerun alone; with a fixed level the verdict is only reported.
 */
class JmhCertificationTest {
    private final AtomicInteger next = new AtomicInteger();
    private final Supplier<String> ids = () -> String.format("j%03d", next.incrementAndGet());

    private record Ran(JmhScheduler.Schedule schedule, JmhCertification cert, List<BenchmarkPlan> plans) {
        List<String> labels() {
            return JmhResults.assemble(plans, schedule, cert, true, null).benchmarks().stream()
                    .map(JmhRun.Benchmark::certified).toList();
        }
    }

    private Ran run(FakeJobs fake, boolean auto, double share) {
        List<BenchmarkPlan> plans = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            plans.add(FakeJobs.plan(i, "m" + i, 1, 1, 10));
        }
        List<JmhJob> measured = JmhControls.measured(plans, 2, ids);
        Random rng = new Random(7);
        JmhCertification cert = new JmhCertification(JmhCertification.DEFAULT_CERTIFIER, new JmhControls(share), auto,
                ids);
        List<JmhJob> queue = cert.placeControls(measured, 2, rng);
        JmhScheduler s = new JmhScheduler(fake, List.of(0, 1), 2, 2, false, cert, o -> { }, System::nanoTime, rng);
        return new Ran(s.run(queue), cert, plans);
    }

    @Test
    void controlsArePlacedFirstAndThenAtRandom() {
        List<BenchmarkPlan> plans = new ArrayList<>();
        for (int i = 0; i < 38; i++) {
            plans.add(FakeJobs.plan(i, "m" + i, 1, 1, 10));
        }
        List<JmhJob> measured = JmhControls.measured(plans, 2, ids);
        assertThat(new JmhControls(0.05).count(measured, 2)).isEqualTo(JmhControls.MIN_CONTROLS);
        assertThat(new JmhControls(0.5).count(measured, 2)).isGreaterThan(JmhControls.MIN_CONTROLS);
        assertThat(new JmhControls(0.05).count(measured, 1)).isZero();
        List<JmhJob> q = JmhControls.place(measured, 3, 2, new Random(1));
        List<Integer> at = new ArrayList<>();
        for (int k = 0; k < q.size(); k++) {
            if (q.get(k).kind() == JmhJob.Kind.CONTROL) {
                at.add(k);
            }
        }
        assertThat(at).hasSize(3).startsWith(0);
        assertThat(at.get(2)).isLessThan(29); // within the first three quarters: room for an extension
        assertThat(q).extracting(JmhJob::id).containsExactlyElementsOf(measured.stream().map(JmhJob::id).toList());
    }

    @Test
    void aCleanLevelIsCertifiedAndNothingIsRerun() {
        FakeJobs fake = FakeJobs.clean();
        Ran r = run(fake, true, 0.05);
        assertThat(fake.violations).isEmpty();
        assertThat(r.cert().controlJobs()).hasSizeGreaterThanOrEqualTo(JmhControls.MIN_CONTROLS);
        JmhCertifier.CertifierVerdict v = r.cert().verdicts().get(2);
        assertThat(v.level()).as(v.reason()).isEqualTo(JmhCertifier.ThreeWayVerdict.CERTIFIED);
        assertThat(v.blocks()).hasSizeGreaterThanOrEqualTo(ForkEquivalence.MIN_BLOCKS);
        assertThat(r.schedule().finalWidth()).isEqualTo(2);
        assertThat(r.schedule().outcomes()).noneMatch(o -> o.job().kind() == JmhJob.Kind.RERUN);
        assertThat(r.labels()).contains("yes").allMatch(l -> l.equals("yes") || l.equals("solo"));
    }

    @Test
    void aBiasedLevelStepsDownAndItsForksAreRerunAlone() {
        // an iteration beside another job scores 20% lower (a throughput): its forks are rerun alone and reported so
        FakeJobs biased = FakeJobs.beside(0.8);
        Ran r = run(biased, true, 0.05);
        assertThat(r.cert().verdicts().get(2).level()).isEqualTo(JmhCertifier.ThreeWayVerdict.NOT_CERTIFIED);
        assertThat(r.schedule().finalWidth()).isEqualTo(1);
        assertThat(r.cert().steps()).anyMatch(s -> s.contains("stepped down to 1"));
        assertThat(r.labels()).allMatch(l -> l.startsWith("solo")).contains("solo (rerun)");
        assertThat(biased.violations).isEmpty();
    }

    @Test
    void withAFixedLevelTheVerdictIsReportedAndNothingRerun() {
        Ran r = run(FakeJobs.beside(0.8), false, 0.05);
        assertThat(r.schedule().finalWidth()).isEqualTo(2);
        assertThat(r.schedule().outcomes()).noneMatch(o -> o.job().kind() == JmhJob.Kind.RERUN);
        assertThat(r.labels()).contains("no");
        assertThat(r.cert().steps()).anyMatch(s -> s.contains("kept (--workers 2)"));
    }

    @Test
    void withoutControlsNothingParallelIsCertified() {
        Ran r = run(FakeJobs.clean(), true, 0);
        assertThat(r.cert().controlJobs()).isEmpty();
        assertThat(r.cert().verdicts()).isEmpty();
        assertThat(JmhResults.assemble(r.plans(), r.schedule(), r.cert(), false, null).benchmarks())
                .extracting(JmhRun.Benchmark::certified).contains("not verified");
    }
}
