package dev.corescope.workload.algo;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How a sort workload's input is laid out. Every order is generated in a single pass of
 * {@link SplittableRandom} draws, so generation costs O(n), small next to any sort.
 */
public enum InputOrder {
    /** Uniform random ints over the whole range. */
    RANDOM,
    /** Non-decreasing from {@code Integer.MIN_VALUE}, random steps of 0 or 1 (so some duplicates). */
    SORTED,
    /** Non-increasing from {@code Integer.MAX_VALUE}, random steps of 0 or 1. */
    REVERSED,
    /** Random ints from only {@value #DISTINCT_VALUES} distinct values: many equal keys. */
    DUPLICATES;

    /** Number of distinct values in {@link #DUPLICATES} inputs. */
    public static final int DISTINCT_VALUES = 16;

    /** Parses a parameter value such as {@code random} or {@code reversed}, ignoring case. */
    public static InputOrder parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("order must be one of random, sorted, reversed, duplicates; got '"
                    + text + "'");
        }
    }

    /** A new array of {@code length} ints in this order, fully determined by {@code seed}. */
    public int[] generate(int length, long seed) {
        return fill(new int[length], seed);
    }

    /** Fills {@code a} as {@link #generate} would a new array of its length; returns it. */
    public int[] fill(int[] a, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int length = a.length;
        switch (this) {
            case RANDOM -> {
                for (int i = 0; i < length; i++) {
                    a[i] = random.nextInt();
                }
            }
            case SORTED, REVERSED -> {
                // Steps of at most 1 over fewer than 2^31 elements cannot overflow.
                int step = this == SORTED ? 1 : -1;
                int value = this == SORTED ? Integer.MIN_VALUE : Integer.MAX_VALUE;
                for (int i = 0; i < length; i++) {
                    value += step * random.nextInt(2);
                    a[i] = value;
                }
            }
            case DUPLICATES -> {
                for (int i = 0; i < length; i++) {
                    a[i] = random.nextInt(DISTINCT_VALUES);
                }
            }
        }
        return a;
    }
}
