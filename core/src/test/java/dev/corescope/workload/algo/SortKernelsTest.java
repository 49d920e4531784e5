package dev.corescope.workload.algo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SortKernelsTest {

    static Stream<Arguments> cases() {
        SplittableRandom random = new SplittableRandom(42);
        Stream.Builder<int[]> inputs = Stream.builder();
        inputs.add(new int[0]);
        inputs.add(new int[] {7});
        inputs.add(new int[] {2, 1});
        inputs.add(new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE, 0, -1, 1});
        for (int n : new int[] {15, 16, 17, 1000}) {
            inputs.add(random.ints(n).toArray());
            inputs.add(IntStream.range(0, n).toArray());
            inputs.add(IntStream.range(0, n).map(i -> n - i).toArray());
            inputs.add(random.ints(n, 0, 3).toArray());
            inputs.add(new int[n]);
        }
        return inputs.build().flatMap(input -> Arrays.stream(SortAlgorithm.values())
                .map(algorithm -> Arguments.of(algorithm, input)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void sortsLikeArraysSort(SortAlgorithm algorithm, int[] input) {
        int[] expected = input.clone();
        Arrays.sort(expected);
        int[] actual = input.clone();

        algorithm.sort(actual);

        assertThat(actual).containsExactly(expected);
    }

    @ParameterizedTest
    @MethodSource("dev.corescope.workload.algo.SortWorkloadTest#orders")
    void sortsEveryGeneratedOrder(InputOrder order) {
        for (SortAlgorithm algorithm : SortAlgorithm.values()) {
            int[] a = order.generate(3000, 5);
            int[] expected = a.clone();
            Arrays.sort(expected);

            algorithm.sort(a);

            assertThat(a).as(algorithm + " on " + order).containsExactly(expected);
        }
    }
}
