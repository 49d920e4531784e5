package dev.corescope;

import dev.corescope.exec.WorkerMode;
import dev.corescope.exec.WorkerPool;
import dev.corescope.experiment.PlanMemory;
import dev.corescope.experiment.Progress;
import dev.corescope.experiment.Results;
import dev.corescope.experiment.Session;
import dev.corescope.experiment.Settings;
import dev.corescope.experiment.SpinSetup;
import dev.corescope.store.RunDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Options common to all experiments. */
@SuppressWarnings("unchecked")
public abstract class ExperimentBuilder<B extends ExperimentBuilder<B>> {
    WorkerMode mode = WorkerMode.THREADS;
    Path out;
    Duration taskTimeout = Duration.ofMinutes(10);
    long seed = 42;
    Long loops;
    Duration target;
    Progress.Factory progress = Progress.Factory.NONE;
    List<String> workerJvmOptions = new ArrayList<>();
    WorkerPool pool;
    List<String> commandLine;
    boolean pin;
    java.util.function.Supplier<dev.corescope.machine.MachineProfile> machine = dev.corescope.machine.MachineProbe::probe;
    /** The machine to run on, when not this one (a simulated one); null: this machine, read by {@link #machine}. */
    dev.corescope.exec.Machine host;
    /** How the process running this is ending (the command line passes its own); a library caller's is its own. */
    dev.corescope.experiment.ProcessExit exit = new dev.corescope.experiment.ProcessExit();

    /**
     * The process's ending, shared with its entry point: a run's shutdown hook keeps quiet after an error the
     * entry point has reported ({@link dev.corescope.experiment.ProcessExit#onError()}).
     */
    public B exit(dev.corescope.experiment.ProcessExit e) {
        this.exit = java.util.Objects.requireNonNull(e, "exit");
        return (B) this;
    }

    /**
     * Run on {@code m} instead of this machine: a simulated one ({@code dev.corescope.sim.SimulatedMachine}),
     * whose pools, clock, /proc and profile the run then uses. Its threshold is never cached.
     */
    public B on(dev.corescope.exec.Machine m) {
        this.host = m;
        return (B) this;
    }

    /** The machine the run is on: {@link #on}'s, else this one (its profile read by {@link #machine}). */
    dev.corescope.exec.Machine host() {
        return host != null ? host : dev.corescope.exec.Machine.real(machine);
    }

    /**
     * How the run reads this machine (default {@link dev.corescope.machine.MachineProbe#probe()}): once, in
     * its session, beside its start. Tests pass an invented profile.
     */
    public B machine(java.util.function.Supplier<dev.corescope.machine.MachineProfile> probe) {
        this.machine = probe;
        return (B) this;
    }

    /**
     * Pin worker k to a CPU of its own (one per physical core first, then SMT siblings, in the
     * allowed set), so the scheduler's placement delays do not enter the measurement.
     */
    public B pin(boolean on) {
        this.pin = on;
        return (B) this;
    }

    /** How the run was invoked, kept in its summary (default: {@code corescope <command> (java api)}). */
    public B commandLine(List<String> words) {
        this.commandLine = List.copyOf(words);
        return (B) this;
    }

    /** Run on this pool (e.g. a cluster's) instead of starting local workers; null = local. */
    public B pool(WorkerPool p) {
        this.pool = p;
        return (B) this;
    }

    Session open(Settings settings, RunDirectory dir) throws IOException {
        return open(settings, dir, r -> { });
    }

    /** The run's session: its records also go to {@code records} (e.g. progress); its partial summary to the directory. */
    Session open(Settings settings, RunDirectory dir, dev.corescope.exec.RecordSink records) throws IOException {
        Session[] self = new Session[1];
        self[0] = Session.open(settings, dir, pool, records, Results.writer(dir, () -> self[0]), host(), exit);
        return self[0];
    }

    /** {@code threads} (default) or {@code processes} (worker JVMs). */
    public B mode(String m) {
        return mode(WorkerMode.parse(m));
    }

    /** Thread workers (default) or worker JVMs. */
    public B mode(WorkerMode m) {
        if (m != WorkerMode.THREADS && m != WorkerMode.PROCESSES) {
            throw new IllegalArgumentException("mode must be threads or processes, got " + m);
        }
        this.mode = m;
        return (B) this;
    }

    /** Run directory (default {@code runs/<timestamp>-<command>}). */
    public B out(Path dir) {
        this.out = dir;
        return (B) this;
    }

    /** Calibrate the spin task to this duration. */
    public B target(Duration d) {
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("target must be positive");
        }
        this.target = d;
        this.loops = null;
        return (B) this;
    }

    /** Use a fixed spin loop count instead of calibrating. */
    public B loops(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("loops must be >= 0");
        }
        this.loops = n;
        this.target = null;
        return (B) this;
    }

    public B seed(long s) {
        this.seed = s;
        return (B) this;
    }

    /** Kill and record a task that runs longer ({@link dev.corescope.experiment.Limits#MIN_TASK_TIMEOUT} at least). */
    public B taskTimeout(Duration d) {
        dev.corescope.experiment.Limits.checkTaskTimeout("taskTimeout", d, null);
        this.taskTimeout = d;
        return (B) this;
    }

    /** Extra options for worker JVMs. */
    public B workerJvmOptions(List<String> options) {
        this.workerJvmOptions = new ArrayList<>(options);
        return (B) this;
    }

    /**
     * Where the run reports its steps (default {@link Progress.Factory#NONE}: silent). The command
     * line passes its console progress here.
     */
    public B progress(Progress.Factory factory) {
        this.progress = factory == null ? Progress.Factory.NONE : factory;
        return (B) this;
    }

    Settings settings(String command) {
        return new Settings(command, commandLine != null ? commandLine : List.of("corescope", command, "(java api)"),
                mode, out, taskTimeout,
                workerJvmOptions, seed, progress == Progress.Factory.NONE, pin);
    }

    /**
     * Refuses, before the run directory is made, a plan of {@code tasks} records beyond the caps
     * or the heap ({@link PlanMemory}), and worker-JVM heap options that are not sizes.
     */
    void checkPlan(String what, long tasks) {
        PlanMemory.of(mode, workerJvmOptions).checkRecords(what, tasks);
    }

    SpinSetup spin(Duration defaultTarget) {
        return loops != null ? new SpinSetup(loops, null) : new SpinSetup(null, target != null ? target : defaultTarget);
    }
}
