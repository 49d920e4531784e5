package dev.corescope.experiment;

import dev.corescope.exec.Machine;
import dev.corescope.exec.PoolSpec;
import dev.corescope.exec.ProcessWorkerPool;
import dev.corescope.exec.WorkerMode;
import dev.corescope.exec.WorkerPool;
import dev.corescope.exec.pin.CpuAssignment;
import dev.corescope.store.RunDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A session's worker pools, by mode: the pool it was given, or its own local pool made on first use, and
 * local pools of other modes made on demand, all closed together. A local pool is made when its CPUs are
 * known ({@code cpus}: from the machine's profile, which is probed meanwhile), by the machine
 * ({@link Machine#pool}: on this one each worker pinned to its slot's CPU, on a simulated one simulated).
 */
final class SessionPools {
    private final Settings settings;
    private final RunDirectory dir;
    private final Machine machine;
    private final Supplier<CpuAssignment> cpus;
    /** The session's own workers' mode: the given pool's, else the settings'. */
    private final WorkerMode mode;
    private final Map<WorkerMode, WorkerPool> pools = new LinkedHashMap<>(); // guarded by itself
    private boolean closed; // guarded by pools: no pool is made after close()

    /** @param given the session's pool (e.g. a cluster's, or a fake one in tests); null: local workers */
    SessionPools(Settings settings, RunDirectory dir, WorkerPool given, Machine machine, Supplier<CpuAssignment> cpus) {
        this.settings = settings;
        this.dir = dir;
        this.machine = machine;
        this.cpus = cpus;
        this.mode = given != null ? given.mode() : settings.mode();
        if (given != null) {
            pools.put(mode, given);
        }
    }

    WorkerPool own() {
        return of(mode);
    }

    WorkerPool of(WorkerMode m) {
        synchronized (pools) {
            WorkerPool p = pools.get(m);
            if (p != null) {
                return p;
            }
        }
        CpuAssignment c = cpus.get(); // may wait for the probe: outside the lock, so that a Ctrl-C closing does not
        synchronized (pools) {
            if (closed) {
                throw new IllegalStateException("the session is closed");
            }
            return pools.computeIfAbsent(m, x -> local(x, c));
        }
    }

    /** Workers of {@code m} on the machine, as the settings say (task timeout, worker-JVM options), on CPUs {@code c}. */
    private WorkerPool local(WorkerMode m, CpuAssignment c) {
        List<String> options = new ArrayList<>(ProcessWorkerPool.DEFAULT_JVM_OPTIONS);
        options.addAll(settings.workerJvmOptions());
        return machine.pool(m, new PoolSpec(settings.taskTimeout(), m == WorkerMode.PROCESSES ? options : List.of(),
                m == WorkerMode.PROCESSES ? dir.file("workers.log") : null, c));
    }

    boolean contains(WorkerPool p) {
        synchronized (pools) {
            return pools.containsValue(p);
        }
    }

    /** The events of every pool (replacements, abandoned threads), the session's own pool's first. */
    List<String> events() {
        List<WorkerPool> all;
        WorkerPool first;
        synchronized (pools) {
            all = List.copyOf(pools.values());
            first = pools.get(mode);
        }
        List<String> out = new ArrayList<>();
        if (first != null) {
            out.addAll(first.events());
        }
        all.stream().filter(p -> p != first).forEach(p -> out.addAll(p.events()));
        return out;
    }

    void close() {
        List<WorkerPool> all;
        synchronized (pools) {
            closed = true;
            all = List.copyOf(pools.values());
        }
        all.forEach(WorkerPool::close);
    }
}
