package dev.corescope.cli;

import dev.corescope.experiment.RoundsExperiment;
import dev.corescope.experiment.Session;
import dev.corescope.report.ConsoleReport;
import dev.corescope.report.LevelCharts;
import dev.corescope.report.Progress;
import dev.corescope.report.RunDirectory;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code corescope rounds}: the lab's core_investigation2, beside a queue strategy. */
@Command(name = "rounds", mixinStandardHelpOptions = true,
        description = "R spin tasks on P = 1..N workers, in rounds of P (last round = remainder) and from a queue; "
                + "total time per strategy against the sequential time.")
public final class RoundsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-r", "--repeats"}, required = true, paramLabel = "R", description = "Tasks per batch.")
    int repeats;

    @Option(names = "--max", paramLabel = "N", description = "Largest number of workers (default 2 x available CPUs + 2).")
    Integer max;

    @Option(names = "--force", description = "Allow --max above " + Limits.MAX_WORKERS + ".")
    boolean force;

    @Mixin
    SpinOptions spin;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        int n = max == null ? Limits.defaultMax() : max;
        Limits.checkWorkers(spec, "--max", n, force);
        if (repeats < 1) {
            throw new UsageError("--repeats must be at least 1, got " + repeats);
        }
        var setup = spin.setup(Duration.ofSeconds(1));
        var settings = common.settings("rounds");
        RunDirectory dir = common.runDirectory("rounds");
        try (Progress progress = Progress.create("rounds", 2L * n, settings.quiet());
             Session session = Session.open(settings, dir, r -> { }, Output.writer(dir))) {
            var summary = RoundsExperiment.run(session, new RoundsExperiment.Config(repeats, n, setup), progress);
            progress.close();
            Output.writer(dir).accept(summary);
            var charts = LevelCharts.write(summary, dir.path(), repeats + " tasks in rounds vs queue (" + settings.mode() + ")");
            common.output.htmlIfRequested(dir.path());
            var table = ConsoleReport.levelTable(summary.levels(), true);
            if (common.output.format() != FormatOption.Format.table) {
                common.output.print(summary, table);
            } else {
                if (summary.calibration() != null) {
                    System.out.println(summary.calibration().describe());
                }
                System.out.println("workload: " + summary.workload() + ", mode: " + summary.mode() + ", repeats: " + repeats);
                System.out.print(table.render());
                ConsoleReport.printFooter(System.out, summary);
                System.out.println("run directory: " + dir.path() + " (records.jsonl, summary.json, summary.csv, "
                        + charts.size() + " chart files)");
            }
            return Output.exitCode(summary);
        }
    }
}
