package dev.corescope.experiment.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * INTERIM certification of {@code corescope jmh}, until issue 24's equivalence test replaces it (see
 * {@link JmhCertifier}). Per control benchmark: the ratio of the parallel forks' mean iteration score to the solo
 * forks' (oriented as a time), with a 99% interval from the two means' standard errors (delta method, Student t
 * with Welch's degrees of freedom),
 * and a TOST-like three-way verdict: certified when the interval lies within 1 ± margin, not certified when it
 * lies wholly outside, more data otherwise. The margin is the larger of the tolerance and the A/A noise: the
 * largest relative difference between the means of two solo forks of the benchmark.
 *
 * <p>Its known weaknesses, which issue 24's test removes: iterations are treated as independent samples (the
 * forks, not the iterations, are the independent units); the A/A noise is a point estimate of few forks; the
 * spread and the tail are not compared. The level is certified when every judged benchmark is, not certified
 * when one is not.
 */
public record InterimCertifier(double tolerance, double confidence) implements JmhCertifier {
    public static final InterimCertifier DEFAULT = new InterimCertifier(0.03, 0.99);

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "interim test (until the certification's equivalence test lands): the "
                + "%.0f%% interval of the ratio of parallel to solo mean iteration scores must lie within 1 ± the "
                + "larger of %.0f%% and the A/A noise (solo forks against solo forks)", confidence * 100, tolerance * 100);
    }

    @Override
    public Verdict judge(int width, List<Evidence> evidence) {
        List<BenchmarkVerdict> verdicts = new ArrayList<>();
        for (Evidence e : evidence) {
            List<Block> parallel = e.parallel().stream().filter(b -> b.width() == width && b.othersMax() > 0).toList();
            if (e.solo().isEmpty() || parallel.isEmpty()) {
                continue;
            }
            verdicts.add(judge(e, parallel));
        }
        if (verdicts.isEmpty()) {
            return new Verdict(width, Outcome.MORE_DATA, verdicts, "no control benchmark has solo and parallel forks yet");
        }
        long failed = verdicts.stream().filter(v -> v.outcome() == Outcome.NOT_CERTIFIED).count();
        long open = verdicts.stream().filter(v -> v.outcome() == Outcome.MORE_DATA).count();
        Outcome level = failed > 0 ? Outcome.NOT_CERTIFIED : open > 0 ? Outcome.MORE_DATA : Outcome.CERTIFIED;
        String reason = failed > 0 ? failed + " of " + verdicts.size() + " control benchmark(s) scored differently in "
                + "parallel" : open > 0 ? open + " of " + verdicts.size() + " control benchmark(s) not settled"
                : "all " + verdicts.size() + " control benchmark(s) within their margin";
        return new Verdict(width, level, verdicts, reason);
    }

    private BenchmarkVerdict judge(Evidence e, List<Block> parallel) {
        double[] s = pooled(e.solo());
        double[] p = pooled(parallel);
        double ms = mean(s);
        double mp = mean(p);
        double ratio = e.higherIsBetter() ? ms / mp : mp / ms;
        double vs = var(s) / s.length / (ms * ms);
        double vp = var(p) / p.length / (mp * mp);
        double rel = Math.sqrt(vs + vp);
        // Welch-Satterthwaite degrees of freedom of the two relative variances
        double df = (vs + vp) * (vs + vp) / (vs * vs / Math.max(1, s.length - 1) + vp * vp / Math.max(1, p.length - 1));
        df = Double.isFinite(df) ? Math.max(1, df) : Math.max(1, Math.min(s.length, p.length) - 1);
        double t = new TDistribution(df).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double low = ratio * Math.exp(-t * rel);
        double high = ratio * Math.exp(t * rel);
        double aa = 0;
        for (int i = 0; i < e.solo().size(); i++) {
            for (int j = i + 1; j < e.solo().size(); j++) {
                double a = mean(pooled(List.of(e.solo().get(i))));
                double b = mean(pooled(List.of(e.solo().get(j))));
                aa = Math.max(aa, Math.max(a / b, b / a) - 1);
            }
        }
        double margin = Math.max(tolerance, aa);
        Outcome o;
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            o = Outcome.MORE_DATA;
        } else if (low >= 1 - margin && high <= 1 + margin) {
            o = Outcome.CERTIFIED;
        } else if (low > 1 + margin || high < 1 - margin) {
            o = Outcome.NOT_CERTIFIED;
        } else {
            o = Outcome.MORE_DATA;
        }
        String reason = String.format(Locale.ROOT, "ratio %.3f [%.3f, %.3f], margin ±%.1f%% (%d solo, %d parallel "
                + "forks)", ratio, low, high, margin * 100, e.solo().size(), parallel.size());
        return new BenchmarkVerdict(e.benchmark(), o, ratio, low, high, margin, reason);
    }

    private static double[] pooled(List<Block> blocks) {
        return blocks.stream().flatMap(b -> b.samples().stream()).mapToDouble(Double::doubleValue)
                .filter(Double::isFinite).toArray();
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return x.length == 0 ? Double.NaN : s / x.length;
    }

    private static double var(double[] x) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / (x.length - 1);
    }
}
