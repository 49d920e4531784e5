package dev.corescope.cli;

import dev.corescope.Corescope;
import dev.corescope.report.ConsoleReport;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code corescope sweep}: P = 1..N workers, one task each, K trials per level. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "For P = 1..N, P workers each run one spin task at the same time (K trials per level); "
                + "table and charts of workers vs total and per-task time.")
public final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--max", paramLabel = "N", description = "Largest number of workers (default 2 x available CPUs + 2).")
    Integer max;

    @Option(names = "--trials", paramLabel = "K", defaultValue = "1", description = "Trials per level. Default: ${DEFAULT-VALUE}.")
    int trials;

    @Option(names = "--sequential", description = "Also run the N tasks one after another on one worker (the lab's baseline).")
    boolean sequential;

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
        if (trials < 1) {
            throw new UsageError("--trials must be at least 1, got " + trials);
        }
        var setup = spin.setup(Duration.ofSeconds(1));
        var sweep = common.apply(Corescope.sweep().max(n).trials(trials).sequential(sequential), setup);
        var summary = common.runDirectoryChecked(sweep::run);
        var table = ConsoleReport.levelTable(summary.levels(), sequential);
        if (common.output.format() != FormatOption.Format.table) {
            common.output.print(summary, table);
        } else {
            if (summary.calibration() != null) {
                System.out.println(summary.calibration().describe());
            }
            System.out.println("workload: " + summary.workload() + ", mode: " + summary.mode() + ", trials per level: " + trials);
            System.out.print(table.render());
            ConsoleReport.printFooter(System.out, summary);
            System.out.println("run directory: " + summary.metadata().runDirectory()
                    + " (records.jsonl, summary.json, summary.csv, charts)");
        }
        return Output.exitCode(summary);
    }
}
