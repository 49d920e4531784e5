package dev.corescope.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.analysis.LevelVerdict;
import dev.corescope.analysis.ThresholdResult;
import dev.corescope.analysis.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ThresholdSearchTest {
    /** A decided result where levels ≤ capacity are OK and the rest WORSE. */
    private static ThresholdResult result(Set<Integer> measured, int capacity) {
        List<LevelVerdict> vs = new ArrayList<>();
        int threshold = 1;
        boolean broken = false;
        for (int p : new TreeSet<>(measured)) {
            Verdict v = p <= capacity ? Verdict.OK : Verdict.WORSE;
            vs.add(new LevelVerdict(p, 10, 1, 0, 1, 0, 1, 1, 1, v, true));
            if (!broken && v == Verdict.OK) {
                threshold = p;
            } else {
                broken = true;
            }
        }
        return new ThresholdResult(threshold, vs, null, null, true);
    }

    private static List<Integer> searchOrder(int capacity, int guess, int max) {
        return searchOrder(capacity, guess, max, List.of());
    }

    /** The levels measured, in order, from 1, {@code guess} and the level above it. */
    private static List<Integer> searchOrder(int capacity, int guess, int max, List<Integer> hints) {
        Set<Integer> measured = new TreeSet<>(List.of(1, guess, guess + 1));
        List<Integer> order = new ArrayList<>(measured);
        while (true) {
            int next = ThresholdSearch.next(result(measured, capacity), measured, max, hints);
            if (next < 0) {
                return order;
            }
            assertThat(measured).doesNotContain(next);
            measured.add(next);
            order.add(next);
        }
    }

    @Test
    void bracketedByGuessNeedsNothingMore() {
        assertThat(searchOrder(4, 4, 10)).containsExactly(1, 4, 5);
    }

    @Test
    void widensByDoublingThenBisects() {
        // profile guessed 2, machine has 13: 1,2,3 -> 6 -> 12 -> 24 (capped at max 30) -> bisect 12..24
        List<Integer> order = searchOrder(13, 2, 30);
        assertThat(order).startsWith(1, 2, 3, 6, 12, 24);
        assertThat(order).contains(13, 14);
        assertThat(order.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void bisectsDownWhenTheGuessIsTooHigh() {
        List<Integer> order = searchOrder(3, 16, 34);
        assertThat(order).contains(3, 4);
        assertThat(order.size()).isLessThanOrEqualTo(9);
    }

    @Test
    void stopsAtTheMaximum() {
        assertThat(searchOrder(100, 4, 8)).containsExactly(1, 4, 5, 8);
    }

    @Test
    void everyCapacityIsFoundExactly() {
        for (int cap = 1; cap <= 40; cap++) {
            for (int guess : new int[] {1, 2, 8, 32}) {
                Set<Integer> measured = new TreeSet<>(searchOrder(cap, guess, 82));
                ThresholdResult r = result(measured, cap);
                assertThat(r.threshold()).as("capacity %d, guess %d", cap, guess).isEqualTo(cap);
            }
        }
    }

    @Test
    void theMachinesSuggestionsAreTriedBeforeBisecting() {
        // 16 cores x 2: physical cores 16 and logical CPUs 32 suggested; SMT siblings that cost little -> 32
        assertThat(searchOrder(32, 16, 33, List.of(16, 32))).containsExactly(1, 16, 17, 32, 33);
        // siblings that cost a lot: 17 is not OK, 32 is never measured
        assertThat(searchOrder(16, 16, 33, List.of(16, 32))).containsExactly(1, 16, 17);
        // 64 CPUs, 3 busy: 61 suggested from the per-CPU load
        assertThat(searchOrder(61, 61, 65, List.of(61, 64))).containsExactly(1, 61, 62);
        for (int cap = 1; cap <= 40; cap++) {
            Set<Integer> measured = new TreeSet<>(searchOrder(cap, 8, 41, List.of(8, 20, 40)));
            assertThat(result(measured, cap).threshold()).as("capacity %d", cap).isEqualTo(cap);
        }
    }
}
