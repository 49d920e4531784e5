package dev.corescope.workload.algo;

/**
 * Dense products {@code C = A·B} of square {@code n×n} matrices stored flat in row-major order
 * ({@code a[i*n + k]} is row i, column k). The kernels differ only in loop order, which changes their
 * memory access pattern, not their arithmetic: every kernel adds the products {@code a[i][k]·b[k][j]}
 * into {@code c[i][j]} in ascending k, so under Java's strict IEEE semantics all of them return
 * bit-for-bit the same matrix.
 */
public final class MatmulKernels {
    /** Default tile edge of {@link #blocked}: three 64×64 tiles of doubles take 96 KiB. */
    public static final int DEFAULT_BLOCK = 64;

    private MatmulKernels() {
    }

    /**
     * The textbook i-j-k order: a dot product per entry. The inner loop walks B down a column, one
     * cache line per step once a row of B no longer fits in cache.
     */
    public static double[] naive(double[] a, double[] b, int n) {
        double[] c = new double[n * n];
        naive(a, b, c, n);
        return c;
    }

    /** {@link #naive(double[], double[], int)} into {@code c}, which every entry is written to. */
    public static void naive(double[] a, double[] b, double[] c, int n) {
        checkShapes(a, b, c, n);
        for (int i = 0; i < n; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += a[row + k] * b[k * n + j];
                }
                c[row + j] = sum;
            }
        }
    }

    /** The i-k-j order: the inner loop streams along rows of B and C, sequential and vectorisable. */
    public static double[] ikj(double[] a, double[] b, int n) {
        double[] c = new double[n * n];
        ikj(a, b, c, n);
        return c;
    }

    /** {@link #ikj(double[], double[], int)} added into {@code c}, which must hold zeros. */
    public static void ikj(double[] a, double[] b, double[] c, int n) {
        checkShapes(a, b, c, n);
        for (int i = 0; i < n; i++) {
            int row = i * n;
            for (int k = 0; k < n; k++) {
                double aik = a[row + k];
                int bRow = k * n;
                for (int j = 0; j < n; j++) {
                    c[row + j] += aik * b[bRow + j];
                }
            }
        }
    }

    /**
     * The i-k-j order over {@code block×block} tiles, so the tiles of A, B and C in use stay in cache.
     * {@code n} need not be a multiple of {@code block}: edge tiles are smaller.
     *
     * @throws IllegalArgumentException when {@code block < 1}
     */
    public static double[] blocked(double[] a, double[] b, int n, int block) {
        double[] c = new double[n * n];
        blocked(a, b, c, n, block);
        return c;
    }

    /** {@link #blocked(double[], double[], int, int)} added into {@code c}, which must hold zeros. */
    public static void blocked(double[] a, double[] b, double[] c, int n, int block) {
        checkShapes(a, b, c, n);
        if (block < 1) {
            throw new IllegalArgumentException("block must be >= 1, got " + block);
        }
        for (int ii = 0; ii < n; ii += block) {
            int iEnd = Math.min(ii + block, n);
            for (int kk = 0; kk < n; kk += block) {
                int kEnd = Math.min(kk + block, n);
                for (int jj = 0; jj < n; jj += block) {
                    int jEnd = Math.min(jj + block, n);
                    multiplyTile(a, b, c, n, ii, iEnd, kk, kEnd, jj, jEnd);
                }
            }
        }
    }

    private static void multiplyTile(double[] a, double[] b, double[] c, int n,
                                     int ii, int iEnd, int kk, int kEnd, int jj, int jEnd) {
        for (int i = ii; i < iEnd; i++) {
            int row = i * n;
            for (int k = kk; k < kEnd; k++) {
                double aik = a[row + k];
                int bRow = k * n;
                for (int j = jj; j < jEnd; j++) {
                    c[row + j] += aik * b[bRow + j];
                }
            }
        }
    }

    private static void checkShapes(double[] a, double[] b, double[] c, int n) {
        if (n < 0 || a.length != (long) n * n || b.length != (long) n * n || c.length != (long) n * n) {
            throw new IllegalArgumentException("expected three " + n + "x" + n + " matrices, got lengths "
                    + a.length + ", " + b.length + " and " + c.length);
        }
    }
}
