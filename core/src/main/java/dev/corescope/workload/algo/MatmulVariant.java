package dev.corescope.workload.algo;

/** The matrix-product kernels offered as workloads, each with its workload name. */
public enum MatmulVariant {
    NAIVE("matmul-naive"),
    IKJ("matmul-ikj"),
    BLOCKED("matmul-blocked");

    private final String workloadName;

    MatmulVariant(String workloadName) {
        this.workloadName = workloadName;
    }

    /** Workload name, e.g. {@code matmul-ikj}. */
    public String workloadName() {
        return workloadName;
    }

    /** {@code A·B} with this variant's kernel; {@code block} is used by {@link #BLOCKED} only. */
    public double[] multiply(double[] a, double[] b, int n, int block) {
        return switch (this) {
            case NAIVE -> MatmulKernels.naive(a, b, n);
            case IKJ -> MatmulKernels.ikj(a, b, n);
            case BLOCKED -> MatmulKernels.blocked(a, b, n, block);
        };
    }

    /** {@code A·B} into {@code c}, which must hold zeros (a new array does). */
    public void multiply(double[] a, double[] b, double[] c, int n, int block) {
        switch (this) {
            case NAIVE -> MatmulKernels.naive(a, b, c, n);
            case IKJ -> MatmulKernels.ikj(a, b, c, n);
            case BLOCKED -> MatmulKernels.blocked(a, b, c, n, block);
        }
    }
}
