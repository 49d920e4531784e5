package dev.corescope.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The worst-off worker's statistic on invented rounds: each worker's trimmed mean, the rounds resampled. */
class WorstOffTest {
    @Test
    void theWeightedTrimmedMeanIsTheTrimmedMeanOfTheValuesRepeated() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        int[] round = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertThat(WorstOff.trimmedMean(x, round, null)).isCloseTo(5.5, within(1e-12)); // mean of 3..8
        // 1 counted 3 times, 10 not at all: 1,1,1,2,...,9 (11 values): 2.2 trimmed from each end, the values at the
        // cuts counted in part
        int[] w = {3, 1, 1, 1, 1, 1, 1, 1, 1, 0};
        double expected = (0.8 * 1 + 2 + 3 + 4 + 5 + 6 + 0.8 * 7) / (11 - 2 * 2.2);
        assertThat(WorstOff.trimmedMean(x, round, w)).isCloseTo(expected, within(1e-12));
        assertThat(WorstOff.trimmedMean(x, round, new int[10])).isNaN();
        // a stall in one value of five is trimmed away
        assertThat(WorstOff.trimmedMean(new double[] {1, 1, 1, 1, 30}, new int[] {0, 1, 2, 3, 4}, null)).isEqualTo(1.0);
    }

    /** {@code rounds} rounds of {@code workers} workers, noise CV 2%, worker {@code slow} {@code factor} times slower. */
    private static LevelSample level(int workers, int rounds, int slow, double factor, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = workers * rounds;
        double[] wall = new double[n];
        int[] worker = new int[n];
        int[] round = new int[n];
        for (int i = 0; i < n; i++) {
            worker[i] = i % workers;
            round[i] = i / workers;
            wall[i] = 0.02 * (1 + 0.02 * rng.nextGaussian()) * (worker[i] == slow ? factor : 1);
        }
        return new LevelSample(workers, wall, null, null, worker, round, null);
    }

    @Test
    void eachWorkerIsAGroupAndTheBaselineIsPairedByBlock() {
        LevelSample base = level(1, 20, -1, 1, 1);
        LevelSample four = level(4, 20, 2, 1.5, 2);
        WorstOff w = WorstOff.of(base, four, 500, 3);
        assertThat(w.groups()).isEqualTo(4);
        assertThat(w.paired()).isTrue();
        assertThat(w.rounds()).isEqualTo(20);
        assertThat(Math.exp(w.point()[2])).isCloseTo(1.5, within(0.03));
        assertThat(Math.exp(w.point()[0])).isCloseTo(1.0, within(0.03));
        assertThat(Math.exp(w.pooled())).isCloseTo(1.0, within(0.03)); // 1 of 4 slower: the median of all does not see it
        // unlabelled: one group, every task its own round, not paired
        WorstOff pooled = WorstOff.of(LevelSample.ofWall(1, base.wallSeconds()), LevelSample.ofWall(4, four.wallSeconds()),
                500, 3);
        assertThat(pooled.groups()).isEqualTo(1);
        assertThat(pooled.paired()).isFalse();
        assertThat(pooled.rounds()).isEqualTo(80);
    }

    @Test
    void theLargestOf64EqualWorkersIsNotTakenForASlowOne() {
        // 64 equal workers: the largest of their 64 estimates is above 1 by chance, and the interval knows it
        ThresholdDetector d = new ThresholdDetector();
        int falseWorse = 0;
        int ok = 0;
        for (long s = 1; s <= 20; s++) {
            LevelVerdict v = d.compare(level(1, 20, -1, 1, 100 + s), level(64, 20, -1, 1, s));
            assertThat(v.ratio()).isGreaterThan(1.0);
            falseWorse += v.ratioLow() > 1.0 ? 1 : 0;
            ok += v.verdict() == Verdict.OK ? 1 : 0;
        }
        assertThat(falseWorse).isLessThanOrEqualTo(1);
        assertThat(ok).isGreaterThanOrEqualTo(19);
        // one worker of 64 truly 7% slower: never OK
        for (long s = 1; s <= 10; s++) {
            assertThat(d.compare(level(1, 40, -1, 1, 200 + s), level(64, 40, 17, 1.07, s)).verdict())
                    .isNotEqualTo(Verdict.OK);
        }
    }
}
