package dev.corescope.workload.algo;

import dev.corescope.workload.BuiltIn;
import dev.corescope.api.PreparedTask;
import dev.corescope.api.TaskInput;
import dev.corescope.api.TaskOutput;
import dev.corescope.api.Workload;

import java.util.Map;

/**
 * Sorts {@code input.size()} ints generated from {@code input.seed()} with one {@link SortAlgorithm}.
 *
 * <p>Only the sort is timed: the input is generated in {@link #prepare} (one pass of
 * {@link java.util.SplittableRandom} draws, see {@link InputOrder}, into a per-thread buffer reused from
 * task to task: {@link Scratch}) and verified, fused with the checksum, in {@link PreparedTask#check},
 * both outside the clock. The algorithm's own buffers (merge sort's) are allocated inside it, as a user of
 * the algorithm pays for them.
 *
 * <p>Parameters: {@code order} = {@code random} (default), {@code sorted}, {@code reversed} or
 * {@code duplicates}. Every algorithm returns the same checksum for the same size, seed and order.
 */
public final class SortWorkload implements Workload {
    /** Largest array Java can allocate on common VMs. */
    static final long MAX_SIZE = Integer.MAX_VALUE - 8;

    private final SortAlgorithm algorithm;
    private final InputOrder order;

    /** Parameters, largest size and heap per task: the input array (and the kernel's buffer). */
    static BuiltIn info(SortAlgorithm algorithm) {
        return new BuiltIn(algorithm.workloadName(),
                Map.of("order", "input layout: random (default), sorted, reversed or duplicates"), MAX_SIZE,
                (n, p) -> {
                    int arrays = 1 + algorithm.buffers();
                    return new BuiltIn.TaskMemory(arrays * (4 * n + 16), 0, arrays == 1 ? "an int array of " + n
                            : arrays + " int arrays of " + n);
                });
    }

    public SortWorkload(SortAlgorithm algorithm, InputOrder order) {
        this.algorithm = algorithm;
        this.order = order;
    }

    public SortWorkload(SortAlgorithm algorithm, Map<String, String> params) {
        this(algorithm, InputOrder.parse(params.getOrDefault("order", "random")));
    }

    @Override
    public String name() {
        return algorithm.workloadName();
    }

    @Override
    public TaskOutput run(TaskInput input) {
        return PreparedTask.runWhole(this, input);
    }

    @Override
    public PreparedTask prepare(TaskInput input) {
        int[] a = order.fill(Scratch.ints("sort-input", Params.checkSize(name(), input.size(), MAX_SIZE)), input.seed());
        return new PreparedTask() {
            @Override
            public TaskOutput run() {
                algorithm.sort(a);
                return TaskOutput.of(a.length == 0 ? 0 : a[a.length - 1]);
            }

            @Override
            public TaskOutput check(TaskOutput output) {
                return TaskOutput.of(checksumSorted(a, name()));
            }
        };
    }

    /**
     * Verifies that {@code a} is non-decreasing and returns a polynomial hash of its length and every
     * element, so the result depends on the whole sorted content.
     *
     * @throws IllegalStateException naming {@code workload} when {@code a} is not sorted
     */
    static long checksumSorted(int[] a, String workload) {
        long hash = a.length;
        for (int i = 0; i < a.length; i++) {
            if (i > 0 && a[i - 1] > a[i]) {
                throw new IllegalStateException(workload + " produced an unsorted result (index " + i + ")");
            }
            hash = 31 * hash + a[i];
        }
        return hash;
    }
}
