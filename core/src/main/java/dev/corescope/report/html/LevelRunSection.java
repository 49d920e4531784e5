package dev.corescope.report.html;

import dev.corescope.experiment.Measured;
import java.util.List;

/** {@code run}, {@code sweep}, {@code rounds} (and a run rebuilt from its records): findings and the level table. */
final class LevelRunSection implements ResultSection {
    private final Measured measured;
    private final List<String> findings;
    private final List<String> refusals;

    LevelRunSection(Measured measured, List<String> findings, List<String> refusals) {
        this.measured = measured;
        this.findings = findings;
        this.refusals = refusals;
    }

    @Override
    public String verdictTitle() {
        return "Findings";
    }

    @Override
    public void verdict(Html out) {
        out.list(findings, "facts");
    }

    @Override
    public void results(Html out) {
        if (measured != null) {
            LevelTable.render(out, measured.levels(), null, refusals);
        }
    }
}
