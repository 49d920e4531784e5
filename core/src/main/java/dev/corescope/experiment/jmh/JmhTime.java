package dev.corescope.experiment.jmh;

import java.util.Locale;

/**
 * A JMH time value ({@code -w}, {@code -r}, {@code -to}, the annotations' times): its text as given (passed on
 * to JMH unchanged) and its length, read as JMH's {@code TimeValue.fromString} reads it ({@code 10s},
 * {@code 100 ms}, {@code 1m}, a bare number in seconds; {@code single-shot} is none).
 */
public record JmhTime(String text, long nanos) {
    private static final String[][] UNITS = {{"ns", "1"}, {"ms", "1000000"}, {"us", "1000"}, {"s", "1000000000"},
        {"m", "60000000000"}, {"hr", "3600000000000"}, {"day", "86400000000000"}};

    /**
     * @throws IllegalArgumentException when JMH could not read it either
     */
    public static JmhTime parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("missing time value");
        }
        String t = text.replace(" ", "").toLowerCase(Locale.ROOT);
        if (t.equals("single-shot")) {
            return new JmhTime(text, 0);
        }
        try {
            // JMH tests the units in this order, by "contains": "10min" is 10 minutes through "m"
            for (String[] u : UNITS) {
                int at = t.indexOf(u[0]);
                if (at >= 0) {
                    return of(text, Integer.parseInt(t.substring(0, at)), Long.parseLong(u[1]));
                }
            }
            return of(text, Integer.parseInt(t), 1_000_000_000L);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a JMH time (e.g. 1s, 500ms, 2m)");
        }
    }

    private static JmhTime of(String text, int amount, long unitNanos) {
        if (amount < 0) {
            throw new IllegalArgumentException("'" + text + "' is negative");
        }
        return new JmhTime(text, amount * unitNanos);
    }

    public double seconds() {
        return nanos / 1e9;
    }
}
