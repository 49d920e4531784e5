package dev.corescope.experiment;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.corescope.analysis.Knee;
import dev.corescope.analysis.Units;
import dev.corescope.analysis.UslFit;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of {@code investigate}: the levels it measured and, as its {@code analysis}, the threshold
 * with its explanation ({@link InvestigateReport}; null in the partial summary of an interrupted run).
 */
public record InvestigateResult(@JsonUnwrapped RunInfo run, @JsonUnwrapped Measured measured,
                                @JsonUnwrapped Remarks remarks, InvestigateReport analysis, Metadata metadata)
        implements RunResult {

    /**
     * The threshold line, the throughput knee and the USL fit when there are, then the explanation (the
     * last line).
     */
    @Override
    public List<String> findings() {
        if (remarks.refused()) {
            return SanityGate.findings(remarks);
        }
        if (analysis == null) {
            return List.of();
        }
        InvestigateReport a = analysis;
        List<String> out = new ArrayList<>();
        boolean simulated = a.machine().profile() != null && a.machine().profile().simulated() != null;
        var cap = a.verdict().cap();
        String capped = cap != null && cap.decided() ? Units.format(" — capped: the CPUs allow at most %d (%s; "
                + "the levels alone said %d)", cap.workers(), cap.why(), cap.measured()) : "";
        out.add(Units.format("Threshold: %d worker%s%s%s (tolerance %.0f%%, %s mode%s)", a.threshold(),
                a.threshold() == 1 ? "" : "s", capped, a.settled() ? "" : " — not fully settled within the sample budget",
                100 * a.tolerance(), a.mode(), simulated ? ", SIMULATED machine" : ""));
        Knee k = a.knee();
        if (k != null) {
            out.add(Units.format("Throughput knee: %d workers (%.1f tasks/s of a %.1f max%s)", k.workers(), k.throughput(),
                    k.maxThroughput(), cap != null && cap.kneeCapped() ? Units.format("; counted only up to the %d "
                            + "workers the CPUs allow (%s): a level above had more, by oversubscribing them", cap.workers(),
                            cap.why()) : ""));
        }
        UslFit u = a.usl();
        if (u != null) {
            out.add(Units.format("USL fit: σ=%.3f κ=%.4f λ=%.2f tasks/s, predicted peak %s (R²=%.3f)", u.sigma(),
                    u.kappa(), u.lambda(), Double.isFinite(u.peakWorkers())
                            ? Units.format("at %.1f workers", u.peakWorkers()) : "beyond the measured range",
                    u.rSquared()));
        }
        if (a.explanation() != null) {
            out.add(a.explanation());
        }
        return out;
    }

    @Override
    public String csv() {
        return measured.csv();
    }

    @Override
    public InvestigateResult withRemarks(Remarks r) {
        return new InvestigateResult(run, measured, r, analysis, metadata);
    }
}
