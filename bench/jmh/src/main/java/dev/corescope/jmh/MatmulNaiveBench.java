package dev.corescope.jmh;

import dev.corescope.workload.algo.MatmulKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Times corescope's naive (i-j-k) matrix product through the very kernel the {@code matmul-naive}
 * workload runs, {@link MatmulKernels#naive}, so JMH's figure can be set against corescope's own.
 * Unlike the workload, it excludes input generation and verification from the timing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MatmulNaiveBench {

    /** Matrix edge. */
    @Param("250")
    public int n;

    private double[] a;
    private double[] b;

    /** Draws A and B with entries uniform in [-1, 1), as the workload does. */
    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        a = random.doubles((long) n * n, -1, 1).toArray();
        b = random.doubles((long) n * n, -1, 1).toArray();
    }

    @Benchmark
    public void naive(Blackhole blackhole) {
        blackhole.consume(MatmulKernels.naive(a, b, n));
    }
}
