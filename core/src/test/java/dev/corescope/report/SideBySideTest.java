package dev.corescope.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.analysis.SizeStats;
import dev.corescope.experiment.Assessment.AlgorithmResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The side-by-side table: ratios to the fastest, and a winner only where the intervals are apart. */
class SideBySideTest {
    private static SizeStats stats(double mean, double low, double high) {
        return new SizeStats("x", 10, 5, 0, mean, 0.1 * mean, 0.1, mean, low, high, low, high, List.of());
    }

    @Test
    void oneRowPerSizeWithEachAlgorithmsMeanAndRatio() {
        var a = AssessReportsTest.assessment(List.of(
                AssessReportsTest.result("fast", AssessReportsTest.records("fast", 1)),
                AssessReportsTest.result("slow", AssessReportsTest.records("slow", 3))));
        assertThat(SideBySide.applies(a)).isTrue();
        Table t = SideBySide.table(a);
        assertThat(t.headers()).containsExactly("size", "fast ms", "slow ms", "fastest");
        assertThat(t.rows()).hasSize(AssessReportsTest.SIZES.size());
        assertThat(t.rows()).allSatisfy(r -> {
            assertThat(r.get(1)).endsWith("×1.00");
            assertThat(r.get(2)).endsWith("×3.00");
        });
        assertThat(SideBySide.applies(AssessReportsTest.assessment(List.of(
                AssessReportsTest.result("alone", AssessReportsTest.records("alone", 1)))))).isFalse();
    }

    @Test
    void aFastestIsNamedOnlyWhenItsIntervalLiesBelowEveryOther() {
        List<AlgorithmResult> algs = List.of(AssessReportsTest.result("a", AssessReportsTest.records("a", 1)),
                AssessReportsTest.result("b", AssessReportsTest.records("b", 1)));
        assertThat(SideBySide.fastest(algs, List.of(stats(1.0, 0.9, 1.1), stats(2.0, 1.8, 2.2)))).isEqualTo("a");
        assertThat(SideBySide.fastest(algs, List.of(stats(2.0, 1.8, 2.2), stats(1.0, 0.9, 1.1)))).isEqualTo("b");
        assertThat(SideBySide.fastest(algs, List.of(stats(1.0, 0.8, 1.9), stats(2.0, 1.8, 2.2))))
                .isEqualTo(SideBySide.OVERLAP);
        assertThat(SideBySide.fastest(algs, List.of(stats(1.0, Double.NaN, Double.NaN), stats(2.0, 1.8, 2.2))))
                .isEqualTo(SideBySide.OVERLAP);
    }
}
