package dev.corescope.cli;

/** Parses {@code 5%}, {@code 5} (percent) or {@code 0.05} into a fraction in (0, 1). */
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
        double fraction = pct || v >= 1 ? v / 100 : v;
        if (!(fraction > 0 && fraction < 1)) {
            throw new UsageError(option + " must be in (0, 100%), got " + text);
        }
        return fraction;
    }
}
