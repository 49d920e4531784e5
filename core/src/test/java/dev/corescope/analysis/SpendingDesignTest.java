package dev.corescope.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpendingDesignTest {
    private final SpendingDesign looks = SpendingDesign.of(40, 0.95);

    @Test
    void looksAfterFiveTenTwentyAndFortyRounds() {
        assertThat(looks.schedule()).containsExactly(5, 10, 20, 40);
        assertThat(new SpendingDesign(5, 30, 0.025).schedule()).containsExactly(5, 10, 20, 30);
        assertThat(looks.next(0)).isEqualTo(5);
        assertThat(looks.next(5)).isEqualTo(10);
        assertThat(looks.next(12)).isEqualTo(20);
        assertThat(looks.next(40)).isEqualTo(40);
        assertThat(looks.last(40)).isTrue();
        assertThat(looks.last(39)).isFalse();
    }

    @Test
    void theLooksSpendNoMoreThanAlphaInAll() {
        double sum = 0;
        for (int r : looks.schedule()) {
            double a = looks.levelAt(r);
            assertThat(a).isPositive();
            sum += a;
        }
        assertThat(sum).isCloseTo(0.025, within(1e-12));
        // the power spending function: strict early, most of alpha at the end
        assertThat(looks.levelAt(5)).isCloseTo(0.025 / 64, within(1e-12));
        assertThat(looks.levelAt(40)).isCloseTo(0.025 * 0.75, within(1e-12));
        assertThat(looks.levelAt(4)).isZero();                  // before the first look nothing is spent
        assertThat(looks.levelAt(15)).isEqualTo(looks.levelAt(10)); // between looks: the last look's level
        assertThat(SpendingDesign.single(0.95)).isCloseTo(0.025, within(1e-12));
    }

    @Test
    void rejectsAnImpossibleDesign() {
        assertThatThrownBy(() -> new SpendingDesign(1, 40, 0.025)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SpendingDesign(10, 5, 0.025)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SpendingDesign(5, 40, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBudgetGrowsWithTheWorkersWhoseWorstIsJudged() {
        assertThat(looks.forWorkers(1)).isEqualTo(looks);
        assertThat(looks.forWorkers(2)).isEqualTo(looks);
        assertThat(looks.forWorkers(16).max()).isBetween(74, 78);
        assertThat(looks.forWorkers(64).max()).isBetween(92, 98);
        assertThat(looks.forWorkers(128).max()).isBetween(100, 108);
        assertThat(looks.forWorkers(64).schedule()).startsWith(5, 10, 20, 40, 80);
        double sum = looks.forWorkers(64).schedule().stream().mapToDouble(r -> looks.forWorkers(64).levelAt(r)).sum();
        assertThat(sum).isCloseTo(0.025, within(1e-12));
    }
}
