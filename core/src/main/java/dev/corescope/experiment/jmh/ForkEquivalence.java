package dev.corescope.experiment.jmh;

import dev.corescope.analysis.BlockedSamples;
import dev.corescope.analysis.Equivalence;
import dev.corescope.analysis.Equivalence.Design;
import dev.corescope.analysis.Equivalence.Margins;
import dev.corescope.analysis.Equivalence.Resampling;
import dev.corescope.analysis.Equivalence.Statistic;
import dev.corescope.experiment.CertificationLooks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The certification of a {@code corescope jmh} level, on the equivalence test ({@link Equivalence}): each fork with
 * measured iterations both alone and at the level is a block, its benchmark result the stratum, its iteration scores
 * the samples (as costs: throughput inverted, so that larger is slower). A fork gives as many iterations to each side
 * as the smaller side has, those nearest the moment it changed sides, so that every block is balanced (the test
 * normalises each stratum by its median over both sides, which is unbiased only when each stratum's sides are in the
 * same proportion) and a trend within the fork weighs on both sides alike. Whole forks are resampled, then their
 * iterations (Kalibera &amp; Jones' hierarchical bootstrap); the A/A band is the alone iterations of half the forks
 * against those of the other half (at least {@value #MIN_BLOCKS} forks, so that the band exists).
 *
 * <p>Verdict: <em>certified</em> when the intervals of the location (trimmed-mean ratio) and of the tail (excess rate
 * of far outliers: beyond the alone iterations' far fence and at least {@value #FENCE_FLOOR} times their result's
 * median) lie inside their margins; <em>not certified</em> when any interval, the spread's included, lies
 * wholly beyond its margin; <em>more data</em> otherwise. The spread (interquartile-range ratio) is reported and may
 * refuse a level, but it is not required inside its margin: with the tens of iterations a run affords, its interval
 * spans several-fold either way, and an iteration spread that widens without moving the bulk or adding outliers
 * does not move a JMH score (the mean), only its error. Interim looks may only refuse: a location, spread or tail
 * beyond its margin by {@value CertificationLooks#INTERIM_Z} bootstrap standard deviations (Haybittle–Peto); certification looks
 * use Pocock's confidence for their number, as {@code assess} does.
 *
 * @param margins   the floors of the margins (the A/A band may widen them)
 * @param seed      the bootstrap's seed
 */
public record ForkEquivalence(Margins margins, long seed) implements JmhCertifier {
    /** Fewest forks with iterations on both sides: three a side for the test, four for the A/A band. */
    public static final int MIN_BLOCKS = 4;
    /**
     * A far outlier is an iteration beyond the alone iterations' far fence and at least this many times its result's
     * median: with tens of iterations the fence's IQR is itself noisy, and an iteration 5% slow is no outlier.
     */
    public static final double FENCE_FLOOR = 1.5;
    public static final ForkEquivalence DEFAULT = new ForkEquivalence(Margins.DEFAULT, 22L);

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "equivalence test on forks measured partly alone and partly beside others "
                + "(blocks: forks, at least %d; strata: benchmark results; samples: iteration scores as costs, as many a "
                + "side per fork, those nearest its switch; hierarchical bootstrap of forks then iterations; A/A band: "
                + "the alone iterations of half the forks against the other half): certified when the location interval "
                + "lies within 1 ± the larger of %.0f%% and the A/A band, and the excess rate of far outliers (beyond "
                + "the alone iterations' far fence and ×%.1f their median) within %.1f points; refused when any "
                + "interval, the spread's (×%.2f) included, lies wholly beyond its margin", MIN_BLOCKS,
                100 * margins.tolerance(), FENCE_FLOOR, 100 * margins.tailExcess(), margins.spreadLimit());
    }

    @Override
    public CertifierVerdict judge(int width, List<Fork> forks, Look look) {
        Map<String, Integer> strata = new HashMap<>();
        List<BlockedSamples.Block> blocks = new ArrayList<>();
        List<String> jobs = new ArrayList<>();
        for (Fork f : forks) {
            BlockedSamples.Block b = block(f, strata.computeIfAbsent(f.benchmark(), k -> strata.size()));
            if (b != null) {
                blocks.add(b);
                jobs.add(f.job());
            }
        }
        if (blocks.size() < MIN_BLOCKS) {
            return new CertifierVerdict(width, ThreeWayVerdict.MORE_DATA, null, jobs, blocks.size() + " of the " + MIN_BLOCKS
                    + " forks needed have iterations both alone and at " + width + " workers");
        }
        double confidence = CertificationLooks.confidence(Math.max(1, look.of()));
        Design design = new Design(confidence, look.interim() ? 500 : CertificationLooks.resamples(confidence),
                Resampling.BLOCKS_THEN_SAMPLES, 3, 5, FENCE_FLOOR);
        BlockedSamples samples = new BlockedSamples(blocks);
        if (samples.levelCount() < design.minSamples() || samples.aloneCount() < design.minSamples()) {
            return new CertifierVerdict(width, ThreeWayVerdict.MORE_DATA, null, jobs, String.format(Locale.ROOT, "%d iterations a side in "
                    + "%d forks: fewer than %d", Math.min(samples.levelCount(), samples.aloneCount()), blocks.size(),
                    design.minSamples()));
        }
        Equivalence e = Equivalence.test(samples, margins, design, seed * 31 + width * 7L + look.number());
        if (look.interim()) {
            return e.clearlyDifferent(CertificationLooks.INTERIM_Z)
                    ? new CertifierVerdict(width, ThreeWayVerdict.NOT_CERTIFIED, e, jobs, "clearly beyond the margin: " + e.text())
                    : new CertifierVerdict(width, ThreeWayVerdict.MORE_DATA, e, jobs, "not yet decided: " + e.text());
        }
        return verdict(width, e, jobs);
    }

    private static CertifierVerdict verdict(int width, Equivalence e, List<String> jobs) {
        Statistic l = e.location();
        Statistic s = e.spread();
        Statistic t = e.tail();
        List<String> beyond = new ArrayList<>();
        if (l.low() > l.margin() || l.high() < 1 / l.margin()) {
            beyond.add("location " + l.ratioText() + String.format(Locale.ROOT, " against ×%.3f", l.margin()));
        }
        if (s.low() > s.margin()) {
            beyond.add("spread " + s.ratioText() + String.format(Locale.ROOT, " against ×%.2f", s.margin()));
        }
        if (t.low() > t.margin()) {
            beyond.add("tail " + t.rateText() + String.format(Locale.ROOT, " against %+.1f%%", 100 * t.margin()));
        }
        if (!beyond.isEmpty()) {
            return new CertifierVerdict(width, ThreeWayVerdict.NOT_CERTIFIED, e, jobs, "beyond the margin: " + String.join("; ", beyond));
        }
        boolean location = l.low() >= 1 / l.margin() && l.high() <= l.margin();
        boolean tail = t.high() <= t.margin();
        if (location && tail) {
            return new CertifierVerdict(width, ThreeWayVerdict.CERTIFIED, e, jobs, String.format(Locale.ROOT, "location %s within ×%.3f, "
                    + "tail %s within %+.1f%% (%d forks)", l.ratioText(), l.margin(), t.rateText(), 100 * t.margin(),
                    jobs.size()));
        }
        List<String> open = new ArrayList<>();
        if (!location) {
            open.add("location " + l.ratioText() + String.format(Locale.ROOT, " against ×%.3f", l.margin()));
        }
        if (!tail) {
            open.add("tail " + t.rateText() + String.format(Locale.ROOT, " against %+.1f%%", 100 * t.margin()));
        }
        return new CertifierVerdict(width, ThreeWayVerdict.MORE_DATA, e, jobs, "not yet inside the margin: " + String.join("; ", open));
    }

    /**
     * A fork's block: as many iterations a side as its smaller side has, those nearest the other side; null when a
     * side has none.
     */
    static BlockedSamples.Block block(Fork f, int stratum) {
        List<Integer> alone = indices(f, Side.ALONE);
        List<Integer> level = indices(f, Side.LEVEL);
        int m = Math.min(alone.size(), level.size());
        if (m == 0) {
            return null;
        }
        double[] a = nearest(f, alone, level, m);
        double[] l = nearest(f, level, alone, m);
        int[] s = new int[m];
        java.util.Arrays.fill(s, stratum);
        return new BlockedSamples.Block(l, s, a, s.clone());
    }

    private static List<Integer> indices(Fork f, Side side) {
        return IntStream.range(0, f.sides().size()).filter(i -> f.sides().get(i) == side).boxed().toList();
    }

    /** The costs of the {@code m} iterations of {@code from} nearest (in iterations) to one of {@code other}. */
    private static double[] nearest(Fork f, List<Integer> from, List<Integer> other, int m) {
        List<Integer> order = new ArrayList<>(from);
        order.sort(Comparator.comparingInt((Integer i) -> other.stream().mapToInt(j -> Math.abs(i - j)).min().orElse(0))
                .thenComparingInt(i -> i));
        double[] out = new double[m];
        for (int k = 0; k < m; k++) {
            double score = f.scores().get(order.get(k));
            out[k] = f.higherIsBetter() ? 1 / score : score;
        }
        return out;
    }
}
