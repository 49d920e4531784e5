package dev.corescope.jmh;

import dev.corescope.api.TaskInput;
import dev.corescope.workload.algo.MatmulKernels;
import dev.corescope.workload.algo.MatmulVariant;
import dev.corescope.workload.algo.MatmulWorkload;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Times the whole {@code matmul-naive} task exactly as a corescope worker runs it: input generation
 * from the seed, the naive product, sampled verification and the checksum. This is the like-for-like
 * reference for {@code corescope assess -a matmul-naive -n 250}; {@link MatmulNaiveBench} times the
 * kernel alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MatmulNaiveTaskBench {

    @Param("250")
    public int n;

    private final MatmulWorkload workload = new MatmulWorkload(MatmulVariant.NAIVE, MatmulKernels.DEFAULT_BLOCK);
    private long seed;

    @Benchmark
    public long task() {
        return workload.run(new TaskInput(0, n, seed++)).checksum();
    }
}
