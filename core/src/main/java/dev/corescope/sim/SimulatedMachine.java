package dev.corescope.sim;

import dev.corescope.exec.BatchExecutor;
import dev.corescope.exec.BatchPlan;
import dev.corescope.exec.Machine;
import dev.corescope.exec.PoolSpec;
import dev.corescope.exec.TaskResult;
import dev.corescope.exec.WorkerInfo;
import dev.corescope.exec.WorkerMode;
import dev.corescope.exec.WorkerPool;
import dev.corescope.machine.MachineProbe;
import dev.corescope.machine.MachineProfile;
import dev.corescope.machine.MachineSpec;
import dev.corescope.machine.ProcFs;
import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A machine that exists only as a simulation ({@link Kernel}), behind the machine seam: its pools run
 * simulated workers, its clock is simulated time (it starts at 0 and moves only while simulated work runs
 * or someone sleeps), its {@code /proc} and {@code /sys} are computed ({@link SimFiles}) and its profile
 * is read from them. Deterministic: the same spec, and the same calls in the same order, give the same
 * records. Thread-safe (one lock), though a run drives it from one thread.
 */
public final class SimulatedMachine implements Machine {
    /** Process ids of the simulated processes: above Linux's pid_max, so never a real one. */
    static final long THREADS_PID = 4_200_000;
    private static final long FIRST_JVM_PID = 4_300_000;

    private final MachineSpec spec;
    private final Kernel kernel;
    private final ProcFs fs;
    private final MachineProfile profile;
    private final Map<Long, List<SimThread>> processes = new LinkedHashMap<>();
    private long nextJvm = FIRST_JVM_PID;

    private SimulatedMachine(MachineSpec spec) {
        this.spec = spec;
        this.kernel = new Kernel(spec);
        SimFiles files = new SimFiles(spec, new Files());
        this.fs = ProcFs.virtual(path -> {
            synchronized (this) {
                return files.read(path);
            }
        }, SimFiles.directories()::contains);
        int processors = spec.quotaCpus() == null ? spec.logicalCpus()
                : (int) Math.max(1, Math.min(spec.logicalCpus(), Math.ceil(spec.quotaCpus())));
        this.profile = MachineProbe.probe(fs, false).simulating(spec, processors);
    }

    /** A simulated machine as {@code spec} says; an impossible one is an IllegalArgumentException. */
    public static SimulatedMachine of(MachineSpec spec) {
        return new SimulatedMachine(spec.validated());
    }

    /** The machine a {@code --simulate} file describes; a bad file is an IllegalArgumentException of one line. */
    public static SimulatedMachine read(Path file) {
        return of(MachineFile.read(file));
    }

    public MachineSpec spec() {
        return spec;
    }

    @Override
    public MachineSpec simulated() {
        return spec;
    }

    @Override
    public WorkerPool pool(WorkerMode mode, PoolSpec poolSpec) {
        return new SimulatedPool(this, mode, poolSpec.cpus());
    }

    @Override
    public synchronized long nanoTime() {
        return Math.round(kernel.now());
    }

    @Override
    public void sleep(Duration d) {
        synchronized (this) {
            kernel.run(kernel.now() + Math.max(0, d.toNanos()), () -> false);
        }
    }

    @Override
    public ProcFs procFs() {
        return fs;
    }

    /** The profile read from the simulated files when the machine was made (the same whenever asked). */
    @Override
    public MachineProfile profile() {
        return profile;
    }

    @Override
    public long awaitJitQuiet(long maxMillis) {
        return 0;
    }

    @Override
    public int availableProcessors() {
        return profile.availableProcessors();
    }

    /** The quota periods that have ended so far (none without a quota). */
    public synchronized List<Quota.Period> quotaPeriods() {
        return kernel.quota().periods();
    }

    synchronized SimulatedPool.SimWorker newWorker(SimulatedPool pool, int slot, int cpu) {
        SimThread t = kernel.thread(SimThread.Kind.WORKER, cpu, true, 1);
        long pid = pool.processes() ? nextJvm++ : THREADS_PID;
        processes.computeIfAbsent(pid, p -> new ArrayList<>()).add(t);
        long tid = pool.processes() ? pid : THREADS_PID + processes.get(pid).size();
        String id = (pool.processes() ? "jvm-" : "thread-") + (slot + 1);
        return pool.new SimWorker(new WorkerInfo(id, pid, tid, 0), t);
    }

    synchronized List<BatchExecutor.Ran> execute(SimulatedPool pool, BatchPlan plan,
                                                 List<SimulatedPool.SimWorker> workers) {
        return new BatchSimulation(kernel, pool).run(plan, workers);
    }

    synchronized TaskResult runAlone(SimulatedPool pool, SimulatedPool.SimWorker worker, WorkloadSpec spec,
                                     TaskInput input) {
        return new BatchSimulation(kernel, pool).alone(worker, spec, input);
    }

    @Override
    public String toString() {
        return "SIMULATED " + spec.describe();
    }

    /** What the files show, read under the machine's lock. */
    private final class Files implements SimFiles.State {
        @Override
        public double now() {
            return kernel.now();
        }

        @Override
        public double[] busyNanos() {
            double[] out = new double[kernel.cpus.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = kernel.cpus[i].busyNs;
            }
            return out;
        }

        @Override
        public double processNanos(long pid) {
            List<SimThread> ts = processes.get(pid);
            return ts == null ? -1 : ts.stream().mapToDouble(t -> t.cpuNs).sum();
        }

        @Override
        public int runnable() {
            int n = 0;
            for (SimCpu c : kernel.cpus) {
                n += c.queue.size();
            }
            return n;
        }

        @Override
        public int threads() {
            return kernel.threads().size();
        }
    }
}
