package dev.corescope.cli;

/** Bad input found after parsing (e.g. an unwritable output directory): one line on stderr, exit 2. */
public class UsageError extends RuntimeException {
    public UsageError(String message) {
        super(message);
    }
}
