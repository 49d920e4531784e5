package dev.corescope.cli;

import dev.corescope.Corescope;
import dev.corescope.analysis.Units;
import dev.corescope.exec.TaskRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code corescope run -w P}: the lab's core_investigation — P workers, one task each. */
@Command(name = "run",
        description = "P workers run one spin task each, at the same time; prints each task's time and the total.")
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-w", "--workers"}, paramLabel = "P", description = "Number of concurrent workers (required).")
    Integer workers;

    /** The old spelling of {@code -w}: kept one release, with a note. */
    @Option(names = "-p", hidden = true, paramLabel = "P")
    Integer oldWorkers;

    @Mixin
    HelpOption help;

    @Mixin
    ForceOption force;

    @Mixin
    SpinOptions spin;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        if (oldWorkers != null) {
            if (workers != null) {
                throw new UsageError("-p is the old spelling of -w/--workers: give one of them");
            }
            System.err.println("corescope: note: run's -p is deprecated: use -w/--workers (-p goes in the next release)");
            workers = oldWorkers;
        }
        if (workers == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--workers=P'");
        }
        force.checkWorkers(spec, "-w", workers);
        var run = common.apply(Corescope.run().workers(workers), spin.setup(Duration.ofSeconds(1)));
        var outcome = common.runDirectoryChecked(run::runWithBatch);
        var summary = outcome.summary();
        Path dir = Path.of(summary.metadata().runDirectory());
        common.output.htmlIfRequested(dir);
        var table = new dev.corescope.report.Table("worker", "pid", "wall s", "cpu s", "wait s", "status");
        for (TaskRecord r : outcome.batch().records()) {
            table.row(r.workerId(), r.pid(), Units.sec(r.wallSeconds()), Units.sec(r.cpuSeconds()),
                    Units.sec(r.waitSeconds()), r.status());
        }
        if (common.output.format() != FormatOption.Format.table) {
            common.output.print(summary, table);
        } else {
            if (summary.measured().calibration() != null) {
                System.out.println(summary.measured().calibration().describe());
            }
            for (TaskRecord r : outcome.batch().records()) {
                System.out.printf(Locale.ROOT, "%s (pid %d) took %.3f s%s%n", r.workerId(), r.pid(), r.wallSeconds(),
                        r.ok() ? "" : " — " + r.status() + ": " + r.error());
            }
            System.out.printf(Locale.ROOT, "total: %.3f s for %d task(s) on %d worker(s) (%s)%n",
                    outcome.batch().wallSeconds(), outcome.batch().records().size(), workers, common.mode);
            System.out.println("run directory: " + dir);
        }
        return Output.exitCode(summary);
    }
}
