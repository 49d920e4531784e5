package dev.corescope.workload.algo;

import dev.corescope.api.TaskInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SortWorkloadTest {

    static Stream<InputOrder> orders() {
        return Arrays.stream(InputOrder.values());
    }

    private static long checksum(SortAlgorithm algorithm, InputOrder order, long size, long seed) {
        return new SortWorkload(algorithm, order).run(new TaskInput(0, size, seed)).checksum();
    }

    @ParameterizedTest
    @EnumSource(InputOrder.class)
    void allAlgorithmsAgreeOnTheChecksum(InputOrder order) {
        for (long size : new long[] {0, 1, 2, 100, 5000}) {
            long expected = checksum(SortAlgorithm.JDK, order, size, 11);
            for (SortAlgorithm algorithm : SortAlgorithm.values()) {
                assertThat(checksum(algorithm, order, size, 11)).as(algorithm + " size " + size).isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SortAlgorithm.class)
    void sameSeedSameChecksumOtherSeedOtherChecksum(SortAlgorithm algorithm) {
        long first = checksum(algorithm, InputOrder.RANDOM, 1000, 3);

        assertThat(checksum(algorithm, InputOrder.RANDOM, 1000, 3)).isEqualTo(first);
        assertThat(checksum(algorithm, InputOrder.RANDOM, 1000, 4)).isNotEqualTo(first);
    }

    @Test
    void generatedOrdersHaveTheirShape() {
        int[] sorted = InputOrder.SORTED.generate(1000, 1);
        int[] reversed = InputOrder.REVERSED.generate(1000, 1);
        int[] duplicates = InputOrder.DUPLICATES.generate(1000, 1);

        assertThat(sorted).isSorted();
        for (int i = 1; i < reversed.length; i++) {
            assertThat(reversed[i]).isLessThanOrEqualTo(reversed[i - 1]);
        }
        assertThat(Arrays.stream(duplicates).distinct().count()).isLessThanOrEqualTo(InputOrder.DISTINCT_VALUES);
        assertThat(InputOrder.RANDOM.generate(1000, 1)).isEqualTo(InputOrder.RANDOM.generate(1000, 1));
    }

    @Test
    void unsortedResultIsRejected() {
        assertThatThrownBy(() -> SortWorkload.checksumSorted(new int[] {1, 3, 2}, "sort-x"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sort-x produced an unsorted result");
    }

    @Test
    void checksumDependsOnContentAndLength() {
        assertThat(SortWorkload.checksumSorted(new int[] {1, 2, 3}, "s"))
                .isNotEqualTo(SortWorkload.checksumSorted(new int[] {1, 2, 4}, "s"))
                .isNotEqualTo(SortWorkload.checksumSorted(new int[] {0, 1, 2, 3}, "s"));
    }

    @Test
    void parametersAreValidated() {
        assertThat(new SortWorkload(SortAlgorithm.QUICK, Map.of("order", "Reversed")).name()).isEqualTo("sort-quick");
        assertThatThrownBy(() -> new SortWorkload(SortAlgorithm.QUICK, Map.of("order", "shuffled")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("order");
        assertThatThrownBy(() -> new SortWorkload(SortAlgorithm.QUICK, InputOrder.RANDOM).run(new TaskInput(0, -1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("size");
    }

    @org.junit.jupiter.api.Test
    void reusedBuffersCarryNothingFromOneTaskToTheNext() {
        SortWorkload w = new SortWorkload(SortAlgorithm.MERGE, InputOrder.RANDOM);
        long first = w.run(new dev.corescope.api.TaskInput(0, 1000, 5)).checksum();
        w.run(new dev.corescope.api.TaskInput(1, 1000, 6));
        w.run(new dev.corescope.api.TaskInput(2, 700, 5));
        assertThat(w.run(new dev.corescope.api.TaskInput(3, 1000, 5)).checksum()).isEqualTo(first);
        assertThat(first).isEqualTo(new SortWorkload(SortAlgorithm.JDK, InputOrder.RANDOM)
                .run(new dev.corescope.api.TaskInput(0, 1000, 5)).checksum());
    }
}
