package dev.corescope.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.corescope.analysis.BudgetEstimate;
import dev.corescope.analysis.SizeStats;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssessStatsTest {
    @Test
    void outliersAreFlaggedByRepeatAndKeptInTheStatistics() {
        double[] t = {1.0, 1.1, 0.9, 1.0, 1.05, 0.95, 9.0};
        int[] repeats = {0, 1, 2, 3, 4, 5, 6};
        SizeStats s = SizeStats.of("x", 100, t, repeats, 1);
        assertThat(s.count()).isEqualTo(7);
        assertThat(s.failed()).isEqualTo(1);
        assertThat(s.outlierRepeats()).containsExactly(6);
        assertThat(s.max()).isEqualTo(9.0);
        assertThat(s.mean()).isCloseTo(15.0 / 7, within(1e-12));
        assertThat(s.ciLow()).isLessThan(s.mean());
        assertThat(s.ciHigh()).isGreaterThan(s.mean());
    }

    @Test
    void budgetEstimateFollowsThePowerLawOfThePilot() {
        double[] n = {10, 20, 40};
        double[] t = {1e-3, 8e-3, 64e-3}; // exactly cubic: t = 1e-6 n^3
        BudgetEstimate e = BudgetEstimate.of(n, t, List.of(10L, 20L, 40L, 80L), 10, 2, 0, 0);
        assertThat(e.exponent()).isCloseTo(3.0, within(1e-9));
        double expected = 10 * (1e-3 + 8e-3 + 64e-3 + 512e-3) / 2;
        assertThat(e.seconds()).isCloseTo(expected, within(1e-9));
        BudgetEstimate two = BudgetEstimate.of(new double[] {10, 20}, new double[] {1e-3, 8e-3}, List.of(10L, 20L), 1, 1, 0, 1);
        assertThat(two.exponent()).isCloseTo(3.0, within(1e-9));
        assertThat(two.seconds()).isCloseTo(2 * 9e-3, within(1e-12));
    }
}
