package dev.corescope.exec;

import dev.corescope.exec.pin.CpuAssignment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How a {@link Machine} is to make a worker pool: the task timeout, the worker JVMs' options (all of them;
 * ignored by thread workers), where worker JVMs log (null: nowhere), and the CPU of each worker slot
 * ({@link CpuAssignment#NONE}: not pinned).
 */
public record PoolSpec(Duration taskTimeout, List<String> jvmOptions, Path workersLog, CpuAssignment cpus) {
    public PoolSpec {
        jvmOptions = List.copyOf(jvmOptions);
        cpus = cpus == null ? CpuAssignment.NONE : cpus;
    }

    /** Thread workers' spec: a timeout and CPUs. */
    public static PoolSpec threads(Duration taskTimeout, CpuAssignment cpus) {
        return new PoolSpec(taskTimeout, List.of(), null, cpus);
    }
}
