package dev.corescope.sim;

import dev.corescope.exec.BatchExecutor;
import dev.corescope.exec.BatchPlan;
import dev.corescope.exec.TaskResult;
import dev.corescope.exec.Worker;
import dev.corescope.exec.WorkerInfo;
import dev.corescope.exec.WorkerMode;
import dev.corescope.exec.WorkerPool;
import dev.corescope.exec.pin.CpuAssignment;
import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Workers of the simulated machine: each a simulated thread, pinned to its slot's CPU as the real pools
 * pin ({@link CpuAssignment}) or left to the scheduler. A batch runs whole in the simulation
 * ({@link BatchExecutor}); a task submitted on its own runs alone at the simulated time of its submission,
 * and its future is complete when {@code submit} returns. Worker JVMs are threads of their own process
 * here, with a longer round trip; no JVM effect (JIT, GC, start-up) is simulated. Workers never die and
 * tasks never fail or time out.
 */
final class SimulatedPool implements WorkerPool, BatchExecutor {
    private final SimulatedMachine machine;
    private final WorkerMode mode;
    private final CpuAssignment cpus;
    private final List<SimWorker> workers = new ArrayList<>();
    private boolean closed;

    SimulatedPool(SimulatedMachine machine, WorkerMode mode, CpuAssignment cpus) {
        this.machine = machine;
        this.mode = mode;
        this.cpus = cpus;
    }

    /** One worker: its identity and its simulated thread. */
    final class SimWorker implements Worker {
        final WorkerInfo info;
        final SimThread thread;

        SimWorker(WorkerInfo info, SimThread thread) {
            this.info = info;
            this.thread = thread;
        }

        @Override
        public WorkerInfo info() {
            return info;
        }

        @Override
        public CompletableFuture<TaskResult> submit(WorkloadSpec workload, TaskInput input) {
            return CompletableFuture.completedFuture(machine.runAlone(SimulatedPool.this, this, workload, input));
        }

        @Override
        public boolean alive() {
            return !closed;
        }

        @Override
        public void close() {
        }
    }

    @Override
    public WorkerMode mode() {
        return mode;
    }

    boolean processes() {
        return mode == WorkerMode.PROCESSES;
    }

    @Override
    public synchronized void ensure(int n) {
        if (closed) {
            throw new IllegalStateException("worker pool is closed");
        }
        while (workers.size() < n) {
            int slot = workers.size();
            workers.add(machine.newWorker(this, slot, cpus.cpuOf(slot)));
        }
    }

    @Override
    public synchronized Worker worker(int index) {
        return slot(index);
    }

    synchronized SimWorker slot(int index) {
        ensure(index + 1);
        return workers.get(index);
    }

    @Override
    public synchronized int size() {
        return workers.size();
    }

    @Override
    public List<Long> startCosts() {
        return List.of();
    }

    @Override
    public List<String> events() {
        return List.of();
    }

    @Override
    public int cpuOf(int index) {
        return cpus.cpuOf(index);
    }

    @Override
    public List<Ran> execute(BatchPlan plan) {
        List<SimWorker> those;
        synchronized (this) {
            ensure(plan.firstWorker() + plan.level());
            those = List.copyOf(workers.subList(plan.firstWorker(), plan.firstWorker() + plan.level()));
        }
        return machine.execute(this, plan, those);
    }

    @Override
    public synchronized void close() {
        closed = true;
    }
}
