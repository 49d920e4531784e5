package dev.corescope.report;

import dev.corescope.analysis.SizeStats;
import dev.corescope.analysis.Units;
import dev.corescope.experiment.Assessment;
import dev.corescope.experiment.Assessment.AlgorithmResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Several algorithms (or commands) compared size by size, as hyperfine compares its commands: each one's mean task
 * time with its 95% interval and its ratio to the fastest mean at that size. A winner is named only where the
 * intervals say so: the fastest one's interval lies wholly below every other's; else the row says the intervals
 * overlap. Each algorithm's times were taken at its own certified level, so they compare as one worker's.
 */
public final class SideBySide {
    /** The line above the table. */
    public static final String HEADING = "Side by side (mean task time [95% CI], ×: its mean over the fastest mean at "
            + "that size; a fastest is named only where its interval lies below every other's):";
    static final String OVERLAP = "none clear (intervals overlap)";

    private SideBySide() {
    }

    /** Whether there is anything to compare: two or more algorithms. */
    public static boolean applies(Assessment a) {
        return a != null && a.algorithms().size() >= 2;
    }

    public static Table table(Assessment a) {
        List<String> headers = new ArrayList<>(List.of("size"));
        a.algorithms().forEach(alg -> headers.add(alg.algorithm() + " ms"));
        headers.add("fastest");
        Table t = new Table(headers.toArray(String[]::new));
        TreeSet<Long> sizes = new TreeSet<>();
        a.algorithms().forEach(alg -> alg.sizes().forEach(s -> sizes.add(s.size())));
        for (long n : sizes) {
            List<SizeStats> at = a.algorithms().stream().map(alg -> at(alg, n).orElse(null)).toList();
            double best = at.stream().filter(SideBySide::usable).mapToDouble(SizeStats::mean).min().orElse(Double.NaN);
            List<Object> row = new ArrayList<>(List.of(n));
            for (SizeStats s : at) {
                row.add(!usable(s) ? "-" : Units.ms(s.mean()) + (Double.isFinite(s.ciLow())
                        ? " [" + Units.ms(s.ciLow()) + " .. " + Units.ms(s.ciHigh()) + "]" : "")
                        + Units.format(" ×%.2f", s.mean() / best));
            }
            row.add(fastest(a.algorithms(), at));
            t.row(row.toArray());
        }
        return t;
    }

    /** The name of the one whose interval lies below every other's at this size, or why none is named. */
    static String fastest(List<AlgorithmResult> algorithms, List<SizeStats> at) {
        int best = -1;
        for (int i = 0; i < at.size(); i++) {
            if (usable(at.get(i)) && (best < 0 || at.get(i).mean() < at.get(best).mean())) {
                best = i;
            }
        }
        if (best < 0 || at.stream().filter(SideBySide::usable).count() < 2) {
            return "-";
        }
        double high = at.get(best).ciHigh();
        for (int i = 0; i < at.size(); i++) {
            SizeStats s = at.get(i);
            if (i != best && usable(s) && !(Double.isFinite(high) && Double.isFinite(s.ciLow()) && high < s.ciLow())) {
                return OVERLAP;
            }
        }
        return algorithms.get(best).algorithm();
    }

    private static boolean usable(SizeStats s) {
        return s != null && s.count() > 0 && Double.isFinite(s.mean()) && s.mean() > 0;
    }

    private static Optional<SizeStats> at(AlgorithmResult alg, long n) {
        return alg.sizes().stream().filter(s -> s.size() == n).findFirst();
    }
}
