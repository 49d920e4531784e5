package dev.corescope.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The caps of {@link dev.corescope.experiment.Limits}, applied to options as picocli usage errors. */
final class Limits {
    static final int MAX_WORKERS = dev.corescope.experiment.Limits.MAX_WORKERS;

    private Limits() {
    }

    static void checkWorkers(CommandSpec spec, String option, int value, boolean force) {
        if (value < 1) {
            throw new ParameterException(spec.commandLine(), option + " must be at least 1, got " + value);
        }
        if (value > MAX_WORKERS && !force) {
            // advice only where it can be followed: the commands that take --force
            throw new ParameterException(spec.commandLine(), option + " " + value + " is above the sane cap of "
                    + MAX_WORKERS + " workers" + (spec.findOption("--force") != null ? "; add --force if you mean it" : ""));
        }
    }

    /** Refuses {@code value} outside [min, max] as a usage error naming {@code option}. */
    static void checkRange(String option, long value, long min, long max) {
        try {
            dev.corescope.experiment.Limits.checkRange(option, value, min, max);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }

    static int defaultMax() {
        return 2 * Runtime.getRuntime().availableProcessors() + 2;
    }
}
