package dev.corescope.suite;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * n × n matrix products of doubles, row-major in one array: the naive i-j-k loop (strided reads of B), the i-k-j
 * order (unit stride), against B transposed once per product, and 32 × 32 blocks. The sizes keep the operands in
 * the core's own caches (32: 24 KiB, 96: 216 KiB) or just past them (200: 940 KiB): CPU-bound, not a measure of
 * memory bandwidth.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Matrices {
    private static final int BLOCK = 32;

    @Param({"32", "96", "200"})
    public int n;

    private double[] a;
    private double[] b;

    @Setup
    public void setUp() {
        a = Inputs.doubles(n * n, 1);
        b = Inputs.doubles(n * n, 2);
    }

    @Benchmark
    public double[] naive() {
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += a[i * n + k] * b[k * n + j];
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    @Benchmark
    public double[] ikj() {
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double aik = a[i * n + k];
                for (int j = 0; j < n; j++) {
                    c[i * n + j] += aik * b[k * n + j];
                }
            }
        }
        return c;
    }

    @Benchmark
    public double[] transposed() {
        double[] t = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                t[j * n + i] = b[i * n + j];
            }
        }
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += a[i * n + k] * t[j * n + k];
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    @Benchmark
    public double[] blocked() {
        double[] c = new double[n * n];
        for (int ii = 0; ii < n; ii += BLOCK) {
            for (int kk = 0; kk < n; kk += BLOCK) {
                for (int jj = 0; jj < n; jj += BLOCK) {
                    int iMax = Math.min(ii + BLOCK, n);
                    int kMax = Math.min(kk + BLOCK, n);
                    int jMax = Math.min(jj + BLOCK, n);
                    for (int i = ii; i < iMax; i++) {
                        for (int k = kk; k < kMax; k++) {
                            double aik = a[i * n + k];
                            for (int j = jj; j < jMax; j++) {
                                c[i * n + j] += aik * b[k * n + j];
                            }
                        }
                    }
                }
            }
        }
        return c;
    }
}
