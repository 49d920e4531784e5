package dev.corescope.workload.algo;

import dev.corescope.api.TaskInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MatmulWorkloadTest {

    private static long checksum(MatmulVariant variant, int block, long n, long seed) {
        return new MatmulWorkload(variant, block).run(new TaskInput(0, n, seed)).checksum();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 7, 64, 65, 130})
    void allVariantsAgreeOnTheChecksum(long n) {
        long expected = checksum(MatmulVariant.NAIVE, 64, n, 9);

        assertThat(checksum(MatmulVariant.IKJ, 64, n, 9)).isEqualTo(expected);
        assertThat(checksum(MatmulVariant.BLOCKED, 64, n, 9)).isEqualTo(expected);
        assertThat(checksum(MatmulVariant.BLOCKED, 13, n, 9)).isEqualTo(expected);
    }

    @Test
    void sameSeedSameChecksumOtherSeedOtherChecksum() {
        long first = checksum(MatmulVariant.IKJ, 64, 50, 1);

        assertThat(checksum(MatmulVariant.IKJ, 64, 50, 1)).isEqualTo(first);
        assertThat(checksum(MatmulVariant.IKJ, 64, 50, 2)).isNotEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 64, 100})
    void verifierRejectsAWrongEntry(int n) {
        SplittableRandom random = new SplittableRandom(3);
        double[] a = MatmulWorkload.randomMatrix(n, random);
        double[] b = MatmulWorkload.randomMatrix(n, random);
        double[] c = MatmulKernels.naive(a, b, n);
        MatmulVerifier.verify("matmul-x", a, b, c, n, 3);

        for (int i = 0; i < c.length; i++) {
            c[i] += 1e-3; // every entry wrong, so sampling must hit one
        }

        assertThatThrownBy(() -> MatmulVerifier.verify("matmul-x", a, b, c, n, 3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("matmul-x produced a wrong product");
    }

    @Test
    void fullCheckFindsASingleWrongEntry() {
        int n = MatmulVerifier.FULL_CHECK_MAX_N;
        SplittableRandom random = new SplittableRandom(4);
        double[] a = MatmulWorkload.randomMatrix(n, random);
        double[] b = MatmulWorkload.randomMatrix(n, random);
        double[] c = MatmulKernels.ikj(a, b, n);
        c[n * n - 1] += 1e-6;

        assertThatThrownBy(() -> MatmulVerifier.verify("matmul-ikj", a, b, c, n, 4))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("C[" + (n - 1) + "][" + (n - 1) + "]");
    }

    @Test
    void parametersAreValidated() {
        assertThat(new MatmulWorkload(MatmulVariant.BLOCKED, Map.of("block", "32")).name()).isEqualTo("matmul-blocked");
        assertThatThrownBy(() -> new MatmulWorkload(MatmulVariant.BLOCKED, Map.of("block", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("block");
        assertThatThrownBy(() -> new MatmulWorkload(MatmulVariant.BLOCKED, Map.of("block", "big")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("block");
        assertThatThrownBy(() -> new MatmulWorkload(MatmulVariant.NAIVE, 64).run(new TaskInput(0, 50_000, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("size");
    }

    @org.junit.jupiter.api.Test
    void reusedBuffersCarryNothingFromOneTaskToTheNext() {
        for (MatmulVariant v : MatmulVariant.values()) {
            MatmulWorkload w = new MatmulWorkload(v, 16);
            long first = w.run(new dev.corescope.api.TaskInput(0, 40, 5)).checksum();
            w.run(new dev.corescope.api.TaskInput(1, 40, 6));
            w.run(new dev.corescope.api.TaskInput(2, 30, 5));
            assertThat(w.run(new dev.corescope.api.TaskInput(3, 40, 5)).checksum()).as(v.name()).isEqualTo(first);
        }
    }
}
