package dev.corescope.exec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The arithmetic of rounds: R tasks on P workers → ⌊R/P⌋ full rounds and one round of R mod P. */
public final class RoundsPlan {
    private RoundsPlan() {
    }

    /** Sizes of the rounds, in order; e.g. (10, 4) → [4, 4, 2]; (8, 4) → [4, 4]; (3, 5) → [3]. */
    public static List<Integer> roundSizes(int repeats, int workers) {
        if (repeats < 0 || workers < 1) {
            throw new IllegalArgumentException("need repeats >= 0 and workers >= 1, got " + repeats + ", " + workers);
        }
        List<Integer> sizes = new ArrayList<>();
        for (int left = repeats; left > 0; left -= workers) {
            sizes.add(Math.min(workers, left));
        }
        return Collections.unmodifiableList(sizes);
    }
}
