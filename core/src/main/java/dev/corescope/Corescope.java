package dev.corescope;

import dev.corescope.experiment.InvestigateReport;
import dev.corescope.experiment.LevelRunResult;
import java.time.Duration;

/**
 * The Java entry point to corescope's experiments, for JUnit tests, jshell and programs:
 * <pre>{@code
 * InvestigateReport r = Corescope.investigate().mode("threads").tolerance(0.05).run();
 * int workers = r.threshold();
 * LevelRunResult s = Corescope.sweep().max(4).target(Duration.ofMillis(100)).run();
 * }</pre>
 * Every run writes its run directory (records, summary, charts) as the command line does. One builder per
 * command, each in its own file ({@link Investigation}, {@link Sweep}, {@link Rounds}), with the options they
 * share in {@link ExperimentBuilder}; {@code Corescope.} completes to every experiment.
 */
public final class Corescope {
    private Corescope() {
    }

    public static Investigation investigate() {
        return new Investigation();
    }

    public static Sweep sweep() {
        return new Sweep();
    }

    public static Rounds rounds() {
        return new Rounds();
    }

    public static Run run() {
        return new Run();
    }

    public static Assess assess() {
        return new Assess();
    }

    public static Transfer transfer() {
        return new Transfer();
    }

    /** {@code jmh}: an existing JMH suite run N-wide on certified cores. */
    public static Jmh jmh() {
        return new Jmh();
    }
}
