package dev.corescope.experiment;

import dev.corescope.exec.ProcessWorkerPool;
import dev.corescope.exec.WorkerMode;
import dev.corescope.workload.BuiltIn;
import dev.corescope.workload.WorkloadSpec;
import dev.corescope.workload.Workloads;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks, before anything runs, that a plan fits in memory: its task records in this JVM's heap, and
 * its concurrent tasks where they run — in this JVM's heap (threads mode: every worker's task at
 * once), or each in a worker JVM's heap (processes mode, see {@link WorkerHeap}; the results they
 * return still arrive here). The heap one task needs comes from what the built-in workload declares
 * ({@link BuiltIn#taskMemory}); user classes and commands declare nothing, so only their records are
 * checked.
 */
public final class PlanMemory {
    private final boolean processes;
    private final long heap;
    private final WorkerHeap.Limit worker;

    /**
     * @param heap   this JVM's heap limit ({@link Runtime#maxMemory()})
     * @param worker a worker JVM's heap limit (processes mode), else null
     */
    public PlanMemory(boolean processes, long heap, WorkerHeap.Limit worker) {
        this.processes = processes;
        this.heap = heap;
        this.worker = worker;
    }

    /**
     * The plan memory of a run in {@code mode} ({@code threads} or {@code processes}) with these extra
     * worker-JVM options.
     *
     * @throws PlanRefused when a heap option in {@code workerJvmOptions} is not a size
     */
    public static PlanMemory of(WorkerMode mode, List<String> workerJvmOptions) {
        boolean p = mode == WorkerMode.PROCESSES;
        List<String> all = new ArrayList<>(ProcessWorkerPool.DEFAULT_JVM_OPTIONS);
        all.addAll(workerJvmOptions);
        WorkerHeap.Limit w = WorkerHeap.of(all); // validates the options in either mode
        return new PlanMemory(p, Runtime.getRuntime().maxMemory(), p ? w : null);
    }

    /**
     * @param what names the plan, e.g. {@code "rounds: 2000000000 repeats x 1 levels x 2 strategies"}
     * @throws PlanRefused beyond {@link Limits#MAX_TASKS} or when the records do not fit in the heap
     */
    public void checkRecords(String what, long tasks) {
        Limits.checkTasks(what, tasks);
        long need = Limits.times(tasks, Limits.RECORD_BYTES);
        if (need > Limits.HEAP_SHARE * heap) {
            throw new PlanRefused(String.format(Locale.ROOT, "%s = %d tasks: their records need %s, more than "
                    + "%.0f%% of the heap limit of %s (Runtime.maxMemory()); plan fewer tasks or raise -Xmx "
                    + "(CORESCOPE_JAVA_OPTS)", what, tasks, human(need), 100 * Limits.HEAP_SHARE, human(heap)));
        }
    }

    /**
     * Checks {@code workers} concurrent tasks of {@code spec} at {@code size}, with {@code records} task
     * records kept besides.
     *
     * @param label the workload as the user named it (e.g. {@code matmul-naive})
     * @throws PlanRefused when one task cannot take the size, or the tasks do not fit
     */
    public void checkTasks(String label, WorkloadSpec spec, long size, int workers, long records) {
        Optional<BuiltIn> declared = Workloads.builtIn(spec.name());
        long recordBytes = Limits.times(records, Limits.RECORD_BYTES);
        if (declared.isEmpty()) {
            return;
        }
        try {
            declared.get().checkSize(size);
        } catch (IllegalArgumentException e) {
            throw new PlanRefused("--sizes: " + e.getMessage());
        }
        BuiltIn.TaskMemory m = declared.get().taskMemory(size, spec.params());
        String of = label + (size > 0 ? " at size " + size : "");
        double share = 100 * Limits.HEAP_SHARE;
        if (processes) {
            if (m.workingBytes() > Limits.HEAP_SHARE * worker.bytes()) {
                throw new PlanRefused(String.format(Locale.ROOT, "--sizes: one task of %s needs %s (%s), "
                        + "more than %.0f%% of a worker JVM's heap of %s (%s); use smaller sizes or give the workers "
                        + "more with --worker-jvm-opt=-Xmx<size>", of, human(m.workingBytes()),
                        m.description(), share, human(worker.bytes()), worker.source()));
            }
            long need = Limits.plus(Limits.times(workers, m.returnedBytes()), recordBytes);
            if (need > Limits.HEAP_SHARE * heap) {
                throw new PlanRefused(String.format(Locale.ROOT, "--sizes: the results of %d concurrent task(s) of "
                        + "%s and the run's records need %s here, more than %.0f%% of the heap limit of "
                        + "%s (Runtime.maxMemory()); use smaller sizes or fewer workers, or raise -Xmx "
                        + "(CORESCOPE_JAVA_OPTS)", workers, of, human(need), share, human(heap)));
            }
            return;
        }
        long tasks = Limits.times(workers, m.workingBytes());
        long need = Limits.plus(tasks, recordBytes);
        if (need > Limits.HEAP_SHARE * heap) {
            String who = workers == 1
                    ? String.format(Locale.ROOT, "one task of %s needs %s (%s)", of, human(tasks), m.description())
                    : String.format(Locale.ROOT, "%d concurrent tasks of %s need %s (%s each: %s)", workers, of,
                            human(tasks), human(m.workingBytes()), m.description());
            String besides = recordBytes >= need / 100 ? " besides " + human(recordBytes) + " of task records" : "";
            throw new PlanRefused(String.format(Locale.ROOT, "--sizes: %s%s, more than %.0f%% of the heap limit of %s "
                    + "(Runtime.maxMemory()); use smaller sizes%s, or raise -Xmx (CORESCOPE_JAVA_OPTS)", who, besides,
                    share, human(heap), workers == 1 ? "" : " or fewer workers"));
        }
    }

    /** {@code 512 B}, {@code 1.5 MiB}, {@code 48.0 GiB}. */
    static String human(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return "more than 8 EiB";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = bytes / 1024.0;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
