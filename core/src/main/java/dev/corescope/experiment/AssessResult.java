package dev.corescope.experiment;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.corescope.analysis.SizeStats;
import dev.corescope.analysis.Units;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of {@code assess}: its batches per level and, as its {@code analysis}, the
 * {@link Assessment} (null in the partial summary of an interrupted run). {@code summary.csv} has one row
 * per (algorithm, size); without an assessment, one per level.
 */
public record AssessResult(@JsonUnwrapped RunInfo run, @JsonUnwrapped Measured measured,
                           @JsonUnwrapped Remarks remarks, Assessment analysis, Metadata metadata) implements RunResult {
    public static final String CSV_HEADER = "algorithm,size,count,failed,mean_s,sd_s,cv,median_s,min_s,max_s,"
            + "ci95_low_s,ci95_high_s,outliers,outlier_repeats";

    /** One line per algorithm whose level was checked: its verdict. */
    @Override
    public List<String> findings() {
        if (remarks.refused()) {
            return SanityGate.findings(remarks);
        }
        List<String> out = new ArrayList<>();
        if (analysis != null) {
            for (Assessment.AlgorithmResult alg : analysis.algorithms()) {
                if (alg.certification() != null) {
                    out.add("Verdict for " + alg.algorithm() + ": " + alg.certification().verdict() + ".");
                }
            }
        }
        return out;
    }

    @Override
    public String csv() {
        if (analysis == null) {
            return measured.csv();
        }
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        for (Assessment.AlgorithmResult alg : analysis.algorithms()) {
            for (SizeStats s : alg.sizes()) {
                sb.append(String.join(",", alg.algorithm(), Long.toString(s.size()), Integer.toString(s.count()),
                        Integer.toString(s.failed()), Units.csv(s.mean()), Units.csv(s.sd()), Units.csv(s.cv()),
                        Units.csv(s.median()), Units.csv(s.min()), Units.csv(s.max()), Units.csv(s.ciLow()),
                        Units.csv(s.ciHigh()), Integer.toString(s.outlierRepeats().size()),
                        String.join(" ", s.outlierRepeats().stream().map(String::valueOf).toList()))).append('\n');
            }
        }
        return sb.toString();
    }

    @Override
    public AssessResult withRemarks(Remarks r) {
        return new AssessResult(run, measured, r, analysis, metadata);
    }
}
