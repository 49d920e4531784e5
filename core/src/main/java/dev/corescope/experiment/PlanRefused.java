package dev.corescope.experiment;

/**
 * A plan refused before any work starts (beyond a cap of {@link Limits}, or more memory than the heap
 * holds); the message is the one-line reason. The CLI answers it with exit code 2.
 */
public final class PlanRefused extends IllegalArgumentException {
    public PlanRefused(String message) {
        super(message);
    }
}
