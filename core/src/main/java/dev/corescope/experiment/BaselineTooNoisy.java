package dev.corescope.experiment;

/**
 * One worker alone was too noisy, twice, to judge any level against it ({@link dev.corescope.analysis.NoiseFloor}):
 * investigate stops with the reason instead of printing, or caching, a threshold it could not measure.
 */
public final class BaselineTooNoisy extends IllegalStateException {
    public BaselineTooNoisy(String reason) {
        super("investigate stopped: " + reason);
    }
}
