package dev.corescope.jmh;

import dev.corescope.workload.algo.InputOrder;
import dev.corescope.workload.algo.SortAlgorithm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * Times corescope's merge sort ({@code sort-merge}, {@link SortAlgorithm#MERGE}) on a fresh random input
 * per invocation, generated outside the timing as corescope does ({@code Level.Invocation} setup: fine for
 * a task of milliseconds). Run with {@code -t 1} and {@code -t 2} for the reference of whether two
 * concurrent sorts slow each other down in one JVM, independently of corescope's harness.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SortMergeBench {

    @Param("200000")
    public int n;

    private int[] a;
    private long seed;

    @Setup(Level.Invocation)
    public void setUp() {
        a = InputOrder.RANDOM.generate(n, ++seed);
    }

    @Benchmark
    public void merge(Blackhole blackhole) {
        SortAlgorithm.MERGE.sort(a);
        blackhole.consume(a[a.length / 2]);
    }
}
