package dev.corescope;

import dev.corescope.experiment.LevelRunResult;
import dev.corescope.experiment.Results;
import dev.corescope.experiment.RunExperiment;
import dev.corescope.experiment.Session;
import dev.corescope.experiment.Settings;
import dev.corescope.store.RunDirectory;
import java.io.IOException;
import java.time.Duration;

/** {@code run}: P workers run one spin task each, at the same time (the lab's core_investigation). */
public final class Run extends ExperimentBuilder<Run> {
    private int workers = 1;

    Run() {
    }

    /** P, the concurrent workers (default 1). */
    public Run workers(int p) {
        if (p < 1) {
            throw new IllegalArgumentException("workers must be >= 1");
        }
        this.workers = p;
        return this;
    }

    public LevelRunResult run() throws IOException {
        return runWithBatch().summary();
    }

    /** The summary and the batch (every task's record). */
    public RunExperiment.RunOutput runWithBatch() throws IOException {
        Settings settings = settings("run");
        RunDirectory dir = RunDirectory.create(out, "run");
        try (Session session = open(settings, dir)) {
            RunExperiment.RunOutput outcome = Results.measuring(session, dir,
                    () -> RunExperiment.run(session, workers, spin(Duration.ofSeconds(1))));
            return new RunExperiment.RunOutput(Results.checked(session, dir, outcome.summary()), outcome.batch());
        }
    }
}
