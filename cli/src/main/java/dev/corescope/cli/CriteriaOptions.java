package dev.corescope.cli;

import picocli.CommandLine.Option;

/**
 * How a level is judged against one worker alone, for investigate and assess: the allowed slowdown and,
 * for a workload, the allowed ratio of its spread.
 */
public final class CriteriaOptions {
    @Option(names = "--tolerance", paramLabel = "PCT",
            description = "Allowed slowdown against one worker, in (0, 100%%): for assess, the floor of the certification's "
                    + "location margin (default 3%%); for investigate, of the mean and the median of a workload (3%%) or of "
                    + "the median for the spin kernel (5%%).")
    String tolerance;

    @Option(names = "--sd-limit", paramLabel = "RATIO", defaultValue = "1.3",
            description = "For a workload: allowed ratio of its spread against one worker's (>= 1): for assess, the floor "
                    + "of the certification's spread margin (interquartile ranges); for investigate, of the standard "
                    + "deviations. Default: ${DEFAULT-VALUE}.")
    double sdLimit;

    /** {@code --tolerance} as a fraction, or {@code defaultPercent} (e.g. {@code 3%}) when not given. */
    double tolerance(String defaultPercent) {
        return Percent.parse("--tolerance", tolerance != null ? tolerance : defaultPercent);
    }

    /** {@code --sd-limit}, checked. */
    double sdLimit() {
        if (!(sdLimit >= 1) || !Double.isFinite(sdLimit)) {
            throw new UsageError("--sd-limit must be a number >= 1, got " + sdLimit);
        }
        return sdLimit;
    }
}
