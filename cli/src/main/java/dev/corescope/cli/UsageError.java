package dev.corescope.cli;

/** Bad input found after parsing (e.g. an unwritable output directory): one line on stderr, exit 2. */
public class UsageError extends RuntimeException {
    public UsageError(String message) {
        super(message);
    }

    /** Runs a check of the one place limits live ({@link dev.corescope.experiment.Limits}), its refusal a usage error. */
    static void check(Runnable check) {
        try {
            check.run();
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }
}
