package dev.corescope.report;

import dev.corescope.analysis.SizeStats;
import dev.corescope.analysis.Units;
import dev.corescope.experiment.Assessment.AlgorithmResult;
import dev.corescope.experiment.Assessment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The console tables of an assessment. */
public final class AssessReport {
    private AssessReport() {
    }

    public static Table sizeTable(AlgorithmResult alg) {
        Table t = new Table("size", "n", "failed", "mean ms", "sd ms", "CV", "median ms", "min ms", "max ms",
                "95% CI of mean (ms)", "outliers (kept)");
        for (SizeStats s : alg.sizes()) {
            t.row(s.size(), s.count(), s.failed(), Units.ms(s.mean()), Units.ms(s.sd()), Units.pct(s.cv()), Units.ms(s.median()),
                    Units.ms(s.min()), Units.ms(s.max()), Double.isFinite(s.ciLow()) ? Units.ms(s.ciLow()) + " .. " + Units.ms(s.ciHigh()) : "-",
                    s.outlierRepeats().size());
        }
        return t;
    }

    /** One row per (algorithm, size), for Markdown output (csv and json are summary.csv and summary.json). */
    public static Table flatTable(Assessment a) {
        Table t = new Table("algorithm", "workers", "size", "n", "failed", "mean ms", "sd ms", "median ms", "min ms", "max ms",
                "ci95 low ms", "ci95 high ms", "outliers");
        for (AlgorithmResult alg : a.algorithms()) {
            for (SizeStats s : alg.sizes()) {
                t.row(alg.algorithm(), alg.workers(), s.size(), s.count(), s.failed(), Units.ms(s.mean()), Units.ms(s.sd()), Units.ms(s.median()),
                        Units.ms(s.min()), Units.ms(s.max()), Units.ms(s.ciLow()), Units.ms(s.ciHigh()), s.outlierRepeats().size());
            }
        }
        return t;
    }

    /** The line above {@link #fitTable} on the console. */
    public static final String FIT_HEADING = "Complexity fit (O(1) .. O(n^3) as t = intercept + constant·f(n), power law "
            + "c·n^k, exponential c·b^n; chosen by leave-one-out cross-validation; a model fits when its worst residual "
            + "is within 25%, R² of ln t at least 0.9 and its residuals do not curve):";

    /** The complexity fit of each algorithm: the model or "no model fits", and its checks ({@link FitText}). */
    public static Table fitTable(Assessment a) {
        Table t = new Table(FitText.HEADER.toArray(String[]::new));
        for (AlgorithmResult alg : a.algorithms()) {
            List<Object> row = new ArrayList<>();
            row.add(alg.algorithm());
            row.addAll(FitText.cells(alg.fit()));
            t.row(row.toArray());
        }
        return t;
    }

    /**
     * One row per level tried per algorithm: the equivalence test against the one-worker controls, each statistic
     * with its interval and margin (older runs: their distribution comparison).
     */
    public static Table checkTable(Assessment a) {
        Table t = new Table("algorithm", "workers", "tasks/controls", "location [CI] ≤ margin", "spread [CI] ≤ margin",
                "tail events [CI] ≤ margin", "verdict");
        for (AlgorithmResult alg : a.algorithms()) {
            for (var at : alg.certification().attempts()) {
                String[] cells = CheckCells.of(at);
                t.row(alg.algorithm(), at.level(), cells[0], cells[1], cells[2], cells[3], cells[4]);
            }
        }
        return t;
    }

    /**
     * Speed, harness and disturbed tasks per algorithm: the speedup at the level with its interval, corescope's own
     * CPU against the workers', the tasks marked disturbed.
     */
    public static Table speedTable(Assessment a) {
        Table t = new Table("algorithm", "workers", "speedup [95% CI]", "harness CPU", "disturbed (parallel, controls)");
        for (AlgorithmResult alg : a.algorithms()) {
            var c = alg.certification();
            if (c == null || c.speed() == null && c.harness() == null) {
                continue;
            }
            var s = c.speed();
            var h = c.harness();
            var d = c.disturbed();
            t.row(alg.algorithm(), c.level(), s == null ? "-" : s.text(), h == null ? "-" : String.format(Locale.ROOT, "%.2f%% (worst stretch %.2f%%)",
                    100 * h.share(), 100 * h.worstStretchShare()), d == null ? "-" : d.parallel() + "/" + d.parallelTasks()
                    + ", " + d.controls() + "/" + d.controlTasks());
        }
        return t;
    }
}
