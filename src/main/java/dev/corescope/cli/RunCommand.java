package dev.corescope.cli;

import dev.corescope.analysis.Units;
import dev.corescope.exec.TaskRecord;
import dev.corescope.experiment.RunExperiment;
import dev.corescope.experiment.Session;
import dev.corescope.experiment.SpinSetup;
import dev.corescope.store.RunDirectory;
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
        SpinSetup setup = spin.setup(Duration.ofSeconds(1));
        var settings = common.settings("run");
        RunDirectory dir = common.runDirectory("run");
        try (Session session = Session.open(settings, dir, r -> { }, Output.writer(dir))) {
            var outcome = RunExperiment.run(session, workers, setup);
            Output.writer(dir).accept(outcome.summary());
            common.output.htmlIfRequested(dir.path());
            var table = new dev.corescope.report.Table("worker", "pid", "wall s", "cpu s", "wait s", "status");
            for (TaskRecord r : outcome.batch().records()) {
                table.row(r.workerId(), r.pid(), Units.sec(r.wallSeconds()),
                        Units.sec(r.cpuSeconds()), Units.sec(r.waitSeconds()),
                        r.status());
            }
            if (common.output.format() != FormatOption.Format.table) {
                common.output.print(outcome.summary(), table);
            } else {
                if (outcome.summary().measured().calibration() != null) {
                    System.out.println(outcome.summary().measured().calibration().describe());
                }
                for (TaskRecord r : outcome.batch().records()) {
                    System.out.printf(Locale.ROOT, "%s (pid %d) took %.3f s%s%n", r.workerId(), r.pid(), r.wallSeconds(),
                            r.ok() ? "" : " — " + r.status() + ": " + r.error());
                }
                System.out.printf(Locale.ROOT, "total: %.3f s for %d task(s) on %d worker(s) (%s)%n", outcome.batch().wallSeconds(),
                        outcome.batch().records().size(), workers, settings.mode());
                System.out.println("run directory: " + dir.path());
            }
            return Output.exitCode(outcome.summary());
        }
    }
}
