package dev.corescope.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corescope.machine.MachineSpec;
import dev.corescope.sim.LevelSampler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The detector on level samples of simulated machines ({@link LevelSampler}: 100 ms spin tasks, two quota
 * periods under a quota, in rounds of P workers pinned as investigate pins them), and on invented samples.
 */
class ThresholdDetectorTest {

    /** A simulated machine's sampler: 100 ms tasks (200 ms under a quota), pinned workers. */
    static LevelSampler machine(MachineSpec spec) {
        return new LevelSampler(spec, Duration.ofMillis(spec.quotaCpus() == null ? 100 : 200), true);
    }

    /** {@code rounds} rounds of each of {@code levels}, one level after the other (not interleaved). */
    static List<LevelSample> levels(MachineSpec spec, int[] levels, int rounds) {
        LevelSampler sim = machine(spec);
        List<LevelSample> out = new ArrayList<>();
        for (int p : levels) {
            out.add(LevelSampler.sample(p, sim.rounds(p, rounds)));
        }
        return out;
    }

    /**
     * The worst-off worker's true ratio to one worker: per worker, the trimmed mean of 400 rounds over one
     * worker's trimmed mean of 400 rounds, the largest of them.
     */
    static double trueRatio(MachineSpec spec, int level) {
        LevelSampler big = machine(spec.seed(99));
        LevelSample base = LevelSampler.sample(1, big.rounds(1, 400));
        LevelSample l = LevelSampler.sample(level, big.rounds(level, 400));
        double b = trimmed(base.wallSeconds());
        double worst = 0;
        for (int w : java.util.Arrays.stream(l.worker()).distinct().toArray()) {
            double[] x = java.util.stream.IntStream.range(0, l.n()).filter(i -> l.worker()[i] == w)
                    .mapToDouble(i -> l.wallSeconds()[i]).toArray();
            worst = Math.max(worst, trimmed(x) / b);
        }
        return worst;
    }

