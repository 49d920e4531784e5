package dev.corescope.experiment.jmh;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.corescope.analysis.Equivalence;
import dev.corescope.experiment.jmh.JmhCertifier.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A whole {@code corescope jmh} run's certification on invented forks, pure computation: the real controls' placement
 * ({@link JmhControls}), steering ({@link JmhCertification}) and test ({@link ForkEquivalence}) fed the outcomes of a
 * suite of {@code jobs} one-fork results at level 2, in queue order, as the scheduler would produce them on a machine
 * of two CPUs where every fork takes the same time. A control measures its first two of five iterations alone, the
 * third while its neighbour's host JVM starts, its last two at the level ({@code A A P L L}); the fork that drains
 * before a control, and the run's last, measure their first two at the level and their last two alone
 * ({@code L L P A A}); every other fork is at the level throughout. Scores are throughputs: a result's scale, times a
 * fork's own factor (lognormal), times an iteration's noise (lognormal), divided by the scenario's slow-down beside
 * others.
 */
final class JmhSyntheticRun {
    /**
     * @param forkCv      the spread of forks' own factors (the JVM-to-JVM variation)
     * @param iterationCv the spread of iterations within a fork
     * @param slower      an iteration at the level takes this many times as long
     * @param stalls      forks with both sides whose level iteration next to the switch takes 3× as long
     * @param stallRate   the share of every level iteration (of every fork) that takes 3× as long
     */
    record Scenario(String name, String must, double forkCv, double iterationCv, double slower, int stalls,
                    double stallRate) {
    }

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("clean", "certified >= 95%", 0.02, 0.01, 1, 0, 0),
            new Scenario("noisy-equal", "certified >= 90%", 0.05, 0.02, 1, 0, 0),
            new Scenario("slower-5%", "certified <= 2%", 0.02, 0.01, 1.05, 0, 0),
            new Scenario("stalls-2", "not certified >= 95%", 0.02, 0.01, 1, 2, 0),
            new Scenario("stalls-5%-all", "(the limit of a sample)", 0.02, 0.01, 1, 0, 0.05));

    /** How the run's level ended, and how much evidence it took. */
    record Result(JmhCertifier.ThreeWayVerdict outcome, int looks, int blocks, int controls, String reason) {
    }

    private JmhSyntheticRun() {
    }

    static Result run(Scenario sc, int jobs, long seed) {
        Random r = new Random(seed);
        AtomicInteger next = new AtomicInteger();
        java.util.function.Supplier<String> ids = () -> "j" + next.incrementAndGet();
        JmhTime second = new JmhTime("1 s", 1_000_000_000L);
        List<BenchmarkPlan> plans = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            plans.add(new BenchmarkPlan(i, "bench.B.m" + i, JmhMode.Throughput, Map.of(), List.of(), 1, 1, 0, 3, second,
                    5, second, 9.9, true, false));
        }
        ForkEquivalence test = new ForkEquivalence(Equivalence.Margins.DEFAULT, seed);
        JmhCertification cert = new JmhCertification(test, JmhControls.DEFAULT, true, ids);
        List<JmhJob> queue = new ArrayList<>(cert.placeControls(JmhControls.measured(plans, 2, ids), 2, r));
        int[] stalls = {sc.stalls()};
        for (int i = 0; i < queue.size(); i++) {
            JmhJob j = queue.get(i);
            boolean control = j.kind() == JmhJob.Kind.CONTROL;
            boolean drained = !control && (i == queue.size() - 1 || queue.get(i + 1).kind() == JmhJob.Kind.CONTROL);
            String pattern = control ? "AAPLL" : drained ? "LLPAA" : "LLLLL";
            JobOutcome o = outcome(j, pattern, sc, stalls, r, i);
            int left = (int) queue.subList(i + 1, queue.size()).stream().filter(q -> q.kind() == JmhJob.Kind.CONTROL)
                    .count();
            int promotable = (int) queue.subList(i + 1, queue.size()).stream().filter(q -> JmhControls.eligible(q, 2))
                    .count();
            JmhScheduler.Change c = cert.after(o, new JmhScheduler.State(2, left, promotable));
            if (c.width() < 2) {
                return result(cert);
            }
            for (int n = 0; n < c.promote(); n++) {
                int k = Math.min(queue.size() - 1, i + 3 + n);
                queue.set(k, queue.get(k).asControl(true));
            }
        }
        cert.atEnd(new JmhScheduler.State(2, 0, 0));
        return result(cert);
    }

    private static Result result(JmhCertification cert) {
        JmhCertifier.CertifierVerdict v = cert.verdicts().get(2);
        JmhCertifier.ThreeWayVerdict o = v == null ? JmhCertifier.ThreeWayVerdict.MORE_DATA : v.level();
        int looks = (int) cert.steps().stream().filter(s -> s.contains("one more control")).count() + 1;
        return new Result(o, looks, v == null ? 0 : v.blocks().size(), cert.controlJobs().size(),
                v == null ? "never looked at" : v.reason());
    }

    private static JobOutcome outcome(JmhJob j, String pattern, Scenario sc, int[] stalls, Random r, int at) {
        double scale = 1000 * Math.exp(j.plan().index() % 7);
        double fork = Math.exp(sc.forkCv() * r.nextGaussian());
        boolean twoSided = pattern.contains("A") && pattern.contains("L");
        int switchLevel = pattern.startsWith("A") ? pattern.indexOf('L') : pattern.lastIndexOf('L');
        List<Double> scores = new ArrayList<>();
        List<IterationContext> ctx = new ArrayList<>();
        long t0 = at * 10_000_000_000L;
        for (int k = 0; k < pattern.length(); k++) {
            char side = pattern.charAt(k);
            double cost = Math.exp(sc.iterationCv() * r.nextGaussian()) / (scale * fork);
            if (side == 'L') {
                cost *= sc.slower();
                if (twoSided && k == switchLevel && stalls[0] > 0) {
                    stalls[0]--;
                    cost *= 3;
                } else if (r.nextDouble() < sc.stallRate()) {
                    cost *= 3;
                }
            }
            scores.add(1 / cost);
            long s = t0 + (k + 4) * 1_000_000_000L;
            ctx.add(side == 'A' ? new IterationContext(s, s + 1_000_000_000L, 0, 0)
                    : side == 'L' ? new IterationContext(s, s + 1_000_000_000L, 1, 1)
                    : new IterationContext(s, s + 1_000_000_000L, 0, 1));
        }
        ForkData data = new ForkData("ops/s", scores, List.of(), JsonNodeFactory.instance.objectNode());
        return new JobOutcome(j, JobExecutor.JobRun.ok(data, null), List.of(0), 2, pattern.contains("A") ? 0 : 1, 1, t0,
                t0 + 9_900_000_000L, ctx);
    }

    /** For the tests: the sides of a pattern. */
    static List<Side> sides(String pattern) {
        return pattern.chars().mapToObj(c -> c == 'A' ? Side.ALONE : c == 'L' ? Side.LEVEL : Side.OTHER).toList();
    }
}
