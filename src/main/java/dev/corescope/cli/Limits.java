package dev.corescope.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Sanity limits on user input. */
final class Limits {
    static final int MAX_WORKERS = 1024;

    private Limits() {
    }

    static void checkWorkers(CommandSpec spec, String option, int value, boolean force) {
        if (value < 1) {
            throw new ParameterException(spec.commandLine(), option + " must be at least 1, got " + value);
        }
        if (value > MAX_WORKERS && !force) {
            throw new ParameterException(spec.commandLine(), option + " " + value + " is above the sane cap of "
                    + MAX_WORKERS + " workers; add --force if you mean it");
        }
    }

    static int defaultMax() {
        return 2 * Runtime.getRuntime().availableProcessors() + 2;
    }
}
