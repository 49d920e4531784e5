package dev.corescope.experiment.jmh;

import dev.corescope.analysis.Equivalence;
import java.util.List;

/**
 * The test that certifies a level of {@code corescope jmh}: whether iterations measured beside others at the level
 * score as iterations measured alone. Its samples are iteration scores, its blocks the forks they came from (a fork
 * is one JVM, the independent unit), its strata the benchmark results. Fed the forks measured at the level, each
 * iteration with its side; an implementation holds no state between calls. {@link ForkEquivalence} is the test in
 * use ({@link JmhCertification#DEFAULT_CERTIFIER}).
 */
public interface JmhCertifier {
    /** What the notes say about the test. */
    String describe();

    /**
     * @param width the level being judged
     * @param forks the forks measured (wholly or partly) at {@code width}, in the order they ended
     * @param look  which look this is
     */
    CertifierVerdict judge(int width, List<Fork> forks, Look look);

    /** Where a measured iteration ran: alone, beside others filling the level, or neither (it is not used). */
    enum Side { ALONE, LEVEL, OTHER }

    /**
     * One fork's measured iterations, each with its side.
     *
     * @param benchmark      its result's key ({@link BenchmarkPlan#key()}): the stratum
     * @param higherIsBetter throughput (its scores are inverted into costs); else a time per operation
     */
    record Fork(String job, String benchmark, boolean higherIsBetter, List<Double> scores, List<Side> sides) {
        public Fork {
            scores = List.copyOf(scores);
            sides = List.copyOf(sides);
            if (scores.size() != sides.size()) {
                throw new IllegalArgumentException("a side per score: " + sides.size() + " for " + scores.size());
            }
        }
    }

    /**
     * A look at the level: an interim one, which may only stop a clearly different level, or the {@code number}-th
     * certification look of at most {@code of}.
     */
    record Look(boolean interim, int number, int of) {
        public static Look interim(int of) {
            return new Look(true, 0, of);
        }

        public static Look certification(int number, int of) {
            return new Look(false, number, of);
        }
    }

    /** Pinpoint's three-way verdict. */
    enum ThreeWayVerdict { CERTIFIED, NOT_CERTIFIED, MORE_DATA }

    /**
     * The level's verdict.
     *
     * @param equivalence the test's statistics (null when too few forks had iterations on both sides)
     * @param blocks      the jobs whose forks were the test's blocks
     */
    record CertifierVerdict(int width, ThreeWayVerdict level, Equivalence equivalence, List<String> blocks, String reason) {
        public CertifierVerdict {
            blocks = List.copyOf(blocks);
        }
    }
}
