package dev.corescope.workload.algo;

import java.util.Map;

/** Reads and validates the numeric string parameters of the algorithm workloads. */
final class Params {

    private Params() {
    }

    /**
     * The integer value of {@code key}, or {@code fallback} when absent.
     *
     * @throws IllegalArgumentException when the value is not an integer or lies outside [min, max]
     */
    static long longParam(Map<String, String> params, String key, long fallback, long min, long max) {
        String text = params.get(key);
        long value;
        try {
            value = text == null ? fallback : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + key + " must be an integer, got '" + text + "'");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("parameter " + key + " must be in [" + min + ", " + max
                    + "], got " + value);
        }
        return value;
    }

    /**
     * Checks a task's problem size against the largest size a workload can hold in one array.
     *
     * @throws IllegalArgumentException when {@code size} is negative or above {@code max}
     */
    static int checkSize(String workload, long size, long max) {
        if (size < 0 || size > max) {
            throw new IllegalArgumentException(workload + ": size must be in [0, " + max + "], got " + size);
        }
        return (int) size;
    }
}
