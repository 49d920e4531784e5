package dev.corescope.workload.algo;

/**
 * Textbook in-place sorts of {@code int[]}, written for clarity rather than peak speed so that the
 * measured costs are those of the classic algorithms. Each method sorts the whole array ascending.
 */
public final class SortKernels {
    /** Ranges shorter than this are finished by insertion sort inside quicksort. */
    static final int QUICK_CUTOFF = 16;

    private SortKernels() {
    }

    /** Insertion sort: O(n²) comparisons and moves in general, O(n) on sorted input. */
    public static void insertion(int[] a) {
        insertion(a, 0, a.length - 1);
    }

    /**
     * Top-down merge sort with a single auxiliary buffer of the same length: O(n log n), stable.
     */
    public static void merge(int[] a) {
        if (a.length > 1) {
            mergeSort(a, new int[a.length], 0, a.length - 1);
        }
    }

    /**
     * Quicksort with a median-of-three pivot and Hoare partitioning, insertion sort for ranges below
     * {@value #QUICK_CUTOFF} elements. It recurses into the smaller part and loops on the larger, so
     * the stack depth stays O(log n).
     */
    public static void quick(int[] a) {
        quick(a, 0, a.length - 1);
    }

    /** In-place heapsort: builds a max-heap bottom-up, then repeatedly moves the maximum to the end. */
    public static void heap(int[] a) {
        int n = a.length;
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(a, i, n);
        }
        for (int end = n - 1; end > 0; end--) {
            swap(a, 0, end);
            siftDown(a, 0, end);
        }
    }

    private static void insertion(int[] a, int lo, int hi) {
        for (int i = lo + 1; i <= hi; i++) {
            int v = a[i];
            int j = i - 1;
            while (j >= lo && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    private static void mergeSort(int[] a, int[] aux, int lo, int hi) {
        if (lo >= hi) {
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(a, aux, lo, mid);
        mergeSort(a, aux, mid + 1, hi);
        if (a[mid] <= a[mid + 1]) {
            return;
        }
        System.arraycopy(a, lo, aux, lo, hi - lo + 1);
        int i = lo;
        int j = mid + 1;
        for (int k = lo; k <= hi; k++) {
            if (i > mid) {
                a[k] = aux[j++];
            } else if (j > hi || aux[i] <= aux[j]) {
                a[k] = aux[i++];
            } else {
                a[k] = aux[j++];
            }
        }
    }

    private static void quick(int[] a, int lo, int hi) {
        while (hi - lo + 1 >= QUICK_CUTOFF) {
            int p = partition(a, lo, hi);
            if (p - lo < hi - p) {
                quick(a, lo, p);
                lo = p + 1;
            } else {
                quick(a, p + 1, hi);
                hi = p;
            }
        }
        insertion(a, lo, hi);
    }

    /**
     * Hoare partition around the median of {@code a[lo]}, {@code a[mid]}, {@code a[hi]}. Returns
     * {@code p} such that every element of {@code [lo, p]} is ≤ every element of {@code [p+1, hi]},
     * with both parts non-empty.
     */
    private static int partition(int[] a, int lo, int hi) {
        int mid = (lo + hi) >>> 1;
        if (a[mid] < a[lo]) {
            swap(a, mid, lo);
        }
        if (a[hi] < a[lo]) {
            swap(a, hi, lo);
        }
        if (a[hi] < a[mid]) {
            swap(a, hi, mid);
        }
        int pivot = a[mid];
        int i = lo - 1;
        int j = hi + 1;
        while (true) {
            do {
                i++;
            } while (a[i] < pivot);
            do {
                j--;
            } while (a[j] > pivot);
            if (i >= j) {
                return j;
            }
            swap(a, i, j);
        }
    }

    private static void siftDown(int[] a, int i, int n) {
        int v = a[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) {
                break;
            }
            if (child + 1 < n && a[child + 1] > a[child]) {
                child++;
            }
            if (a[child] <= v) {
                break;
            }
            a[i] = a[child];
            i = child;
        }
        a[i] = v;
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
