package dev.corescope.workload.algo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MatmulKernelsTest {

    /** Reference product written independently of the kernels, on 2-D arrays. */
    private static double[] reference(double[] a, double[] b, int n) {
        double[][] x = new double[n][n];
        double[][] y = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                x[i][j] = a[i * n + j];
                y[i][j] = b[i * n + j];
            }
        }
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += x[i][k] * y[k][j];
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 64, 65, 130})
    void everyKernelMatchesTheReference(int n) {
        SplittableRandom random = new SplittableRandom(n);
        double[] a = MatmulWorkload.randomMatrix(n, random);
        double[] b = MatmulWorkload.randomMatrix(n, random);
        double[] expected = reference(a, b, n);

        assertThat(MatmulKernels.naive(a, b, n)).containsExactly(expected, within(1e-12));
        assertThat(MatmulKernels.ikj(a, b, n)).containsExactly(expected, within(1e-12));
        for (int block : new int[] {1, 7, MatmulKernels.DEFAULT_BLOCK, 200}) {
            assertThat(MatmulKernels.blocked(a, b, n, block)).as("block " + block)
                    .containsExactly(expected, within(1e-12));
        }
    }

    @Test
    void kernelsAreBitForBitEqual() {
        int n = 97;
        SplittableRandom random = new SplittableRandom(1);
        double[] a = MatmulWorkload.randomMatrix(n, random);
        double[] b = MatmulWorkload.randomMatrix(n, random);
        double[] naive = MatmulKernels.naive(a, b, n);

        assertThat(MatmulKernels.ikj(a, b, n)).isEqualTo(naive);
        assertThat(MatmulKernels.blocked(a, b, n, 16)).isEqualTo(naive);
    }

    @Test
    void smallKnownProduct() {
        double[] a = {1, 2, 3, 4};
        double[] b = {5, 6, 7, 8};

        assertThat(MatmulKernels.blocked(a, b, 2, 1)).containsExactly(19, 22, 43, 50);
    }

    @Test
    void badShapesAndBlocksAreRejected() {
        assertThatThrownBy(() -> MatmulKernels.naive(new double[4], new double[3], 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MatmulKernels.blocked(new double[4], new double[4], 2, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
