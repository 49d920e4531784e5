package dev.corescope.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequentialRatioTest {
    @Test
    void aRatioWithinTheCpusIsASpeedup() {
        assertThat(SequentialRatio.flag(1.97, 2, 0.304, 0.304)).isEmpty();
    }

    @Test
    void aRatioAboveTheCpusIsFlaggedWithItsCauseNeverPrintedAsASpeedup() {
        // the lab's sweep on 2 CPUs: 4 tasks sequential 1.283 s (0.321 s a task), on 4 workers 0.619 s
        String s = SequentialRatio.flag(1.283 / 0.619, 2, 0.321, 0.304).orElseThrow();
        assertThat(s).startsWith("FLAGGED, not a speedup: 2.07x").contains("more than the 2 CPUs")
                .contains("0.321 s each against 0.304 s").doesNotContain("faster than sequential");
        assertThat(SequentialRatio.flag(3.1, 1.5, 0.3, Double.NaN).orElseThrow()).contains("1.50 CPUs")
                .contains("0.300 s each");
    }
}
