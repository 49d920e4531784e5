package dev.corescope.experiment.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.analysis.BlockedSamples;
import dev.corescope.experiment.jmh.JmhCertifier.Fork;
import dev.corescope.experiment.jmh.JmhCertifier.Look;
import dev.corescope.experiment.jmh.JmhCertifier.ThreeWayVerdict;
import dev.corescope.experiment.jmh.JmhCertifier.CertifierVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The certifier on invented forks (each measured partly alone and partly beside others), then whole runs of it on
 * a small-seed subset of bench/jmh-certify-synthetic.sh's scenarios ({@link JmhSyntheticRun}).
 */
class ForkEquivalenceTest {
    private static final ForkEquivalence TEST = ForkEquivalence.DEFAULT;

    /**
     * {@code n} forks of different results, half controls ({@code A A P L L}) and half drained ({@code L L P A A}),
     * throughput scores of their result's scale, a fork's own factor (CV {@code forkCv}) and an iteration's noise (CV
     * {@code cv}); an iteration beside others takes {@code slower} times as long, and the first {@code stalls} forks'
     * level iteration next to the switch 3 times as long.
     */
    private static List<Fork> forks(int n, double forkCv, double cv, double slower, int stalls, long seed) {
        Random r = new Random(seed);
        List<Fork> out = new ArrayList<>();
        for (int f = 0; f < n; f++) {
            String pattern = f % 2 == 0 ? "AAPLL" : "LLPAA";
            int next = f % 2 == 0 ? 3 : 1;
            double scale = 1e3 * Math.exp(f % 5) * Math.exp(forkCv * r.nextGaussian());
            List<Double> scores = new ArrayList<>();
            for (int k = 0; k < 5; k++) {
                double cost = Math.exp(cv * r.nextGaussian()) / scale;
                if (pattern.charAt(k) == 'L') {
                    cost *= slower * (f < stalls && k == next ? 3 : 1);
                }
                scores.add(1 / cost);
            }
            out.add(new Fork("j" + f, "bench.B.m" + (f % 5) + "|thrpt|", true, scores, JmhSyntheticRun.sides(pattern)));
        }
        return out;
    }

    private static CertifierVerdict judge(List<Fork> forks) {
        return TEST.judge(2, forks, Look.certification(1, JmhCertification.LOOKS));
    }

    @Test
    void cleanForksAreCertified() {
        CertifierVerdict v = judge(forks(6, 0.02, 0.01, 1, 0, 1));
        assertThat(v.level()).as(v.reason()).isEqualTo(ThreeWayVerdict.CERTIFIED);
        assertThat(v.blocks()).hasSize(6);
        assertThat(v.equivalence().location().margin()).isGreaterThanOrEqualTo(1.03);
    }

    @Test
    void noisyButEqualForksAreCertifiedGivenEnoughOfThem() {
        // forks 5% apart from each other (the test pairs iterations within a fork), iterations 2% apart
        CertifierVerdict v = judge(forks(10, 0.05, 0.02, 1, 0, 2));
        assertThat(v.level()).as(v.reason()).isEqualTo(ThreeWayVerdict.CERTIFIED);
    }

    @Test
    void aLevelFivePercentSlowerIsNotCertified() {
        CertifierVerdict v = judge(forks(6, 0.02, 0.01, 1.05, 0, 3));
        assertThat(v.level()).as(v.reason()).isEqualTo(ThreeWayVerdict.NOT_CERTIFIED);
        assertThat(v.reason()).contains("location");
        assertThat(v.equivalence().location().low()).isGreaterThan(1.03);
    }

    @Test
    void aFewIterationsThreeTimesSlowerBesideOthersOnlyAreNotCertified() {
        CertifierVerdict v = judge(forks(6, 0.02, 0.01, 1, 2, 4));
        assertThat(v.level()).as(v.reason()).isNotEqualTo(ThreeWayVerdict.CERTIFIED);
        assertThat(v.equivalence().tail().point()).isPositive(); // beyond the alone iterations' far fence
        assertThat(v.equivalence().location().point()).isLessThan(1.03); // the bulk did not move
    }

    @Test
    void tooFewForksWithBothSidesNeedMoreData() {
        List<Fork> forks = new ArrayList<>(forks(3, 0.02, 0.01, 1, 0, 5));
        forks.add(new Fork("solo", "bench.B.x|thrpt|", true, List.of(1.0, 1.0, 1.0, 1.0, 1.0),
                JmhSyntheticRun.sides("AAAAA")));
        CertifierVerdict v = judge(forks);
        assertThat(v.level()).isEqualTo(ThreeWayVerdict.MORE_DATA);
        assertThat(v.equivalence()).isNull();
        assertThat(v.reason()).contains("3 of the 4 forks");
    }

    @Test
    void anInterimLookOnlyRefusesAClearlyDifferentLevel() {
        assertThat(TEST.judge(2, forks(6, 0.02, 0.01, 1, 0, 6), Look.interim(3)).level()).isEqualTo(ThreeWayVerdict.MORE_DATA);
        assertThat(TEST.judge(2, forks(6, 0.02, 0.01, 1.2, 0, 6), Look.interim(3)).level())
                .isEqualTo(ThreeWayVerdict.NOT_CERTIFIED);
    }

    @Test
    void aForkGivesAsManyIterationsEachSideAsItsSmallerSideNearestTheSwitch() {
        // costs: time per operation; alone 1 2 3, level 10 20 (beside others from the fourth iteration)
        Fork f = new Fork("j", "b", false, List.of(1.0, 2.0, 3.0, 10.0, 20.0), JmhSyntheticRun.sides("AAALL"));
        BlockedSamples.Block b = ForkEquivalence.block(f, 0);
        assertThat(b.alone()).containsExactlyInAnyOrder(2.0, 3.0);
        assertThat(b.level()).containsExactlyInAnyOrder(10.0, 20.0);
        // a throughput is inverted: larger is slower
        Fork t = new Fork("j", "b", true, List.of(4.0, 2.0), JmhSyntheticRun.sides("LA"));
        assertThat(ForkEquivalence.block(t, 0).level()).containsExactly(0.25);
        assertThat(ForkEquivalence.block(new Fork("j", "b", true, List.of(1.0, 1.0), JmhSyntheticRun.sides("AP")), 0))
                .isNull();
    }

    @Test
    void wholeRunsOfTheSyntheticScenariosOnASmallSeedSubset() {
        int seeds = 12;
        for (JmhSyntheticRun.Scenario sc : JmhSyntheticRun.SCENARIOS) {
            int certified = 0;
            for (int s = 0; s < seeds; s++) {
                if (JmhSyntheticRun.run(sc, 38, 1000L + s).outcome() == ThreeWayVerdict.CERTIFIED) {
                    certified++;
                }
            }
            switch (sc.name()) {
                case "clean" -> assertThat(certified).as(sc.name()).isGreaterThanOrEqualTo(11);
                case "noisy-equal" -> assertThat(certified).as(sc.name()).isGreaterThanOrEqualTo(9);
                case "slower-5%", "stalls-2" -> assertThat(certified).as(sc.name()).isZero();
                default -> { }
            }
        }
    }
}
