package dev.corescope;

import dev.corescope.exec.WorkerMode;
import dev.corescope.experiment.Progress;
import dev.corescope.experiment.Results;
import dev.corescope.experiment.Session;
import dev.corescope.experiment.Settings;
import dev.corescope.experiment.TransferExperiment;
import dev.corescope.experiment.TransferPlanCheck;
import dev.corescope.experiment.TransferResult;
import dev.corescope.experiment.WorkerCount;
import dev.corescope.machine.MachineProbe;
import dev.corescope.machine.MachineProfile;
import dev.corescope.report.TransferCharts;
import dev.corescope.store.RunDirectory;
import dev.corescope.store.ThresholdCache;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code transfer}: when does parallelism pay? For each task duration x result size, the cell's tasks one after
 * another on one thread, then on N workers of each mode (threads and/or worker JVMs). The workers default to
 * this machine's cached threshold (at least 2 where two CPUs may be used, see {@link WorkerCount#forTransfer}).
 * Its worker mode is that of each parallel run ({@link #modes}); {@link #mode} does not apply.
 */
public final class Transfer extends ExperimentBuilder<Transfer> {
    private List<Duration> durations = List.of(Duration.ofNanos(100_000), Duration.ofMillis(1), Duration.ofMillis(10),
            Duration.ofMillis(100));
    private List<Long> sizes = List.of(0L, 1024L, 1L << 20, 16L << 20, 64L << 20);
    private int tasks = 64;
    private List<WorkerMode> modes = List.of(WorkerMode.THREADS, WorkerMode.PROCESSES);
    private Integer workers;
    private Duration cellBudget = Duration.ofSeconds(1);

    Transfer() {
        taskTimeout = Duration.ofMinutes(2);
    }

    /** Work per task (calibrated spin; zero = no work). */
    public Transfer durations(List<Duration> d) {
        if (d.isEmpty() || d.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("durations must be non-empty and not negative");
        }
        this.durations = List.copyOf(d);
        return this;
    }

    /** Bytes each task returns. */
    public Transfer sizes(List<Long> bytes) {
        if (bytes.isEmpty() || bytes.stream().anyMatch(b -> b < 0)) {
            throw new IllegalArgumentException("sizes must be non-empty and not negative");
        }
        this.sizes = List.copyOf(bytes);
        return this;
    }

    /** Tasks per cell, at most (capped by the cell budget). */
    public Transfer tasks(int t) {
        if (t < 1) {
            throw new IllegalArgumentException("tasks must be >= 1");
        }
        this.tasks = t;
        return this;
    }

    /** The parallel workers' modes (default both: threads, then worker JVMs). */
    public Transfer modes(List<WorkerMode> m) {
        if (m.isEmpty() || m.contains(WorkerMode.CLUSTER)) {
            throw new IllegalArgumentException("modes must be threads and/or processes");
        }
        this.modes = List.copyOf(m);
        return this;
    }

    /** N parallel workers; null (default): this machine's cached threshold, else its usable CPUs. */
    public Transfer workers(Integer n) {
        if (n != null && n < 1) {
            throw new IllegalArgumentException("workers must be >= 1");
        }
        this.workers = n;
        return this;
    }

    /** Cap the tasks per cell so that its sequential run takes about this long. */
    public Transfer cellBudget(Duration d) {
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("cell budget must be positive");
        }
        this.cellBudget = d;
        return this;
    }

    /** The summary and the chart files drawn. */
    public record TransferOutput(TransferResult summary, List<Path> charts) {
    }

    public TransferResult run() throws IOException {
        return runWithCharts().summary();
    }

    /**
     * Resolves the workers, refuses a plan that does not fit ({@link dev.corescope.experiment.PlanRefused}),
     * measures, and writes summary.json and the charts.
     */
    public TransferOutput runWithCharts() throws IOException {
        Supplier<MachineProfile> probe = MachineProbe.once(machine); // the run's one probe, also its session's
        WorkerCount.Resolved n = workers != null ? new WorkerCount.Resolved(workers, "Workers: " + workers + " (--workers).")
                : WorkerCount.forTransfer((int) Math.floor(probe.get().effectiveCpus() + 1e-9),
                        ThresholdCache.defaultCache().lookup(probe.get().key()));
        var config = new TransferExperiment.TransferConfig(durations, sizes, tasks, modes, n.workers(), n.source(), cellBudget);
        TransferPlanCheck.check(config, workerJvmOptions);
        RunDirectory dir = RunDirectory.create(out, "transfer");
        Settings settings = new Settings("transfer", commandLine != null ? commandLine
                : List.of("corescope", "transfer", "(java api)"), WorkerMode.THREADS, out, taskTimeout, workerJvmOptions,
                seed, progress == Progress.Factory.NONE);
        TransferResult summary;
        Session[] self = new Session[1];
        try (Progress p = progress.open("transfer", 1L + (long) config.durations().size() * config.sizes().size());
             Session session = Session.open(settings, dir, pool, r -> { }, Results.writer(dir, () -> self[0]),
                     dev.corescope.exec.Machine.real(probe), exit)) {
            self[0] = session;
            summary = Results.checked(session, dir,
                    Results.measuring(session, dir, () -> TransferExperiment.run(session, config, p)));
        }
        return new TransferOutput(summary, TransferCharts.write(summary, dir.path()));
    }
}
