package dev.corescope.experiment;

import dev.corescope.exec.BatchPlan;
import dev.corescope.exec.BatchResult;
import dev.corescope.exec.Strategy;
import java.util.List;

/** The lab's {@code core_investigation(P, loops)}: P workers, one task each, all at once. */
public final class RunExperiment {
    public static final String NAME = "run";

    private RunExperiment() {
    }

    public record RunOutput(LevelRunResult summary, BatchResult batch) {
    }

    public static RunOutput run(Session session, int workers, SpinSetup spin) {
        SpinSetup.Prepared p = spin.prepare(session, workers);
        session.onInterrupt(() -> Summaries.levelRun(session, p.spec().text(), p.calibration(), false, List.of()));
        BatchResult batch = session.run(new BatchPlan(NAME, workers, 0, p.spec(),
                Tasks.of(workers, 0, session.settings().seed()), Strategy.ROUNDS));
        return new RunOutput(Summaries.levelRun(session, p.spec().text(), p.calibration(), true, List.of()), batch);
    }
}
