package dev.corescope.report;

import dev.corescope.analysis.Units;
import java.util.function.Function;

/**
 * Tick labels a reader takes in at a glance, on linear and log axes. On a log axis XChart 4.0.3 puts a tick at every
 * 1–9 × 10<sup>k</sup> and, left to itself, labels only the decades ("100"; "1, 10"), so these formatters choose which
 * ticks to label by how many decades the axis spans: every tick within one decade, 1-2-5 within three, the decades
 * beyond; the others get an empty label.
 */
final class TickLabels {
    /** What the values on an axis are. */
    enum Kind {
        /** Seconds, labelled with their unit: {@code 50 us}, {@code 2 ms}, {@code 1.5 s}. */
        TIME,
        /** Counts or sizes: {@code 500}, {@code 2k}, {@code 1.5M}. */
        COUNT,
        /** Workers: whole numbers only (a tick between two levels gets no label). */
        WORKERS,
        /** Plain numbers: {@code 0.5}, {@code 1}, {@code 2.25}. */
        NUMBER,
        /** Fractions as percentages: {@code 50%}. */
        PERCENT
    }

    private TickLabels() {
    }

    /** Labels for a linear axis. */
    static Function<Double, String> linear(Kind kind) {
        return v -> text(kind, v);
    }

    /** Labels for a log axis spanning {@code lo}..{@code hi} (both &gt; 0). */
    static Function<Double, String> log(Kind kind, double lo, double hi) {
        double decades = Math.log10(hi / lo);
        return v -> {
            if (!(v > 0)) {
                return "";
            }
            int mantissa = (int) Math.round(v / Math.pow(10, Math.floor(Math.log10(v) + 1e-9)));
            boolean label = decades <= 1.2 || (decades <= 3.2 ? mantissa == 1 || mantissa == 2 || mantissa == 5
                    : mantissa == 1 || mantissa == 10);
            return label ? text(kind, v) : "";
        };
    }

    /** One value as a label of its kind. */
    static String text(Kind kind, double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        return switch (kind) {
            case TIME -> time(v);
            case COUNT -> count(v);
            case WORKERS -> Math.abs(v - Math.rint(v)) < 1e-6 ? count(Math.rint(v)) : "";
            case NUMBER -> number(v);
            case PERCENT -> number(v * 100) + "%";
        };
    }

    /** Seconds with a unit and no trailing zeros: {@code 0}, {@code 50 us}, {@code 2.5 ms}, {@code 1 s}. */
    static String time(double s) {
        double a = Math.abs(s);
        if (a < 1e-12) {
            return "0";
        }
        if (a < 1e-6) {
            return number(s * 1e9) + " ns";
        }
        if (a < 1e-3) {
            return number(s * 1e6) + " us";
        }
        if (a < 1) {
            return number(s * 1e3) + " ms";
        }
        return number(s) + " s";
    }

    /** {@code 500}, {@code 2k}, {@code 1.5M}, {@code 3G}. */
    static String count(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) {
            return number(v / 1e9) + "G";
        }
        if (a >= 1e6) {
            return number(v / 1e6) + "M";
        }
        if (a >= 1e4) {
            return number(v / 1e3) + "k";
        }
        return number(v);
    }

    /** Up to three significant digits, no exponent, no trailing zeros. */
    static String number(double v) {
        if (Math.abs(v) < 1e-12) {
            return "0";
        }
        String s = Units.format("%.3g", v);
        if (s.contains("e")) {
            return Units.format("%.0f", v);
        }
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
