package dev.corescope;

import dev.corescope.exec.BatchResult;
import dev.corescope.experiment.LevelRunResult;
import dev.corescope.experiment.Limits;
import dev.corescope.experiment.Progress;
import dev.corescope.experiment.Results;
import dev.corescope.experiment.Session;
import dev.corescope.experiment.Settings;
import dev.corescope.experiment.SweepExperiment;
import dev.corescope.report.LevelCharts;
import dev.corescope.store.RunDirectory;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** {@code sweep}: P = 1..max workers, one task each, K trials per level. */
public final class Sweep extends LevelBuilder<Sweep> {
    Sweep() {
    }

    private int trials = 1;
    private boolean sequential;

    public Sweep trials(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("trials must be >= 1");
        }
        this.trials = k;
        return this;
    }

    public Sweep sequential(boolean on) {
        this.sequential = on;
        return this;
    }

    public LevelRunResult run() throws IOException {
        return runWithBatches().summary();
    }

    /** The summary and every batch measured (e.g. for per-member statistics on a cluster). */
    public record SweepOutput(LevelRunResult summary, List<BatchResult> batches) {
    }

    public SweepOutput runWithBatches() throws IOException {
        int n = levels();
        Settings settings = settings("sweep");
        checkPlan("sweep: " + trials + " trials x levels 1.." + n,
                Limits.plus(Limits.times(trials, (long) n * (n + 1) / 2), sequential ? n : 0));
        RunDirectory dir = RunDirectory.create(out, "sweep");
        try (Progress p = progress.open("sweep",
                SweepExperiment.plannedUnits(n, trials, sequential, host().availableProcessors()));
             Session session = open(settings, dir)) {
            LevelRunResult summary = Results.measuring(session, dir, () -> SweepExperiment.run(session,
                    new SweepExperiment.SweepConfig(n, trials, sequential, spin(Duration.ofSeconds(1))), p));
            p.close();
            summary = Results.checked(session, dir, summary);
            LevelCharts.write(summary, dir.path());
            return new SweepOutput(summary, session.batches());
        }
    }
}
