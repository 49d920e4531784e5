package dev.corescope.exec;

import dev.corescope.machine.CpuAccounting;
import dev.corescope.machine.MachineProfile;
import dev.corescope.machine.MachineSpec;
import dev.corescope.machine.PerCpuLoad;
import dev.corescope.machine.ProcFs;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The machine seam: everything a run asks of the machine it measures goes through here, so that the same
 * session and experiments run on this machine ({@link #real()}) or on a simulated one
 * ({@code dev.corescope.sim.SimulatedMachine}): its worker pools, its clock, sleeping, its {@code /proc}
 * and {@code /sys}, its profile, the per-CPU load {@code /proc/stat} shows, and waiting for the JIT to go
 * quiet. On a simulated machine all of it is simulated: its clock is the simulation's and moves only as
 * simulated work and sleeps are done; its pools run whole batches in one event loop
 * ({@link BatchExecutor}).
 */
public interface Machine {
    /** This machine, probed with {@link dev.corescope.machine.MachineProbe#probe()}. */
    static Machine real() {
        return RealMachine.PROBED;
    }

    /** This machine, with its profile read by {@code probe} (tests pass an invented one). */
    static Machine real(Supplier<MachineProfile> probe) {
        return new RealMachine(probe);
    }

    /** What is simulated, or null for a real machine. */
    MachineSpec simulated();

    /** Workers of {@code mode} on this machine, as {@code spec} says. */
    WorkerPool pool(WorkerMode mode, PoolSpec spec);

    /** The machine's monotonic clock (the source of a run's {@link RunClock}). */
    long nanoTime();

    /** Sleeps on the machine's clock. */
    void sleep(Duration d) throws InterruptedException;

    /** The machine's {@code /proc} and {@code /sys}. */
    ProcFs procFs();

    /** Reads the machine's profile (a probe: may take a moment on a real machine). */
    MachineProfile profile();

    /**
     * Waits until the JIT compilers of this JVM are idle, at most {@code maxMillis} ({@link JitQuiet});
     * returns the milliseconds waited. A simulated machine has no JIT: 0 at once.
     */
    long awaitJitQuiet(long maxMillis);

    /** The CPUs a JVM on this machine sees ({@link Runtime#availableProcessors()} here; affinity and quota). */
    int availableProcessors();

    /** CPU accounting of the machine now, ours being this process and {@code workerPids} ({@link CpuAccounting}). */
    default Optional<CpuAccounting> cpuAccounting(Collection<Long> workerPids) {
        return CpuAccounting.read(procFs(), workerPids, nanoTime());
    }

    /** The per-CPU load {@code /proc/stat} shows now (a snapshot; two give how busy each CPU was between them). */
    default Optional<PerCpuLoad> perCpuLoad() {
        return PerCpuLoad.read(procFs());
    }

    /**
     * How busy each CPU is over {@code window} (fraction of its time, by CPU number; NaN where unknown),
     * everything that runs counted, corescope's own workers too: watch it while they are idle to see what the
     * other programs leave free. Empty when {@code /proc/stat} cannot be read or the wait is interrupted.
     */
    default Optional<double[]> cpuBusy(Duration window) {
        Optional<PerCpuLoad> before = perCpuLoad();
        if (before.isEmpty()) {
            return Optional.empty();
        }
        try {
            sleep(window);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        return perCpuLoad().map(after -> after.busySince(before.get()));
    }
}
