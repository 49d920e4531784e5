package dev.corescope.experiment;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * What is known of a run that left no {@code summary.json} (killed with SIGKILL, the machine went down):
 * the per-level statistics and failures rebuilt from its {@code records.jsonl}. Its settings,
 * calibration, machine profile and analysis are not known ({@code metadata} is null); its warnings say
 * so. Never written to disk.
 */
public record RebuiltResult(@JsonUnwrapped RunInfo run, @JsonUnwrapped Measured measured,
                            @JsonUnwrapped Remarks remarks) implements RunResult {

    @Override
    public Metadata metadata() {
        return null;
    }

    @Override
    public List<String> findings() {
        return remarks.refused() ? SanityGate.findings(remarks) : List.of();
    }

    @Override
    public String csv() {
        return measured.csv();
    }

    @Override
    public RebuiltResult withRemarks(Remarks r) {
        return new RebuiltResult(run, measured, r);
    }
}
