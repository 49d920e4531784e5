package dev.corescope.cli;

import dev.corescope.Corescope;
import dev.corescope.analysis.TransferCell;
import dev.corescope.analysis.Units;
import dev.corescope.exec.WorkerMode;
import dev.corescope.experiment.Limits;
import dev.corescope.experiment.TransferResult;
import dev.corescope.report.Table;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code corescope transfer}: a map of when parallelism pays, over task duration × result size. */
@Command(name = "transfer", defaultValueProvider = TransferCommand.Defaults.class,
        description = {"When does parallelism pay? For each task duration x result size: the cell's tasks one "
                + "after another on one thread, then on N workers (threads and/or worker JVMs); speedup, per-task "
                + "overhead (dispatch, serialization, transfer, deserialization), crossover, a heatmap per mode "
                + "and a plain-language conclusion.",
            "Sizes use binary units: KB = KiB = 1024 bytes, MB = MiB."})
public final class TransferCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--durations", split = ",", paramLabel = "D", defaultValue = "100us,1ms,10ms,100ms",
            description = "Work per task (calibrated spin), comma-separated; 0 = no work. Default: ${DEFAULT-VALUE}.")
    List<String> durations;

    @Option(names = "--bytes", split = ",", paramLabel = "B", defaultValue = "0,1KB,1MB,16MB,64MB",
            description = "Bytes each task returns, comma-separated (B, KB, MB, GB; binary). Default: ${DEFAULT-VALUE}.")
    List<String> sizes;

    /** The old name of {@code --bytes}: {@code -n/--sizes} are input sizes elsewhere, so refused with a pointer. */
    @Option(names = {"-n", "--sizes"}, hidden = true, paramLabel = "S")
    String oldSizes;

    @picocli.CommandLine.Mixin
    HelpOption help;

    @Option(names = "--tasks", paramLabel = "T", defaultValue = "64",
            description = "Tasks per cell, at most (capped by --cell-budget). Default: ${DEFAULT-VALUE}.")
    int tasks;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "both",
            description = "Parallel workers: threads, processes (worker JVMs) or both. Default: ${DEFAULT-VALUE}.")
    String mode;

    @Option(names = {"-w", "--workers"}, paramLabel = "N",
            description = "Parallel workers (default: this machine's cached threshold, else the available CPUs).")
    Integer workers;

    @Option(names = "--cell-budget", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "1s",
            description = "Cap tasks per cell so the sequential run takes about this long. Default: ${DEFAULT-VALUE}.")
    Duration cellBudget;

    /** --out, --format, --task-timeout (2m here: {@link Defaults}), --seed, --worker-jvm-opt, -q. */
    @picocli.CommandLine.Mixin
    RunOptions run;

    /** transfer's own defaults of shared options: a cell's task is short, so a task timeout of 2 minutes. */
    static final class Defaults implements CommandLine.IDefaultValueProvider {
        @Override
        public String defaultValue(CommandLine.Model.ArgSpec arg) {
            return arg.isOption() && ((CommandLine.Model.OptionSpec) arg).longestName().equals("--task-timeout")
                    ? "2m" : null;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (oldSizes != null) {
            throw bad("transfer's --sizes is now --bytes (bytes each task returns); -n/--sizes are input sizes");
        }
        List<Duration> ds = new ArrayList<>();
        for (String d : durations) {
            Duration v = parseDuration(d);
            if (v.isNegative()) {
                throw bad("--durations must not be negative, got " + d);
            }
            ds.add(v);
        }
        List<Long> ss = new ArrayList<>();
        for (String s : sizes) {
            ss.add(parseSize(s));
        }
        if (ds.isEmpty() || ss.isEmpty()) {
            throw bad((ds.isEmpty() ? "--durations" : "--bytes") + " is empty");
        }
        if (tasks < 1) {
            throw bad("--tasks must be at least 1, got " + tasks);
        }
        if (run.out != null && run.out.toString().isBlank()) {
            throw bad("--out is empty: name a directory");
        }
        long cells = (long) new java.util.TreeSet<>(ds).size() * new java.util.TreeSet<>(ss).size();
        if (cells > dev.corescope.experiment.Limits.MAX_CELLS) {
            throw bad("--durations x --bytes = " + cells + " cells, more than the cap of "
                    + dev.corescope.experiment.Limits.MAX_CELLS);
        }
        List<WorkerMode> modes = switch (mode.toLowerCase(Locale.ROOT)) {
            case "threads" -> List.of(WorkerMode.THREADS);
            case "processes" -> List.of(WorkerMode.PROCESSES);
            case "both" -> List.of(WorkerMode.THREADS, WorkerMode.PROCESSES);
            default -> throw bad("--mode must be threads, processes or both, got '" + mode + "'");
        };
        if (cellBudget.isNegative() || cellBudget.isZero() || run.taskTimeout.isNegative() || run.taskTimeout.isZero()) {
            throw bad("--cell-budget and --task-timeout must be positive");
        }
        run.checkTaskTimeout(null);
        if (workers != null) {
            ForceOption.checkWorkers(spec, "--workers", workers, false);
        }
        List<String> cmd = new ArrayList<>(List.of("corescope"));
        cmd.addAll(spec.commandLine().getParseResult().originalArgs());
        var transfer = Corescope.transfer().durations(ds).sizes(ss).tasks(tasks).modes(modes).workers(workers)
                .cellBudget(cellBudget).out(run.out).taskTimeout(run.taskTimeout).seed(run.seed)
                .workerJvmOptions(run.workerJvmOptions).commandLine(cmd).exit(run.exit()).progress(ConsoleProgress.factory(run.silent()));
        var outcome = run.runDirectoryChecked(transfer::runWithCharts);
        TransferResult summary = outcome.summary();
        Path dir = Path.of(summary.metadata().runDirectory());
        List<Path> charts = outcome.charts();
        run.output.htmlIfRequested(dir);
        if (run.output.format() != FormatOption.Format.table) {
            run.output.print(summary, table(summary));
        } else {
            print(summary, dir, charts);
        }
        if (summary.failures() > 0 && !summary.remarks().refused()) {
            System.err.println("corescope: " + summary.failures() + " task(s) failed; first: "
                    + (summary.remarks().failureReasons().isEmpty() ? "?" : summary.remarks().failureReasons().get(0)) + " (see records.jsonl)");
            return 1;
        }
        return Output.exitCode(summary);
    }

    private static void print(TransferResult s, Path dir, List<Path> charts) {
        for (var c : s.calibrations()) {
            System.out.println(c.description());
        }
        for (String n : s.remarks().notes()) {
            System.out.println(n);
        }
        System.out.print(table(s).render());
        System.out.println("(seq/par: wall time of the cell's tasks on 1 thread / on " + s.setup().workers() + " workers; "
                + "overhead columns: mean per task in ms, worker JVMs only except dispatch; "
                + "GB/s: payload bytes / transfer span)");
        System.out.println();
        s.findings().forEach(System.out::println);
        for (String e : s.remarks().events()) {
            System.out.println("event: " + e);
        }
        System.out.println("run directory: " + dir + " (records.jsonl, summary.json, summary.csv, "
                + charts.size() + " chart files: speedup-<mode>.png/.svg)");
    }

    /** Whether the sanity layer refused this cell's speedup. */
    private static boolean refused(TransferResult s, dev.corescope.analysis.TransferCell c) {
        String subject = dev.corescope.experiment.SanityGate.subject(c) + ":";
        return s.remarks().refusals().stream().anyMatch(r -> r.startsWith(subject));
    }

    static Table table(TransferResult s) {
        Table t = new Table("mode", "work", "result", "tasks", "task ms", "seq s", "par s", "speedup", "dispatch",
                "serialize", "transfer", "deserialize", "GB/s");
        for (TransferCell c : s.cells()) {
            var o = c.overhead();
            t.row(c.mode(), Units.duration(c.durationSeconds()), Units.bytes(c.sizeBytes()),
                    c.tasks(), Units.num(c.taskMs(), 3), Units.sec(c.sequentialSeconds()), Units.sec(c.parallelSeconds()),
                    refused(s, c) ? dev.corescope.report.ConsoleReport.REFUSED
                            : Units.num(c.speedup(), 2) + (c.slower() ? " <1" : ""), Units.num(o.dispatchMs(), 3),
                    Units.num(o.serializeMs(), 3), Units.num(o.transferMs(), 3), Units.num(o.deserializeMs(), 3),
                    Units.num(c.transferGBps(), 2));
        }
        return t;
    }

    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private Duration parseDuration(String text) {
        try {
            return DurationConverter.parse(text);
        } catch (CommandLine.TypeConversionException e) {
            throw bad("--durations: " + e.getMessage());
        }
    }

    private static final Pattern SIZE = Pattern.compile("([0-9]*\\.?[0-9]+)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib)?");

    /** {@code 0}, {@code 512}, {@code 1KB}, {@code 1.5MiB}, {@code 2G}: binary units. */
    static long parseSize(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UsageError("--bytes: '" + text + "' is not a size (examples: 0, 1KB, 16MB, 1.5GB)");
        }
        String unit = m.group(2) == null ? "b" : m.group(2);
        double mult = switch (unit.charAt(0)) {
            case 'k' -> 1024.0;
            case 'm' -> 1024.0 * 1024;
            case 'g' -> 1024.0 * 1024 * 1024;
            case 't' -> 1024.0 * 1024 * 1024 * 1024;
            default -> 1;
        };
        double v = Double.parseDouble(m.group(1)) * mult;
        if (v > Long.MAX_VALUE / 2.0) {
            throw new UsageError("--bytes: '" + text + "' is too large");
        }
        return Math.round(v);
    }
}
