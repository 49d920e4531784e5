package dev.corescope.workload.algo;

import java.util.Arrays;
import java.util.function.Consumer;

/** The sorting algorithms offered as workloads, each with its workload name. */
public enum SortAlgorithm {
    INSERTION("sort-insertion", SortKernels::insertion),
    MERGE("sort-merge", SortKernels::merge),
    QUICK("sort-quick", SortKernels::quick),
    HEAP("sort-heap", SortKernels::heap),
    JDK("sort-jdk", Arrays::sort);

    private final String workloadName;
    private final Consumer<int[]> kernel;

    SortAlgorithm(String workloadName, Consumer<int[]> kernel) {
        this.workloadName = workloadName;
        this.kernel = kernel;
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
