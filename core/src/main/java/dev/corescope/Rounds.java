package dev.corescope;

import dev.corescope.experiment.LevelRunResult;
import dev.corescope.experiment.Limits;
import dev.corescope.experiment.Progress;
import dev.corescope.experiment.Results;
import dev.corescope.experiment.RoundsExperiment;
import dev.corescope.experiment.Session;
import dev.corescope.experiment.Settings;
import dev.corescope.report.LevelCharts;
import dev.corescope.store.RunDirectory;
import java.io.IOException;
import java.time.Duration;

/** {@code rounds}: R tasks on P = 1..max workers, in rounds of P and from a queue. */
public final class Rounds extends LevelBuilder<Rounds> {
    Rounds() {
    }

    private int repeats = 20;

    public Rounds repeats(int r) {
        if (r < 1) {
            throw new IllegalArgumentException("repeats must be >= 1");
        }
        this.repeats = r;
        return this;
    }

    public LevelRunResult run() throws IOException {
        int n = levels();
        Settings settings = settings("rounds");
        checkPlan("rounds: " + repeats + " repeats x " + n + " levels x 2 strategies",
                Limits.times(repeats, 2L * n));
        RunDirectory dir = RunDirectory.create(out, "rounds");
        try (Progress p = progress.open("rounds",
                RoundsExperiment.plannedUnits(repeats, n, host().availableProcessors()));
             Session session = open(settings, dir)) {
            LevelRunResult summary = Results.measuring(session, dir, () -> RoundsExperiment.run(session,
                    new RoundsExperiment.RoundsConfig(repeats, n, spin(Duration.ofSeconds(1))), p));
            p.close();
            summary = Results.checked(session, dir, summary);
            LevelCharts.write(summary, dir.path());
            return summary;
        }
    }
}
