package dev.corescope.experiment.jmh;

import java.util.Locale;

/**
 * JMH's benchmark modes, in JMH's order (its results are sorted by mode first), with the short labels of its
 * result files. {@link #parse} accepts what JMH's {@code Mode.deepValueOf} does: the enum name or a prefix of
 * a short label.
 */
public enum JmhMode {
    Throughput("thrpt"), AverageTime("avgt"), SampleTime("sample"), SingleShotTime("ss"), All("all");

    private final String label;

    JmhMode(String label) {
        this.label = label;
    }

    /** {@code thrpt}, {@code avgt}, {@code sample}, {@code ss}. */
    public String label() {
        return label;
    }

    /** Whether a higher score is better (throughput); lower is better for the time modes. */
    public boolean higherIsBetter() {
        return this == Throughput;
    }

    /** Whether iterations run for a time ({@code -w}, {@code -r}) rather than one call each. */
    public boolean timed() {
        return this != SingleShotTime;
    }

    /**
     * @throws IllegalArgumentException for a name that is no mode, or a prefix of two labels
     */
    public static JmhMode parse(String name) {
        String n = name == null ? "" : name.trim();
        for (JmhMode m : values()) {
            if (m.name().equals(n)) {
                return m;
            }
        }
        JmhMode found = null;
        for (JmhMode m : values()) {
            if (!n.isEmpty() && m.label.startsWith(n.toLowerCase(Locale.ROOT))) {
                if (found != null) {
                    throw new IllegalArgumentException("ambiguous benchmark mode '" + name + "' (thrpt, avgt, sample, ss, all)");
                }
                found = m;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("unknown benchmark mode '" + name + "' (thrpt, avgt, sample, ss, all)");
        }
        return found;
    }

    /** The mode of a result file's short label ({@code thrpt}...); null when unknown. */
    public static JmhMode ofLabel(String label) {
        for (JmhMode m : values()) {
            if (m.label.equals(label)) {
                return m;
            }
        }
        return null;
    }
}
