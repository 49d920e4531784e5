package dev.corescope.experiment;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * The result of the lab's commands, {@code run}, {@code sweep} and {@code rounds}: per-level statistics
 * of spin tasks; their findings are the notes the experiment drew from them (the sequential baseline,
 * the fastest level).
 */
public record LevelRunResult(@JsonUnwrapped RunInfo run, @JsonUnwrapped Measured measured,
                             @JsonUnwrapped Remarks remarks, Metadata metadata) implements RunResult {

    @Override
    public List<String> findings() {
        return remarks.refused() ? SanityGate.findings(remarks) : remarks.notes();
    }

    @Override
    public String csv() {
        return measured.csv();
    }

    @Override
    public LevelRunResult withRemarks(Remarks r) {
        return new LevelRunResult(run, measured, r, metadata);
    }
}
