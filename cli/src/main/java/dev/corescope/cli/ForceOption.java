package dev.corescope.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --force}: allow more workers than {@value Limits#MAX_WORKERS} ({@code -p} of run, {@code --max} of the level commands). */
public final class ForceOption {
    @Option(names = "--force", description = "Allow more than " + Limits.MAX_WORKERS + " workers.")
    boolean force;

    /** {@code value} workers given by {@code option}: at least 1, at most the cap unless forced (exit 2 otherwise). */
    void checkWorkers(CommandSpec spec, String option, int value) {
        Limits.checkWorkers(spec, option, value, force);
    }
}
