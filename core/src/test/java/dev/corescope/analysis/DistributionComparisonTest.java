package dev.corescope.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.corescope.analysis.DistributionComparison.Criteria;
import dev.corescope.analysis.DistributionComparison.Stratum;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Invented workloads, no timing: per-task seconds drawn from lognormal distributions with a known
 * median and spread, for one worker and for a level that is clean, shifted or only wider.
 */
class DistributionComparisonTest {
    static final Criteria CRITERIA = Criteria.defaults();

    /** n lognormal times with the given median and coefficient of variation. */
    static double[] times(int n, double median, double cv, Random rng) {
        double sigma = Math.sqrt(Math.log(1 + cv * cv));
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = median * Math.exp(sigma * rng.nextGaussian());
        }
        return v;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void cleanLevelIsOk(long seed) {
        Random rng = new Random(seed);
        double[] one = times(60, 0.015, 0.02, rng);
        double[] two = times(200, 0.015, 0.02, rng);
        DistributionComparison c = DistributionComparison.of(two, one, CRITERIA, seed);
        assertThat(c.verdict()).as(c.text()).isEqualTo(Verdict.OK);
        assertThat(c.settled()).isTrue();
        assertThat(c.mean().low()).isLessThan(1).isGreaterThan(0.98);
        assertThat(c.mean().high()).isGreaterThan(1).isLessThan(1.02);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void shiftedLevelIsWorse(long seed) {
        Random rng = new Random(seed);
        double[] one = times(40, 0.015, 0.03, rng);
        double[] two = times(200, 0.015 * 1.12, 0.03, rng);
        DistributionComparison c = DistributionComparison.of(two, one, CRITERIA, seed);
        assertThat(c.verdict()).as(c.text()).isEqualTo(Verdict.WORSE);
        assertThat(c.settled()).isTrue();
        assertThat(c.reason()).contains("mean").contains("median");
        assertThat(c.mean().point()).isCloseTo(1.12, within(0.03));
        assertThat(c.sd().point()).isCloseTo(1.12, within(0.35)); // the spread scales with the shift
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void onlyWiderLevelIsWorse(long seed) {
        // same median, the level's spread is 2.5x wider: the mean barely moves, the sd test fails it
        Random rng = new Random(seed);
        double[] one = times(40, 0.015, 0.02, rng);
        double[] two = times(200, 0.015, 0.05, rng);
        DistributionComparison c = DistributionComparison.of(two, one, CRITERIA, seed);
        assertThat(c.median().point()).isCloseTo(1.0, within(0.02));
        assertThat(c.verdict()).as(c.text()).isEqualTo(Verdict.WORSE);
        assertThat(c.reason()).contains("spread").doesNotContain("median");
    }

    @Test
    void theSdRatioOfSizesWithTwoControlsEachIsNotBiased() {
        // 10 sizes, 30 level samples and 2 one-worker samples each, identical distributions: a geometric mean of the
        // per-size sd ratios reads about ×1.85 here; the pooled, bias-corrected ratio about ×1
        double[] points = new double[201];
        for (int seed = 0; seed < points.length; seed++) {
            Random rng = new Random(seed);
            List<Stratum> strata = new java.util.ArrayList<>();
            for (int size = 1; size <= 10; size++) {
                strata.add(new Stratum(times(30, 0.01 * size, 0.03, rng), times(2, 0.01 * size, 0.03, rng)));
            }
            points[seed] = DistributionComparison.of(strata, CRITERIA.withConfidence(0.9), seed).sd().point();
        }
        java.util.Arrays.sort(points);
        assertThat(points[points.length / 2]).isBetween(0.93, 1.07);
    }

    @Test
    void borderlineIsUnsettledThenDecidedByThePoints() {
        Random rng = new Random(11);
        double[] one = times(8, 0.015, 0.05, rng);
        double[] two = times(8, 0.015 * 1.02, 0.05, rng);
        DistributionComparison c = DistributionComparison.of(two, one, CRITERIA, 11);
        assertThat(c.verdict()).as(c.text()).isEqualTo(Verdict.UNSETTLED);
        DistributionComparison d = c.decided(CRITERIA);
        assertThat(d.verdict()).isIn(Verdict.OK, Verdict.WORSE);
        assertThat(d.settled()).isFalse();
        assertThat(d.verdict() == Verdict.OK).isEqualTo(c.mean().point() <= 1.03 && c.median().point() <= 1.03
                && c.sd().point() <= 1.3);
    }

    @Test
    void tooFewSamplesAreUnsettled() {
        Random rng = new Random(3);
        DistributionComparison c = DistributionComparison.of(times(3, 1, 0.01, rng), times(40, 1, 0.01, rng),
                CRITERIA, 1);
        assertThat(c.verdict()).isEqualTo(Verdict.UNSETTLED);
        assertThat(c.levelCount()).isEqualTo(3);
        assertThat(c.baselineCount()).isEqualTo(40);
    }

    @Test
    void strataArePooledByRatioNotByTime() {
        // two sizes whose times differ 100x; the level is 10% slower at both: pooled ratio 1.10,
        // while pooling raw times would compare sizes with each other and mean nothing
        Random rng = new Random(5);
        List<Stratum> strata = List.of(
                new Stratum(times(100, 0.0011, 0.02, rng), times(30, 0.001, 0.02, rng)),
                new Stratum(times(100, 0.11, 0.02, rng), times(30, 0.1, 0.02, rng)));
        DistributionComparison c = DistributionComparison.of(strata, CRITERIA, 5);
        assertThat(c.mean().point()).isCloseTo(1.10, within(0.02));
        assertThat(c.sd().point()).isCloseTo(1.10, within(0.4));
        assertThat(c.verdict()).isEqualTo(Verdict.WORSE);
        assertThat(c.levelCount()).isEqualTo(200);
        assertThat(c.baselineCount()).isEqualTo(60);
    }

    @Test
    void deterministicForASeedAndIntervalContainsThePoint() {
        Random rng = new Random(9);
        double[] one = times(30, 1, 0.05, rng);
        double[] two = times(90, 1, 0.05, rng);
        DistributionComparison a = DistributionComparison.of(two, one, CRITERIA, 77);
        DistributionComparison b = DistributionComparison.of(two, one, CRITERIA, 77);
        assertThat(a).isEqualTo(b);
        for (DistributionComparison.Ratio r : List.of(a.mean(), a.median(), a.sd())) {
            assertThat(r.low()).isLessThanOrEqualTo(r.high());
        }
        assertThat(a.mean().low()).isLessThanOrEqualTo(a.mean().point());
        assertThat(a.mean().high()).isGreaterThanOrEqualTo(a.mean().point());
    }

    @Test
    void stricterConfidenceWidensTheInterval() {
        Random rng = new Random(21);
        double[] one = times(30, 1, 0.05, rng);
        double[] two = times(90, 1, 0.05, rng);
        DistributionComparison c95 = DistributionComparison.of(two, one, CRITERIA, 1);
        DistributionComparison c99 = DistributionComparison.of(two, one, CRITERIA.withConfidence(0.99), 1);
        assertThat(c99.mean().high() - c99.mean().low()).isGreaterThan(c95.mean().high() - c95.mean().low());
    }

    @Test
    void textNamesAllThreeRatios() {
        Random rng = new Random(2);
        String t = DistributionComparison.of(times(50, 1, 0.02, rng), times(50, 1, 0.02, rng), CRITERIA, 1).text();
        assertThat(t).startsWith("mean ×").contains(", median ×").contains(", sd ×").contains("[");
    }
}
