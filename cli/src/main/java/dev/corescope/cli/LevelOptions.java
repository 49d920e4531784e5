package dev.corescope.cli;

import dev.corescope.experiment.SpinSetup;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * What the commands that measure levels of concurrent spin tasks share (sweep, rounds, investigate):
 * the largest level {@code --max}, {@code --force} above the cap, and the spin task's length
 * ({@link SpinOptions}: {@code --loops} or {@code --target}). {@code run}, which measures one level
 * {@code -p}, shares the last two.
 */
public final class LevelOptions {
    @Option(names = "--max", paramLabel = "N",
            description = "Largest number of workers, the last level measured or considered (default 2 x available CPUs + 2).")
    Integer max;

    @Mixin
    ForceOption force;

    @Mixin
    SpinOptions spin;

    /** {@code --max}, or the default {@code 2 x CPUs + 2}, checked (exit 2 when out of range). */
    int max(CommandSpec spec) {
        int n = max == null ? defaultMax() : max;
        force.checkWorkers(spec, "--max", n);
        return n;
    }

    /** {@code --max}, or 2 × the (simulated) CPUs + 2; a simulated machine's workers cost nothing, so no cap. */
    int max(CommandSpec spec, SimulateOption simulate) {
        int n = max == null ? simulate.defaultMax() : max;
        ForceOption.checkWorkers(spec, "--max", n, force.force || simulate.given());
        return n;
    }

    /** The default {@code --max}: 2 x this machine's CPUs + 2. */
    static int defaultMax() {
        return 2 * Runtime.getRuntime().availableProcessors() + 2;
    }

    SpinSetup spin(Duration defaultTarget) {
        return spin.setup(defaultTarget);
    }
}
