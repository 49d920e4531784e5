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

/** {@code corescope run -p P}: the lab's core_investigation — P workers, one task each. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "P workers run one spin task each, at the same time; prints each task's time and the total.")
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-p", "--workers"}, required = true, paramLabel = "P", description = "Number of concurrent workers.")
    int workers;

    @Mixin
    ForceOption force;

    @Mixin
    SpinOptions spin;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        force.checkWorkers(spec, "-p", workers);
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
