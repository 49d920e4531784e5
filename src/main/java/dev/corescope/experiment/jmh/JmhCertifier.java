package dev.corescope.experiment.jmh;

import java.util.List;

/**
 * The test that certifies a level of {@code corescope jmh}: whether forks run {@code width} at a time score as
 * forks run alone. Its samples are iteration scores, its blocks the forks they came from (a fork is one JVM, the
 * independent unit); the A/A noise is solo forks against solo forks of the same benchmark. Fed after every
 * control benchmark completes and at the end of the run; an implementation holds no state between calls.
 *
 * <p>{@link InterimCertifier} is the interim test until the certification issue's equivalence test (issue 24)
 * lands; that test implements this interface and replaces it in {@link JmhCertification#DEFAULT_CERTIFIER}.
 */
public interface JmhCertifier {
    /** What the notes say about the test, e.g. {@code interim test: ...}. */
    String describe();

    /**
     * @param width    the level being judged
     * @param evidence one per control benchmark: its solo forks and its forks at {@code width}
     */
    Verdict judge(int width, List<Evidence> evidence);

    /**
     * One fork's measured iterations.
     *
     * @param othersMin the fewest jobs that ran beside it at any moment (0 for a fork that was alone at times)
     * @param othersMax the most jobs that ran beside it (0 for a solo fork)
     */
    record Block(String job, int width, int othersMin, int othersMax, List<Double> samples) {
        public Block {
            samples = List.copyOf(samples);
        }
    }

    /**
     * A benchmark's forks: alone and at the level.
     *
     * @param benchmark      its key ({@link BenchmarkPlan#key()})
     * @param higherIsBetter throughput; else a time per operation
     */
    record Evidence(String benchmark, boolean higherIsBetter, List<Block> solo, List<Block> parallel) {
        public Evidence {
            solo = List.copyOf(solo);
            parallel = List.copyOf(parallel);
        }
    }

    /** Pinpoint's three-way verdict. */
    enum Outcome { CERTIFIED, NOT_CERTIFIED, MORE_DATA }

    /**
     * @param ratio  parallel against solo, oriented as a time (above 1: slower in parallel), with its interval
     * @param margin what the interval had to stay within: the larger of the tolerance and the A/A noise
     */
    record BenchmarkVerdict(String benchmark, Outcome outcome, double ratio, double low, double high, double margin,
                            String reason) {
    }

    /** The level's verdict and each control benchmark's. */
    record Verdict(int width, Outcome level, List<BenchmarkVerdict> benchmarks, String reason) {
        public Verdict {
            benchmarks = List.copyOf(benchmarks);
        }
    }
}
