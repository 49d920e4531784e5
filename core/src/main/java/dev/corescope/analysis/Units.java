package dev.corescope.analysis;

import java.util.Locale;

/**
 * The one set of number formatters: every table, sentence, CSV field and report cell that shows a
 * number goes through here, always in {@link Locale#ROOT} (a decimal point, never a comma, whatever the
 * user's locale). Undefined values (NaN, infinities) show as {@code -} ({@code ""} in CSV). In the
 * analysis package because the plain-language findings it writes (verdicts, explanations) need them as
 * much as the report does.
 */
public final class Units {
    private Units() {
    }

    /** {@code String.format} in {@link Locale#ROOT}. */
    public static String format(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** Seconds: 5 decimals below 10 ms, 3 below 10 s, else 2. */
    public static String sec(double s) {
        if (!Double.isFinite(s)) {
            return "-";
        }
        return s < 0.01 ? format("%.5f", s) : s < 10 ? format("%.3f", s) : format("%.2f", s);
    }

    /** Seconds shown as milliseconds: 1 decimal from 100 ms, 3 from 1 ms, else 4. */
    public static String ms(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "-";
        }
        double m = seconds * 1000;
        double a = Math.abs(m);
        return a >= 100 ? format("%.1f", m) : a >= 1 ? format("%.3f", m) : format("%.4f", m);
    }

    /** A fraction as a percentage with one decimal: {@code 0.051} → {@code 5.1%}. */
    public static String pct(double fraction) {
        return Double.isFinite(fraction) ? format("%.1f%%", fraction * 100) : "-";
    }

    /** A number with a fixed number of decimals. */
    public static String num(double v, int decimals) {
        return Double.isFinite(v) ? format("%." + decimals + "f", v) : "-";
    }

    /** A CSV field: 6 significant digits, empty when undefined. */
    public static String csv(double v) {
        return Double.isFinite(v) ? format("%.6g", v) : "";
    }

    /** A short duration: {@code 0}, {@code 100us}, {@code 1ms}, {@code 1.50s}. */
    public static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "-";
        }
        if (seconds <= 0) {
            return "0";
        }
        if (seconds < 1e-3) {
            return trim(seconds * 1e6) + "us";
        }
        if (seconds < 1) {
            return trim(seconds * 1e3) + "ms";
        }
        return trim(seconds) + "s";
    }

    /**
     * A measured time with its unit and three significant digits, whatever its size: {@code 850 ns},
     * {@code 12.3 us}, {@code 4.56 ms}, {@code 1.23 s}, {@code 95.1 s} (never {@code 0.00001}).
     */
    public static String time(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "-";
        }
        double a = Math.abs(seconds);
        if (a == 0) {
            return "0 s";
        }
        if (a < 1e-6) {
            return sig(seconds * 1e9) + " ns";
        }
        if (a < 1e-3) {
            return sig(seconds * 1e6) + " us";
        }
        if (a < 1) {
            return sig(seconds * 1e3) + " ms";
        }
        return sig(seconds) + " s";
    }

    /** Three significant digits, no exponent: {@code 1.23}, {@code 12.3}, {@code 123}, {@code 1234}. */
    private static String sig(double v) {
        double a = Math.abs(v);
        return a >= 100 ? format("%.0f", v) : a >= 10 ? format("%.1f", v) : format("%.2f", v);
    }

    /** A long duration for people: {@code 42.0 s}, {@code 3m 05s}, {@code 2h 10m}. */
    public static String human(double seconds) {
        if (seconds < 60) {
            return format("%.1f s", seconds);
        }
        if (seconds < 3600) {
            return format("%dm %02ds", (long) seconds / 60, (long) seconds % 60);
        }
        return format("%dh %02dm", (long) seconds / 3600, ((long) seconds % 3600) / 60);
    }

    /** Bytes in binary units: {@code 0 B}, {@code 1 KiB}, {@code 1.50 MiB}, {@code 16 GiB}. */
    public static String bytes(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return trim(v) + " " + units[u];
    }

    /** A ratio read at a glance: no decimals from 10, one from 1, else two significant digits. */
    public static String ratio(double v) {
        return v >= 10 ? format("%.0f", v) : v >= 1 ? format("%.1f", v) : format("%.2g", v);
    }

    /** A whole number without decimals, else three significant digits. */
    private static String trim(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9 ? String.valueOf((long) Math.rint(v)) : format("%.3g", v);
    }
}
