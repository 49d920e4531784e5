package dev.corescope.cli;

import dev.corescope.experiment.Limits;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --force}: allow more workers than {@value Limits#MAX_WORKERS} ({@code -w} of run, {@code --max} of the level commands). */
public final class ForceOption {
    @Option(names = "--force", description = "Allow more than " + Limits.MAX_WORKERS + " workers.")
    boolean force;

    /** {@code value} workers given by {@code option}: at least 1, at most the cap unless forced (exit 2 otherwise). */
    void checkWorkers(CommandSpec spec, String option, int value) {
        checkWorkers(spec, option, value, force);
    }

    /** {@link Limits#MAX_WORKERS}, applied to an option as a picocli usage error (exit 2). */
    static void checkWorkers(CommandSpec spec, String option, int value, boolean force) {
        if (value < 1) {
            throw new ParameterException(spec.commandLine(), option + " must be at least 1, got " + value);
        }
        if (value > Limits.MAX_WORKERS && !force) {
            // advice only where it can be followed: the commands that take --force
            throw new ParameterException(spec.commandLine(), option + " " + value + " is above the sane cap of "
                    + Limits.MAX_WORKERS + " workers" + (spec.findOption("--force") != null ? "; add --force if you mean it" : ""));
        }
    }
}
