package dev.corescope.workload.algo;

import java.util.Arrays;
import java.util.function.Consumer;

/** The sorting algorithms offered as workloads, each with its workload name. */
public enum SortAlgorithm {
    INSERTION("sort-insertion", SortKernels::insertion, 0),
    MERGE("sort-merge", SortKernels::merge, 1),
    QUICK("sort-quick", SortKernels::quick, 0),
    HEAP("sort-heap", SortKernels::heap, 0),
    /** Dual-pivot quicksort; it allocates a buffer as long as the input when it merges runs (sorted data). */
    JDK("sort-jdk", Arrays::sort, 1);

    private final String workloadName;
    private final Consumer<int[]> kernel;
    private final int buffers;

    SortAlgorithm(String workloadName, Consumer<int[]> kernel, int buffers) {
        this.workloadName = workloadName;
        this.kernel = kernel;
        this.buffers = buffers;
    }

    /** Arrays as long as the input the kernel allocates besides it, at most. */
    public int buffers() {
        return buffers;
    }

    /** Workload name, e.g. {@code sort-quick}. */
    public String workloadName() {
        return workloadName;
    }

    /** Sorts {@code a} in place, ascending. */
    public void sort(int[] a) {
        kernel.accept(a);
    }
}
