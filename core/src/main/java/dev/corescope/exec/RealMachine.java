package dev.corescope.exec;

import dev.corescope.exec.pin.AffinityPinner;
import dev.corescope.machine.MachineProbe;
import dev.corescope.machine.MachineProfile;
import dev.corescope.machine.MachineSpec;
import dev.corescope.machine.ProcFs;
import java.time.Duration;
import java.util.function.Supplier;

/** This machine: real worker pools, {@link System#nanoTime()}, {@link Thread#sleep}, {@code /}, the JIT's bean. */
final class RealMachine implements Machine {
    static final RealMachine PROBED = new RealMachine(MachineProbe::probe);

    private final Supplier<MachineProfile> probe;

    RealMachine(Supplier<MachineProfile> probe) {
        this.probe = probe;
    }

    @Override
    public MachineSpec simulated() {
        return null;
    }

    /** Thread workers pin themselves, worker JVMs are pinned by id ({@link AffinityPinner#forMode}). */
    @Override
    public WorkerPool pool(WorkerMode mode, PoolSpec spec) {
        if (mode != WorkerMode.PROCESSES) {
            return new ThreadWorkerPool(spec.taskTimeout(), spec.cpus(), AffinityPinner.forMode(mode));
        }
        return new ProcessWorkerPool(spec.taskTimeout(), spec.jvmOptions(), spec.workersLog(), spec.cpus(),
                AffinityPinner.forMode(mode));
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void sleep(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
    }

    @Override
    public ProcFs procFs() {
        return ProcFs.real();
    }

    @Override
    public MachineProfile profile() {
        return probe.get();
    }

    @Override
    public long awaitJitQuiet(long maxMillis) {
        return JitQuiet.await(maxMillis);
    }

    @Override
    public int availableProcessors() {
        return Runtime.getRuntime().availableProcessors();
    }

    @Override
    public String toString() {
        return "this machine";
    }
}
