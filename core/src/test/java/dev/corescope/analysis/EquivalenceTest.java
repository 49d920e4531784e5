package dev.corescope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.analysis.BlockedSamples.Block;
import dev.corescope.analysis.Equivalence.Design;
import dev.corescope.analysis.Equivalence.Margins;
import dev.corescope.analysis.Equivalence.EquivalenceVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The equivalence test on invented blocked samples: each verdict, the A/A band, one-sided blocks, determinism. */
class EquivalenceTest {
    /** {@code blocks} blocks of {@code perBlock} level samples and {@code controls} one-worker samples, lognormal CV 3%. */
    static BlockedSamples samples(long seed, int blocks, int perBlock, int controls, double slower, double tailRate) {
        SplittableRandom rng = new SplittableRandom(seed);
        double sigma = Math.sqrt(Math.log(1 + 0.03 * 0.03));
        List<Block> out = new ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            double[] level = new double[perBlock];
            int[] ls = new int[perBlock];
            for (int i = 0; i < perBlock; i++) {
                ls[i] = i % 4;
                level[i] = (1 + ls[i]) * slower * Math.exp(sigma * gaussian(rng)) * (rng.nextDouble() < tailRate ? 3 : 1);
            }
            double[] alone = new double[controls];
            int[] as = new int[controls];
            for (int i = 0; i < controls; i++) {
                as[i] = i % 4;
                alone[i] = (1 + as[i]) * Math.exp(sigma * gaussian(rng));
            }
            out.add(new Block(level, ls, alone, as));
        }
        return new BlockedSamples(out);
    }

    static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    @Test
    void identicalLevelsAreEquivalentWithEveryIntervalInsideItsMargin() {
        Equivalence e = Equivalence.test(samples(1, 8, 40, 5, 1.0, 0), Margins.DEFAULT, Design.DEFAULT, 3);
        assertThat(e.verdict()).as(e.reason()).isEqualTo(EquivalenceVerdict.EQUIVALENT);
        assertThat(e.location().low()).isGreaterThanOrEqualTo(1 / e.location().margin());
        assertThat(e.location().high()).isLessThanOrEqualTo(e.location().margin());
        assertThat(e.location().margin()).isGreaterThanOrEqualTo(1.03);
        assertThat(e.spread().high()).isLessThanOrEqualTo(e.spread().margin());
        assertThat(e.tail().high()).isLessThanOrEqualTo(e.tail().margin());
        assertThat(e.levelCount()).isEqualTo(320);
        assertThat(e.aloneCount()).isEqualTo(40);
        assertThat(e.blocks()).isEqualTo(8);
    }

    @Test
    void aLevelTenPercentSlowerIsDifferentByItsLocation() {
        Equivalence e = Equivalence.test(samples(2, 8, 40, 5, 1.10, 0), Margins.DEFAULT, Design.DEFAULT, 3);
        assertThat(e.verdict()).isEqualTo(EquivalenceVerdict.DIFFERENT);
        assertThat(e.reason()).startsWith("beyond the margin: location ×1.");
        assertThat(e.clearlyDifferent(3)).isTrue();
    }

    @Test
    void frequentStallsOnlyInTheLevelAreDifferentByTheTail() {
        Equivalence e = Equivalence.test(samples(3, 10, 60, 6, 1.0, 0.08), Margins.DEFAULT, Design.DEFAULT, 3);
        assertThat(e.verdict()).isEqualTo(EquivalenceVerdict.DIFFERENT);
        assertThat(e.reason()).contains("tail +");
        assertThat(e.location().high()).as("the trimmed mean ignores the stalls").isLessThan(1.03);
        assertThat(e.levelTail()).isBetween(0.04, 0.12);
        assertThat(e.aloneTail()).isZero();
    }

    @Test
    void fewBlocksNeedMoreData() {
        Equivalence e = Equivalence.test(samples(4, 2, 40, 5, 1.0, 0), Margins.DEFAULT, Design.DEFAULT, 3);
        assertThat(e.verdict()).isEqualTo(EquivalenceVerdict.NEED_MORE_DATA);
        assertThat(e.reason()).startsWith("fewer than 3 blocks");
    }

    @Test
    void aSeedGivesTheSameResult() {
        BlockedSamples s = samples(5, 6, 30, 4, 1.0, 0.01);
        assertThat(Equivalence.test(s, Margins.DEFAULT, Design.DEFAULT, 9))
                .isEqualTo(Equivalence.test(s, Margins.DEFAULT, Design.DEFAULT, 9));
    }

    @Test
    void oneSidedBlocksAsJmhForksAreResampledApart() {
        // forks as blocks: 8 parallel forks, 8 solo forks, 30 iterations each (the JMH runner's shape)
        SplittableRandom rng = new SplittableRandom(6);
        List<Block> forks = new ArrayList<>();
        for (int f = 0; f < 16; f++) {
            double forkShift = 1 + 0.005 * gaussian(rng);
            double[] it = new double[30];
            for (int i = 0; i < it.length; i++) {
                it[i] = forkShift * (1 + 0.01 * gaussian(rng));
            }
            forks.add(f % 2 == 0 ? Block.of(it, null) : Block.of(null, it));
        }
        Design kj = new Design(0.95, 2000, Equivalence.Resampling.BLOCKS_THEN_SAMPLES, 3, 5);
        Equivalence e = Equivalence.test(new BlockedSamples(forks), Margins.DEFAULT, kj, 1);
        assertThat(e.verdict()).as(e.toString()).isEqualTo(EquivalenceVerdict.EQUIVALENT);
        assertThat(e.blocks()).isEqualTo(16);
        assertThat(e.levelCount()).isEqualTo(240);
        assertThat(e.location().aaLow()).as("an A/A band from solo forks against solo forks").isFinite();
    }

    @Test
    void aNoisyOneWorkerWidensTheMarginsToItsOwnABand() {
        // one worker's blocks drift by ±8% between blocks: the A/A band is wide, so is the margin
        SplittableRandom rng = new SplittableRandom(7);
        List<Block> blocks = new ArrayList<>();
        for (int b = 0; b < 8; b++) {
            double drift = b % 2 == 0 ? 1.08 : 0.92;
            double[] level = new double[30];
            double[] alone = new double[5];
            for (int i = 0; i < level.length; i++) {
                level[i] = 1 + 0.01 * gaussian(rng);
            }
            for (int i = 0; i < alone.length; i++) {
                alone[i] = drift * (1 + 0.01 * gaussian(rng));
            }
            blocks.add(Block.of(level, alone));
        }
        Equivalence e = Equivalence.test(new BlockedSamples(blocks), Margins.DEFAULT, Design.DEFAULT, 2);
        assertThat(e.location().margin()).isGreaterThan(1.10);
        assertThat(e.location().aaHigh()).isGreaterThan(1.10);
    }

    @Test
    void aFloorUnderTheFenceKeepsAModestlySlowSampleOutOfTheTail() {
        // four blocks of 2 + 2 samples 1% apart; one level sample 10% slow: beyond Q3 + 3 IQR of so few samples
        List<Block> blocks = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            blocks.add(Block.of(new double[] {1.00, b == 0 ? 1.10 : 1.01}, new double[] {1.00, 1.01}));
        }
        BlockedSamples samples = new BlockedSamples(blocks);
        Design plain = new Design(0.95, 500, Equivalence.Resampling.BLOCKS_THEN_SAMPLES, 3, 5);
        assertThat(Equivalence.test(samples, Margins.DEFAULT, plain, 1).levelTail()).isPositive();
        Equivalence floored = Equivalence.test(samples, Margins.DEFAULT, new Design(0.95, 500,
                Equivalence.Resampling.BLOCKS_THEN_SAMPLES, 3, 5, 1.5), 1);
        assertThat(floored.levelTail()).isZero();
        assertThat(floored.fence()).isGreaterThanOrEqualTo(1.5);
    }
}
