package dev.corescope.cli;

/**
 * Parses a percentage, {@code 5%} (or {@code 5}: a bare number is percent), into a fraction in (0, 1). A bare
 * number below 1 ({@code 0.05}) is refused: it once meant a fraction, so {@code 0.5} meant 50% while {@code 1}
 * meant 1%; it is written {@code 5%} or {@code 0.5%} now.
 */
final class Percent {
    private Percent() {
    }

    static double parse(String option, String text) {
        String t = text.trim();
        boolean pct = t.endsWith("%");
        double v;
        try {
            v = Double.parseDouble(pct ? t.substring(0, t.length() - 1) : t);
        } catch (NumberFormatException e) {
            throw new UsageError(option + " '" + text + "' is not a number or percentage (e.g. 5%)");
        }
        if (!pct && v > 0 && v < 1) {
            throw new UsageError(option + " " + t + " is ambiguous: a percentage is written with %, e.g. "
                    + new java.math.BigDecimal(t).movePointRight(2).stripTrailingZeros().toPlainString() + "%" + " or " + t + "%");
        }
        double fraction = v / 100;
        if (!(fraction > 0 && fraction < 1)) {
            throw new UsageError(option + " must be in (0, 100%), got " + text);
        }
        return fraction;
    }
}
