package dev.corescope.cli;

import dev.corescope.Corescope;
import dev.corescope.report.ConsoleReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code corescope rounds}: the lab's core_investigation2, beside a queue strategy. */
@Command(name = "rounds",
        description = "T spin tasks on P = 1..N workers, in rounds of P (last round = remainder) and from a queue; "
                + "total time per strategy against the sequential time.")
public final class RoundsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--tasks", paramLabel = "T", description = "Tasks per batch (required).")
    Integer repeats;

    /** Its old name: {@code -r/--repeats} are assess's repeats per size now, so refused here with a pointer. */
    @Option(names = {"-r", "--repeats"}, hidden = true, paramLabel = "R")
    String oldRepeats;

    @Mixin
    HelpOption help;

    @Mixin
    LevelOptions level;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        if (oldRepeats != null) {
            throw new UsageError("rounds' -r/--repeats is now --tasks (tasks per batch); -r/--repeats are assess's "
                    + "repeats per size");
        }
        if (repeats == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--tasks=T'");
        }
        int n = level.max(spec);
        if (repeats < 1) {
            throw new UsageError("--tasks must be at least 1, got " + repeats);
        }
        var setup = level.spin(Duration.ofSeconds(1));
        var rounds = common.apply(Corescope.rounds().repeats(repeats).max(n), setup);
        var summary = common.runDirectoryChecked(rounds::run);
        Path dir = Path.of(summary.metadata().runDirectory());
        common.output.htmlIfRequested(dir);
        var table = ConsoleReport.levelTable(summary.measured().levels(), true,
                summary.remarks().refusals());
        if (common.output.format() != FormatOption.Format.table) {
            common.output.print(summary, table);
        } else {
            ConsoleReport.printRun(System.out, summary, summary.measured(), table, "tasks: " + repeats);
            System.out.println("run directory: " + dir + " (records.jsonl, summary.json, summary.csv, charts)");
        }
        return Output.exitCode(summary);
    }
}
