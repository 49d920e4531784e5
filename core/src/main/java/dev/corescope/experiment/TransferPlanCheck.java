package dev.corescope.experiment;

import dev.corescope.analysis.Units;
import dev.corescope.exec.WorkerMode;
import dev.corescope.workload.WorkloadSpec;
import java.util.List;
import java.util.Locale;

/**
 * Checks a {@code transfer} plan before anything runs: the results it holds at once against one Java array
 * and the heap, its records against the caps and the heap, and in processes mode the largest result against
 * a worker JVM's heap. A refusal is a {@link PlanRefused} with its one-line reason.
 */
public final class TransferPlanCheck {
    /** Largest result one task can return: one Java array. */
    public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    /** Share of the heap the results in flight may take. */
    public static final double HEAP_SHARE = 0.8;

    private TransferPlanCheck() {
    }

    /** The whole plan: {@link #checkHeap} on this JVM's heap, then its records and its worker JVMs' heap. */
    public static void check(TransferExperiment.TransferConfig c, List<String> workerJvmOptions) {
        checkHeap(c.sizes(), c.workers(), Runtime.getRuntime().maxMemory());
        long cells = (long) c.durations().size() * c.sizes().size();
        List<WorkerMode> modes = c.modes();
        int n = c.workers();
        long perCell = Limits.times(modes.size() + 1L, c.tasks());
        long records = Limits.plus(Limits.times(cells, perCell), 20L * n * modes.size() + 20);
        String what = "transfer: " + cells + " cells x " + (modes.size() + 1) + " runs x up to " + c.tasks() + " tasks";
        PlanMemory.of(WorkerMode.THREADS, workerJvmOptions).checkRecords(what, records);
        if (modes.contains(WorkerMode.PROCESSES)) {
            long largest = c.sizes().stream().mapToLong(Long::longValue).max().orElse(0);
            PlanMemory.of(WorkerMode.PROCESSES, workerJvmOptions).checkTasks("transfer",
                    WorkloadSpec.of("transfer", "bytes", largest), 0, n, records);
        }
    }

    /**
     * Refuses sizes that cannot be held: one result is one Java array (at most {@value #MAX_ARRAY} bytes), and
     * N+1 results may be in flight at once (N parallel + the sequential thread's), which must fit in
     * {@value #HEAP_SHARE} of the heap ({@code maxMemory}).
     */
    public static void checkHeap(List<Long> sizes, int workers, long maxMemory) {
        long largest = sizes.stream().mapToLong(Long::longValue).max().orElse(0);
        if (largest > MAX_ARRAY) {
            throw new PlanRefused("--bytes: " + Units.bytes(largest) + " per result is beyond the "
                    + "2 GiB limit of one Java array (" + MAX_ARRAY + " bytes), which holds one task's result");
        }
        double needed = (double) largest * (workers + 1);
        if (needed > HEAP_SHARE * maxMemory) {
            throw new PlanRefused(String.format(Locale.ROOT, "--bytes: %d results of %s in flight (%d workers + 1) need "
                    + "%.2f GiB, more than %.0f%% of the heap limit of %.2f GiB (Runtime.maxMemory()); use smaller "
                    + "sizes or fewer --workers, or raise -Xmx (CORESCOPE_JAVA_OPTS, and --worker-jvm-opt for worker JVMs)",
                    workers + 1, Units.bytes(largest), workers, needed / (1L << 30), HEAP_SHARE * 100,
                    maxMemory / (double) (1L << 30)));
        }
    }
}
