package dev.corescope.experiment.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.experiment.jmh.JmhCertifier.Block;
import dev.corescope.experiment.jmh.JmhCertifier.Evidence;
import dev.corescope.experiment.jmh.JmhCertifier.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The interim test on invented iteration scores. */
class InterimCertifierTest {
    private static Block block(String id, int width, int others, double mean, double cv, long seed) {
        Random r = new Random(seed);
        List<Double> s = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            s.add(mean * (1 + cv * r.nextGaussian()));
        }
        return new Block(id, width, others, others, s);
    }

    private static Outcome judge(double parallelMean, double cv, boolean throughput) {
        Evidence e = new Evidence("b", throughput, List.of(block("s1", 2, 0, 100, cv, 1), block("s2", 2, 0, 100, cv, 2)),
                List.of(block("p1", 2, 1, parallelMean, cv, 3)));
        return InterimCertifier.DEFAULT.judge(2, List.of(e)).level();
    }

    @Test
    void theSameScoresAreCertified() {
        assertThat(judge(100, 0.005, true)).isEqualTo(Outcome.CERTIFIED);
        assertThat(judge(100.5, 0.005, false)).isEqualTo(Outcome.CERTIFIED);
    }

    @Test
    void aClearSlowdownIsNotCertifiedWhicheverTheScoreDirection() {
        assertThat(judge(80, 0.005, true)).isEqualTo(Outcome.NOT_CERTIFIED); // throughput down 20%
        assertThat(judge(120, 0.005, false)).isEqualTo(Outcome.NOT_CERTIFIED); // time per op up 20%
    }

    @Test
    void noisyOrIncompleteEvidenceNeedsMoreData() {
        assertThat(judge(97, 0.05, true)).isEqualTo(Outcome.MORE_DATA);
        Evidence onlySolo = new Evidence("b", true, List.of(block("s1", 2, 0, 100, 0.01, 1)), List.of());
        assertThat(InterimCertifier.DEFAULT.judge(2, List.of(onlySolo)).level()).isEqualTo(Outcome.MORE_DATA);
        // a fork that ran alone at times still counts; one at another level does not
        Evidence otherLevel = new Evidence("b", true, List.of(block("s1", 2, 0, 100, 0.01, 1)),
                List.of(block("p", 4, 3, 100, 0.01, 2)));
        assertThat(InterimCertifier.DEFAULT.judge(2, List.of(otherLevel)).level()).isEqualTo(Outcome.MORE_DATA);
    }

    @Test
    void theMarginWidensToTheAaNoise() {
        // two solo forks 6% apart: a parallel fork 1% off is within the machine's own noise (and 3% tolerance alone
        // would not hold its interval, which the forks' spread widens)
        Evidence e = new Evidence("b", false, List.of(block("s1", 2, 0, 97, 0.001, 1), block("s2", 2, 0, 103, 0.001, 2)),
                List.of(block("p", 2, 1, 101, 0.001, 3)));
        JmhCertifier.Verdict v = InterimCertifier.DEFAULT.judge(2, List.of(e));
        assertThat(v.benchmarks().get(0).margin()).isGreaterThan(0.06);
        assertThat(v.level()).isEqualTo(Outcome.CERTIFIED);
    }
}