    /** The 20% trimmed mean. */
    static double trimmed(double[] x) {
        double[] s = x.clone();
        java.util.Arrays.sort(s);
        int k = (int) Math.round(0.2 * s.length);
        return java.util.Arrays.stream(s, k, s.length - k).average().orElse(Double.NaN);
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private final ThresholdDetector detector = new ThresholdDetector(0.05, 0.95, 2000, 42L);

    private static final int[] POWERS = {1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 80, 96};

    // ---------------------------------------------------------------- machines of many sizes

    @ParameterizedTest(name = "{0} cores, full range 1..cores+2, seed {1}")
    @CsvSource({"1,1", "2,2", "3,3", "4,3", "8,4", "12,5", "16,5"})
    void findsCoreCountOnPlainMachineFullRange(int cores, long seed) {
        // up to 1/tolerance = 20 cores, one extra worker (P = C+1 -> ratio (C+1)/C) is more than 5% slower
        MachineSpec m = MachineSpec.cores(cores);
        ThresholdResult r = detector.detect(levels(m.seed(seed), LevelSampler.range(cores + 2), 20));
        assertThat(r.threshold()).isEqualTo(cores);
        assertThat(r.settled()).isTrue();
        assertThat(r.blockingLevel()).get().extracting(LevelVerdict::verdict).isEqualTo(Verdict.WORSE);
    }

    @ParameterizedTest(name = "{0} cores, sparse levels")
    @ValueSource(ints = {1, 2, 4, 8, 16, 64})
    void findsCoreCountWithSparseLevels(int cores) {
        MachineSpec m = MachineSpec.cores(cores);
        ThresholdResult r = detector.detect(levels(m.seed(1000 + cores), POWERS, 15));
        assertThat(r.threshold()).isEqualTo(cores);
        assertThat(r.settled()).isTrue();
        // every level up to the threshold is OK, the next measured one is WORSE
        r.levels().stream().filter(v -> v.workers() <= cores)
                .forEach(v -> assertThat(v.verdict()).as("level %d", v.workers()).isEqualTo(Verdict.OK));
    }

    @Test
    void runQueueWaitResolvesOneWorkerOnBigMachines() {
        // 64 cores, levels up to 70: at 65 and 66 workers only the tasks that share a CPU are slower (the median of
        // all tasks stays x1.00), and their extra time is run-queue wait; the worst-off worker sees them.
        MachineSpec m = MachineSpec.cores(64);
        ThresholdResult r = detector.detect(levels(m.seed(6), new int[] {1, 2, 32, 63, 64, 65, 66, 67, 70}, 10));
        assertThat(r.threshold()).isEqualTo(64);
        assertThat(r.level(64).orElseThrow().verdict()).isEqualTo(Verdict.OK);
        LevelVerdict v65 = r.level(65).orElseThrow();
        assertThat(v65.verdict()).isEqualTo(Verdict.WORSE);
        assertThat(v65.worst().pooledRatio()).isLessThan(1.02);
        assertThat(v65.ratio()).isGreaterThan(1.5);
        assertThat(v65.worst().cpu()).isZero();          // worker 1 or 65, the two pinned to CPU 0
        assertThat(v65.worst().extraWait()).isPositive();
        assertThat(r.level(66).orElseThrow().verdict()).isEqualTo(Verdict.WORSE);
        assertThat(r.level(70).orElseThrow().verdict()).isEqualTo(Verdict.WORSE);
    }

    @Test
    void withoutWaitDataTheToleranceIsTheResolution() {
        // with wall times only, the worst-off worker still resolves one worker past 64 CPUs: it needs no wait data
        List<LevelSample> wallOnly = levels(MachineSpec.cores(64).seed(6), new int[] {1, 63, 64, 65, 66}, 10).stream()
                .map(LevelSample::wallOnly).toList();
        ThresholdResult r = detector.detect(wallOnly);
        assertThat(r.threshold()).isEqualTo(64);
        assertThat(r.level(65).orElseThrow().verdict()).isEqualTo(Verdict.WORSE);
        // a quota just below an integer slows every task alike: 4 workers on 3.9 CPUs are 2.6% slower, inside the
        // tolerance. Without wait data the tolerance is the resolution (4 is OK); with it, the slowdown is time-slicing
        // and measurably there, so 4 is WORSE; and the CPUs' cap (3.9 rounded down) says 3 whatever the levels say.
        List<LevelSample> quota = levels(MachineSpec.cores(8).quota(3.9).seed(6), LevelSampler.range(5), 20);
        ThresholdResult blind = detector.detect(quota.stream().map(LevelSample::wallOnly).toList());
        assertThat(blind.threshold()).isEqualTo(4);
        assertThat(blind.level(4).orElseThrow().worst().pooledRatio()).isBetween(1.01, 1.05);
        ThresholdResult seen = detector.detect(quota);
        assertThat(seen.threshold()).isEqualTo(3);
        assertThat(seen.level(4).orElseThrow().decidedBy()).isEqualTo("run-queue wait");
        ThresholdResult capped = detector.capped(3, "a CPU quota of 3.90 CPUs")
                .detect(quota.stream().map(LevelSample::wallOnly).toList());
        assertThat(capped.threshold()).isEqualTo(3);
        assertThat(capped.capDecided()).isTrue();
        assertThat(capped.cap().measured()).isEqualTo(4);
        assertThat(capped.knee().workers()).isLessThanOrEqualTo(3);
    }

    @Test
    void nonContiguousLevelsThresholdIsLastOkBeforeFirstWorse() {
        // measured 1,2,3,4,8 on a 6-core machine -> 1..4 OK and 8 WORSE -> threshold 4 (5, 6 never measured)
        MachineSpec m = MachineSpec.cores(6);
        ThresholdResult r = detector.detect(levels(m.seed(7), new int[] {1, 2, 3, 4, 8}, 20));
        assertThat(r.threshold()).isEqualTo(4);
        assertThat(r.level(8)).get().extracting(LevelVerdict::verdict).isEqualTo(Verdict.WORSE);
    }

    @Test
    void smtSiblingsDoNotCountAsCores() {
        // 4 physical cores, 8 logical: a 5th worker shares core 0 with worker 1; both run x1.25 of CPU time while
        // the other 3 are untouched and nobody waits (the median of all tasks moves 2%): the worst-off worker sees it
        MachineSpec m = MachineSpec.cores(4).smt(1.25);
        ThresholdResult r = detector.detect(levels(m.seed(11), LevelSampler.range(10), 20));
        assertThat(r.threshold()).isEqualTo(4);
        LevelVerdict five = r.level(5).orElseThrow();
        assertThat(five.verdict()).isEqualTo(Verdict.WORSE);
        assertThat(five.ratio()).isBetween(1.2, 1.3);
        assertThat(five.worst().extraWait()).isLessThan(0.01);
    }

    @ParameterizedTest(name = "quota {0} CPUs -> threshold {1}")
    @CsvSource({"1.5,1", "2.5,2", "3.5,3", "4.0,4"})
    void fractionalCpuQuota(double quota, int expected) {
        MachineSpec m = MachineSpec.cores(16).quota(quota);
        ThresholdResult r = detector.detect(levels(m.seed(13), LevelSampler.range(8), 20));
        assertThat(r.threshold()).isEqualTo(expected);
    }

    @Test
    void busyCoresReduceTheThreshold() {
        MachineSpec m = MachineSpec.cores(4).busy(3);
        ThresholdResult r = detector.detect(levels(m.seed(17), LevelSampler.range(6), 20));
        assertThat(r.threshold()).isEqualTo(3);
    }

    @Test
    void levelsMayBeGivenInAnyOrder() {
        MachineSpec m = MachineSpec.cores(8);
        List<LevelSample> levels = new ArrayList<>(levels(m.seed(19), POWERS, 15));
        ThresholdResult sorted = detector.detect(levels);
        Collections.shuffle(levels, new Random(3));
        ThresholdResult shuffled = detector.detect(levels);
        assertThat(shuffled.threshold()).isEqualTo(8);
        assertThat(shuffled.levels()).isEqualTo(sorted.levels());   // deterministic, order-independent
        assertThat(shuffled.levels()).extracting(LevelVerdict::workers).isSorted();
    }

    // ---------------------------------------------------------------- noise

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void noisyButHealthyLevelsStayOk(long seed) {
        MachineSpec m = MachineSpec.cores(8).noise(0.03);
        ThresholdResult r = detector.detect(levels(m.seed(seed), LevelSampler.range(8), 30));
        assertThat(r.threshold()).isEqualTo(8);
        assertThat(r.levels()).allSatisfy(v -> {
            assertThat(v.verdict()).isEqualTo(Verdict.OK);
            assertThat(v.cv()).isBetween(0.01, 0.06);
        });
    }

    /** Level 4 of {@code levels} (20 rounds) with 8 of its 80 tasks, two of each worker's, hit by a 3x stall. */
    private static List<LevelSample> stalled(List<LevelSample> levels) {
        List<LevelSample> out = new ArrayList<>(levels);
        LevelSample four = out.get(2);
        double[] wall = four.wallSeconds();
        int[] worker = four.worker();
        int[] seen = new int[4];
        for (int i = 0; i < wall.length; i++) {
            int w = worker[i];
            if (seen[w]++ == 3 + 2 * w || seen[w] == 13 - 2 * w) {
                wall[i] *= 3;
            }
        }
        out.set(2, new LevelSample(4, wall, four.cpuSeconds(), four.waitSeconds(), four.worker(), four.round(),
                four.cpu()));
        return out;
    }

    @Test
    void occasionalSlowTasksDoNotFlipAHealthyLevel() {
        // heavy tail: 8 of 80 tasks at level 4 hit a 3x stall (another process waking up), 2 of each worker's 20;
        // each worker's trimmed mean leaves them out as a median would, the mean does not
        MachineSpec m = MachineSpec.cores(8);
        List<LevelSample> levels = stalled(levels(m.seed(23), new int[] {1, 2, 4}, 20));
        ThresholdResult r = detector.detect(levels);
        assertThat(r.threshold()).isEqualTo(4);
        assertThat(r.level(4).orElseThrow().mean() / r.level(1).orElseThrow().mean()).isGreaterThan(1.15);
        assertThat(Outliers.tukey(levels.get(2).wallSeconds())).hasSize(8);
    }

    @Test
    void borderlineLevelIsUnsettledWithFewSamplesAndSettlesWithMore() {
        // level 2 is truly 8% slower (tolerance 5%), noise CV 6%
        MachineSpec m = MachineSpec.cores(8).noise(0.06);
        LevelSampler sim = machine(m.seed(29));
        LevelSample base = sim.level(1, 8);
        LevelSample few = scaled(sim.level(1, 8), 2, 1.08);
        LevelVerdict v = detector.compare(base, few);
        assertThat(v.verdict()).isEqualTo(Verdict.UNSETTLED);
        assertThat(detector.needsMoreSamples(v)).isTrue();
        assertThat(v.ratioLow()).isLessThanOrEqualTo(1.05);
        assertThat(v.ratioHigh()).isGreaterThan(1.05);

        LevelSample bigBase = sim.level(1, 400);
        LevelSample many = scaled(sim.level(1, 400), 2, 1.08);
        LevelVerdict settled = detector.compare(bigBase, many);
        assertThat(settled.verdict()).isEqualTo(Verdict.WORSE);
        assertThat(settled.settled()).isTrue();
        assertThat(detector.needsMoreSamples(settled)).isFalse();
    }

    @Test
    void healthyButNoisyLevelIsUnsettledWithFewSamplesAndOkWithMore() {
        MachineSpec m = MachineSpec.cores(8).noise(0.08);
        LevelSampler sim = machine(m.seed(31));
        LevelVerdict few = detector.compare(sim.level(1, 6), sim.level(2, 6));
        assertThat(few.verdict()).isEqualTo(Verdict.UNSETTLED);
        LevelVerdict many = detector.compare(sim.level(1, 300), sim.level(2, 300));
        assertThat(many.verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void tooFewSamplesAreAlwaysUnsettled() {
        LevelVerdict v = detector.compare(LevelSample.ofWall(1, 0.1, 0.1, 0.1, 0.1, 0.1),
                LevelSample.ofWall(2, 0.1, 0.1, 0.1));
        assertThat(v.n()).isEqualTo(3);
        assertThat(v.verdict()).isEqualTo(Verdict.UNSETTLED);
    }

    // ---------------------------------------------------------------- decide mode & search helper

    @Test
    void unsettledLevelStopsDetectAndIsNotOkWhenTheBudgetEnds() {
        MachineSpec m = MachineSpec.cores(8).noise(0.08);
        // levels 1..3 well measured and healthy; level 4 healthy but only 6 tasks; level 5 truly 2x slower
        LevelSampler sim = machine(m.seed(37));
        List<LevelSample> levels = List.of(sim.level(1, 200), sim.level(2, 200), sim.level(3, 200),
                first(sim.level(4, 6), 6), scaled(sim.level(1, 200), 5, 2.0));
        ThresholdResult strict = detector.detect(levels);
        assertThat(strict.level(4).orElseThrow().verdict()).isEqualTo(Verdict.UNSETTLED);
        assertThat(strict.threshold()).isEqualTo(3);
        assertThat(strict.settled()).isFalse();
        assertThat(detector.levelsNeedingSamples(strict)).containsExactly(4);

        // an interval still unsettled at the budget's end is not OK, whatever its point estimate
        ThresholdResult decided = detector.decide(levels);
        LevelVerdict v4 = decided.level(4).orElseThrow();
        assertThat(v4.ratio()).isLessThanOrEqualTo(1.05);
        assertThat(v4.verdict()).isEqualTo(Verdict.WORSE);
        assertThat(v4.settled()).isFalse();
        assertThat(v4.decidedBy()).isEqualTo("budget");
        assertThat(decided.threshold()).isEqualTo(3);
        assertThat(decided.settled()).isFalse();
        assertThat(decided.level(5).orElseThrow().verdict()).isEqualTo(Verdict.WORSE);
    }

    @Test
    void decideTurnsAnUnsettledSlowLevelIntoWorse() {
        MachineSpec m = MachineSpec.cores(8).noise(0.08);
        LevelSampler sim = machine(m.seed(42));
        List<LevelSample> levels = List.of(sim.level(1, 100), scaled(sim.level(1, 6), 2, 1.10));
        ThresholdResult strict = detector.detect(levels);
        assertThat(strict.level(2).orElseThrow().verdict()).isEqualTo(Verdict.UNSETTLED);
        ThresholdResult decided = detector.decide(levels);
        assertThat(decided.level(2).orElseThrow().verdict()).isEqualTo(Verdict.WORSE);
        assertThat(decided.threshold()).isEqualTo(1);
    }

    @Test
    void levelsAboveASettledWorseLevelNeedNoSamples() {
        MachineSpec m = MachineSpec.cores(2);
        List<LevelSample> levels = new ArrayList<>(levels(m.seed(43), new int[] {1, 2, 3}, 20));
        levels.add(LevelSample.ofWall(4, 0.3, 0.3));            // too few samples -> UNSETTLED, but irrelevant
        ThresholdResult r = detector.detect(levels);
        assertThat(r.threshold()).isEqualTo(2);
        assertThat(r.settled()).isTrue();
        assertThat(r.level(4).orElseThrow().verdict()).isEqualTo(Verdict.UNSETTLED);
        assertThat(detector.levelsNeedingSamples(r)).isEmpty();
    }

    // ---------------------------------------------------------------- the interval itself

    @Test
    void ratioIntervalContainsTheTrueRatio() {
        MachineSpec m = MachineSpec.cores(4).noise(0.05);
        ThresholdResult r = detector.detect(levels(m.seed(47), new int[] {1, 2, 4, 5, 6, 8}, 25));
        for (LevelVerdict v : r.levels()) {
            if (v.workers() == 1) {
                continue;
            }
            assertThat(trueRatio(m, v.workers()))
                    .as("level %d", v.workers()).isBetween(v.ratioLow(), v.ratioHigh());
            assertThat(v.ratio()).isBetween(v.ratioLow(), v.ratioHigh());
        }
    }

    @Test
    void ratioIntervalHasRoughlyNominalCoverage() {
        // 200 independent experiments of a level truly 1.2x slower: the 95% interval should cover 1.2
        // in about 95% of them (percentile bootstrap of medians is known to be a bit liberal at small n)
        ThresholdDetector d = new ThresholdDetector(0.05, 0.95, 1000, 5L);
        MachineSpec m = MachineSpec.cores(8).noise(0.05);
        LevelSampler sim = machine(m.seed(53));
        int covered = 0;
        int trials = 200;
        for (int i = 0; i < trials; i++) {
            LevelVerdict v = d.compare(sim.level(1, 20), scaled(sim.level(1, 20), 2, 1.2));
            if (v.ratioLow() <= 1.2 && 1.2 <= v.ratioHigh()) {
                covered++;
            }
        }
        assertThat(covered / (double) trials).isBetween(0.88, 1.0);
    }

    @Test
    void baselineIsOkByDefinitionAndShowsTheNoiseFloor() {
        MachineSpec m = MachineSpec.cores(2).noise(0.03);
        ThresholdResult r = detector.detect(levels(m.seed(59), new int[] {1, 2}, 20));
        LevelVerdict base = r.level(1).orElseThrow();
        assertThat(base.verdict()).isEqualTo(Verdict.OK);
        assertThat(base.settled()).isTrue();
        assertThat(base.ratio()).isEqualTo(1.0);
        assertThat(base.ratioLow()).isLessThan(1.0);
        assertThat(base.ratioHigh()).isGreaterThan(1.0).isLessThan(1.05);
        assertThat(base.median()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(0.005));
    }

    @Test
    void deterministicForAGivenSeed() {
        List<LevelSample> levels = levels(MachineSpec.cores(4).seed(61), POWERS, 12);
        assertThat(new ThresholdDetector(0.05, 0.95, 2000, 7L).detect(levels))
                .isEqualTo(new ThresholdDetector(0.05, 0.95, 2000, 7L).detect(levels));
    }

    @Test
    void resultCarriesKneeAndUsl() {
        MachineSpec m = MachineSpec.cores(8);
        ThresholdResult r = detector.detect(levels(m.seed(67), POWERS, 15));
        assertThat(r.knee().workers()).isEqualTo(8);
        assertThat(r.usl()).isNotNull();
    }

    // ---------------------------------------------------------------- invalid input

    @Test
    void rejectsMissingBaselineAndDuplicates() {
        assertThatThrownBy(() -> detector.detect(List.of(LevelSample.ofWall(2, 0.1, 0.1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> detector.detect(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> detector.detect(List.of(LevelSample.ofWall(1, 0.1), LevelSample.ofWall(1, 0.1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> detector.detect(List.of(LevelSample.ofWall(1, Double.NaN))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyLevelIsUnsettledNotAnError() {
        List<LevelSample> levels = new ArrayList<>(levels(MachineSpec.cores(4).seed(71), new int[] {1, 2}, 20));
        levels.add(LevelSample.ofWall(3));
        ThresholdResult r = detector.detect(levels);
        assertThat(r.level(3).orElseThrow().verdict()).isEqualTo(Verdict.UNSETTLED);
        assertThat(r.threshold()).isEqualTo(2);
        assertThat(detector.decide(levels).level(3).orElseThrow().verdict()).isEqualTo(Verdict.WORSE);
    }

    @Test
    void distributionModeCountsTheStallsTheMedianIgnores() {
        // the same heavy tail as above: a workload's threshold must not keep a level whose mean it inflates
        MachineSpec m = MachineSpec.cores(8);
        List<LevelSample> levels = stalled(levels(m.seed(23), new int[] {1, 2, 4}, 20));
        ThresholdDetector workload = detector.judgingDistributions(1.3);
        ThresholdResult r = workload.decide(levels);
        assertThat(r.threshold()).isEqualTo(2);
        LevelVerdict four = r.level(4).orElseThrow();
        assertThat(four.verdict()).isEqualTo(Verdict.WORSE);
        assertThat(four.distribution()).isNotNull();
        assertThat(four.distribution().mean().point()).isGreaterThan(1.15);
        assertThat(r.level(2).orElseThrow().verdict()).isEqualTo(Verdict.OK);
        assertThat(r.level(1).orElseThrow().distribution()).isNull();
    }

    @Test
    void distributionModeFailsALevelThatIsOnlyWider() {
        // 2 workers: same median, 3x the spread (GC pauses of a shared heap hit random tasks)
        Random rng = new Random(41);
        double[] one = new double[40];
        double[] two = new double[40];
        for (int i = 0; i < 40; i++) {
            one[i] = 0.015 * (1 + 0.02 * rng.nextGaussian());
            two[i] = 0.015 * (1 + 0.06 * rng.nextGaussian());
        }
        List<LevelSample> levels = List.of(LevelSample.ofWall(1, one), LevelSample.ofWall(2, two));
        assertThat(detector.decide(levels).threshold()).as("the median alone sees nothing").isEqualTo(2);
        ThresholdResult r = detector.judgingDistributions(1.3).decide(levels);
        assertThat(r.threshold()).isEqualTo(1);
        assertThat(r.level(2).orElseThrow().distribution().reason()).contains("spread");
    }

    @Test
    void distributionModeKeepsCleanLevels() {
        // 40 rounds a level, one look: over seeds 1..20, 19 find 4; in seed 9 level 2's sd ratio straddles the limit
        // (a workload's distribution is judged by the whole spread, whose interval is wide) and, unsettled at the
        // budget's end, it is not OK
        List<LevelSample> levels = levels(MachineSpec.cores(4).seed(1), LevelSampler.range(6), 40);
        assertThat(detector.judgingDistributions(1.3).decide(levels).threshold()).isEqualTo(4);
    }

    /** The first {@code n} samples of {@code s} (a sampler measures whole rounds). */
    static LevelSample first(LevelSample s, int n) {
        return new LevelSample(s.workers(), java.util.Arrays.copyOf(s.wallSeconds(), n),
                java.util.Arrays.copyOf(s.cpuSeconds(), n), java.util.Arrays.copyOf(s.waitSeconds(), n));
    }

    /** The wall times of {@code s} multiplied by {@code factor}, relabelled as level {@code workers}. */
    static LevelSample scaled(LevelSample s, int workers, double factor) {
        double[] w = s.wallSeconds();
        for (int i = 0; i < w.length; i++) {
            w[i] *= factor;
        }
        return new LevelSample(workers, w, s.cpuSeconds(), s.waitSeconds());
    }
}
