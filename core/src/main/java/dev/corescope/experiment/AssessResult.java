package dev.corescope.experiment;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.corescope.analysis.SizeStats;
import dev.corescope.analysis.Units;
import dev.corescope.workload.CommandWorkload;
import dev.corescope.workload.UserClassWorkload;
import dev.corescope.workload.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The result of {@code assess}: its batches per level and, as its {@code analysis}, the
 * {@link Assessment} (null in the partial summary of an interrupted run). {@code summary.csv} has one row
 * per (algorithm, size) with the level it was measured at and its parameters, every other column a plain number
 * in SI units ({@code assess --format csv} prints the same); without an assessment, one per level.
 */
public record AssessResult(@JsonUnwrapped RunInfo run, @JsonUnwrapped Measured measured,
                           @JsonUnwrapped Remarks remarks, Assessment analysis, Metadata metadata) implements RunResult {
    public static final String CSV_HEADER = "algorithm,level,params,size,count,failed,mean_s,sd_s,cv,median_s,min_s,"
            + "max_s,ci95_low_s,ci95_high_s,outliers";
    /** The columns of {@link #CSV_HEADER} that are not numbers: the rest are, in SI units, NaN when undefined. */
    public static final List<String> CSV_TEXT_COLUMNS = List.of("algorithm", "params");

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
            String params = quote(params(alg.workload()));
            for (SizeStats s : alg.sizes()) {
                sb.append(String.join(",", quote(alg.algorithm()), Integer.toString(alg.workers()), params,
                        Long.toString(s.size()), Integer.toString(s.count()), Integer.toString(s.failed()),
                        number(s.mean()), number(s.sd()), number(s.cv()), number(s.median()), number(s.min()),
                        number(s.max()), number(s.ciLow()), number(s.ciHigh()),
                        Integer.toString(s.outlierRepeats().size()))).append('\n');
            }
        }
        return sb.toString();
    }

    /** A number as CSV: {@link Units#csv} (6 significant digits, no unit), NaN when it is not defined. */
    private static String number(double v) {
        return Double.isFinite(v) ? Units.csv(v) : "NaN";
    }

    /**
     * The parameters the user gave ({@code --param}, {@code k=v k=v}) from a workload's spec text: corescope's
     * own (a command's text, a class's name and classpath) are in summary.json's {@code workload}, not here.
     */
    static String params(String workloadText) {
        if (workloadText == null || workloadText.isBlank()) {
            return "";
        }
        WorkloadSpec spec;
        try {
            spec = WorkloadSpec.parse(workloadText);
        } catch (IllegalArgumentException e) {
            return "";
        }
        Set<String> own = spec.name().equals(CommandWorkload.class.getName()) ? Set.of(CommandWorkload.PARAM, CommandWorkload.PREPARE)
                : spec.name().equals(UserClassWorkload.class.getName()) ? Set.of(UserClassWorkload.CLASS, UserClassWorkload.CLASSPATH)
                : Set.of();
        return String.join(" ", spec.params().entrySet().stream().filter(e -> !own.contains(e.getKey()))
                .map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
    static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    @Override
    public AssessResult withRemarks(Remarks r) {
        return new AssessResult(run, measured, r, analysis, metadata);
    }
}
