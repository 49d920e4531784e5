package com.example;

import dev.corescope.api.PreparedTask;
import dev.corescope.api.TaskInput;
import dev.corescope.api.TaskOutput;
import dev.corescope.api.Workload;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A user's own sort: a top-down merge sort of {@code size} ints. The input is generated in {@link #prepare}
 * (not timed), only the sort is timed, and {@link PreparedTask#check} verifies the order after the clock
 * stopped. {@code --param order=random|sorted|reversed} picks the input's order (default random).
 */
public final class MergeSort implements Workload {
    private final String order;

    /** corescope passes every {@code --param key=value} here. */
    public MergeSort(Map<String, String> params) {
        order = params.getOrDefault("order", "random");
        if (!order.equals("random") && !order.equals("sorted") && !order.equals("reversed")) {
            throw new IllegalArgumentException("order must be random, sorted or reversed, not " + order);
        }
    }

    @Override
    public String name() {
        return "merge-sort-" + order;
    }

    @Override
    public TaskOutput run(TaskInput input) {
        return PreparedTask.runWhole(this, input);
    }

    @Override
    public PreparedTask prepare(TaskInput input) {
        int[] a = input(Math.toIntExact(input.size()), input.seed());
        return new PreparedTask() {
            @Override
            public TaskOutput run() {
                sort(a, new int[a.length], 0, a.length);
                // the result flows into the output, so the JIT cannot drop the sort
                return TaskOutput.of(a.length == 0 ? 0 : a[0] + 31L * a[a.length / 2] + 961L * a[a.length - 1]);
            }

            @Override
            public TaskOutput check(TaskOutput output) {
                long sum = 0;
                for (int i = 0; i < a.length; i++) {
                    if (i > 0 && a[i - 1] > a[i]) {
                        throw new IllegalStateException("not sorted at index " + i);
                    }
                    sum = sum * 31 + a[i];
                }
                return TaskOutput.of(sum); // a checksum of the whole result, computed untimed
            }
        };
    }

    private int[] input(int n, long seed) {
        int[] a = new int[n];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            a[i] = switch (order) {
                case "sorted" -> i;
                case "reversed" -> n - i;
                default -> r.nextInt();
            };
        }
        return a;
    }

    private static void sort(int[] a, int[] tmp, int from, int to) {
        if (to - from < 2) {
            return;
        }
        int mid = (from + to) >>> 1;
        sort(a, tmp, from, mid);
        sort(a, tmp, mid, to);
        int i = from, j = mid, k = from;
        while (i < mid && j < to) {
            tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
        }
        while (i < mid) {
            tmp[k++] = a[i++];
        }
        while (j < to) {
            tmp[k++] = a[j++];
        }
        System.arraycopy(tmp, from, a, from, to - from);
    }
}
