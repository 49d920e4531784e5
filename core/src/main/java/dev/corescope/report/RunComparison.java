package dev.corescope.report;

import dev.corescope.analysis.Comparison;
import dev.corescope.analysis.Figures;
import dev.corescope.analysis.Sanity;
import dev.corescope.analysis.Units;
import dev.corescope.exec.ClockResolution;
import dev.corescope.report.html.HtmlReport;
import dev.corescope.workload.CommandWorkload;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Compares two run directories measurement by measurement. Rows are matched on what defines a task (experiment,
 * level, size, transfer's cell) and compared only when the settings that shape it agree too (the workload's name
 * and parameters, the worker mode): a pair whose settings differ is not compared and is said. Only measured tasks
 * count ({@link ComparedRun}). Both sides pass the {@link Sanity} rules first (a run refused when it ran, tasks
 * shorter than the clock resolves, CPU above wall, a one-worker level too noisy or starved): a refused row is
 * shown as refused, with its reason. Per compared row: the ratio of mean wall times with a bootstrap interval and a
 * verdict ({@link Comparison}).
 */
public final class RunComparison {
    /** pyperf's line: below a millisecond a task is too short to compare by its own timing. */
    static final double SHORT_TASK_SECONDS = 1e-3;

    /** One matched measurement; {@code refusal} non-null when the sanity rules refused it (then its verdict). */
    public record Row(String experiment, String workload, String mode, int workers, long size,
                      Comparison comparison, String refusal) {
        public String verdict() {
            return refusal != null ? "refused" : comparison.verdict();
        }
    }

    /**
     * @param rows      the matched measurements
     * @param warnings  what the reader must know (settings that differ, rows without a counterpart, short tasks)
     * @param refusals  each refused row's reason
     */
    public record Result(List<Row> rows, List<String> warnings, List<String> refusals) {
    }

    private RunComparison() {
    }

    public static List<Row> compare(Path before, Path after, double noise) throws IOException {
        return compare(before, after, noise, w -> { }).rows();
    }

    /**
     * Compares the measured tasks of two run directories (each read by {@link RunFiles}: a killed or damaged run
     * compares from its records); problems with their files go to {@code fileWarnings}.
     *
     * @throws HtmlReport.NotARun when a directory is missing or holds no records.jsonl
     */
    public static Result compare(Path before, Path after, double noise, Consumer<String> fileWarnings)
            throws IOException {
        ComparedRun a = load(before, fileWarnings);
        ComparedRun b = load(after, fileWarnings);
        List<String> warnings = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        String commandA = a.files().result().run().command();
        String commandB = b.files().result().run().command();
        if (commandA != null && commandB != null && !commandA.equals(commandB)) {
            warnings.add("the runs are of different commands (" + commandA + " and " + commandB + ")");
        }
        List<String> differ = new ArrayList<>();
        List<String> onlyA = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        long seed = 1;
        for (var e : a.measured().entrySet()) {
            ComparedRun.Group ga = e.getValue();
            ComparedRun.Group gb = b.measured().get(e.getKey());
            if (gb == null) {
                onlyA.add(subject(ga));
                continue;
            }
            String setting = differingSetting(ga, gb);
            if (setting != null) {
                differ.add(subject(ga) + ": " + setting);
                continue;
            }
            String refusal = refusal(a, ga, b, gb);
            if (refusal != null) {
                refusals.add(subject(ga) + ": " + refusal);
            }
            rows.add(new Row(ga.experiment(), ga.workload() != null ? ga.workload() : gb.workload(),
                    ga.mode() != null ? ga.mode() : gb.mode(), ga.workers(), ga.size(),
                    Comparison.of(ga.walls(), gb.walls(), noise, 0.95, 2000, seed++), refusal));
        }
        List<String> onlyB = b.measured().entrySet().stream().filter(e -> !a.measured().containsKey(e.getKey()))
                .map(e -> subject(e.getValue())).toList();
        if (!differ.isEmpty()) {
            warnings.add(differ.size() + " measurement(s) not compared, their settings differ: " + list(differ));
        }
        if (!onlyA.isEmpty()) {
            warnings.add(onlyA.size() + " measurement(s) of " + a.label() + " have no counterpart in " + b.label() + ": "
                    + list(onlyA));
        }
        if (!onlyB.isEmpty()) {
            warnings.add(onlyB.size() + " measurement(s) of " + b.label() + " have no counterpart in " + a.label() + ": "
                    + list(onlyB));
        }
        unknownWorkloads(a, b, rows, warnings);
        shortTasks(rows, warnings);
        return new Result(rows, warnings, refusals);
    }

    private static ComparedRun load(Path run, Consumer<String> warnings) throws IOException {
        RunFiles files = RunFiles.load(run, warnings);
        if (files.records() == null) {
            throw new HtmlReport.NotARun(run + " has no records.jsonl: no task to compare");
        }
        return ComparedRun.of(run.toString(), files);
    }

    /** The setting that differs between two groups of the same task, or null: the workload, the mode. */
    static String differingSetting(ComparedRun.Group a, ComparedRun.Group b) {
        if (a.workload() != null && b.workload() != null && !a.workload().equals(b.workload())) {
            return "the workload differs ('" + a.workload() + "' and '" + b.workload() + "')";
        }
        if (a.mode() != null && b.mode() != null && !a.mode().equals(b.mode())) {
            return "the worker mode differs (" + a.mode() + " and " + b.mode() + ")";
        }
        return null;
    }

    /** Why the sanity rules refuse this pair: a run refused when it ran, or the rules on either side's tasks. */
    private static String refusal(ComparedRun a, ComparedRun.Group ga, ComparedRun b, ComparedRun.Group gb) {
        for (ComparedRun r : List.of(a, b)) {
            if (r.files().result().remarks() != null && r.files().result().remarks().refused()) {
                return r.label() + " was refused when it ran (" + r.files().result().remarks().refusals().get(0) + ")";
            }
        }
        List<String> why = new ArrayList<>();
        for (var side : List.of(new Object[] {a, ga}, new Object[] {b, gb})) {
            ComparedRun run = (ComparedRun) side[0];
            ComparedRun.Group g = (ComparedRun.Group) side[1];
            Sanity.check(figures(run, g)).forEach(x -> why.add(run.label() + ": " + x.reason()));
        }
        return why.isEmpty() ? null : String.join("; ", why);
    }

    /** The rules' view of one group: its cell, on the run's CPUs, with this machine's clock. */
    private static Figures figures(ComparedRun run, ComparedRun.Group g) {
        ClockResolution clock = ClockResolution.current();
        double cpus = Double.isFinite(run.effectiveCpus()) ? run.effectiveCpus() : Runtime.getRuntime().availableProcessors();
        boolean process = g.workload() != null && g.workload().startsWith(CommandWorkload.class.getName());
        return new Figures(new Figures.MachineLimits(cpus, clock.wallSeconds(), clock.cpuSeconds()),
                new Figures.Work(false, process, true), Figures.cells(g.records(), r -> ""), List.of(), Figures.Claims.NONE);
    }

    private static void unknownWorkloads(ComparedRun a, ComparedRun b, List<Row> rows, List<String> warnings) {
        for (ComparedRun r : List.of(a, b)) {
            boolean unknown = r.measured().values().stream().anyMatch(g -> g.workload() == null);
            if (unknown && !rows.isEmpty()) {
                warnings.add("the workload of " + r.label() + " is not known (its summary.json is missing or damaged): "
                        + "its measurements were matched on experiment, workers and size alone");
            }
        }
    }

    /** One warning for rows of tasks under a millisecond (pyperf's rule; JMH batches such operations instead). */
    private static void shortTasks(List<Row> rows, List<String> warnings) {
        List<Row> shortRows = rows.stream().filter(r -> r.comparison().meanBefore() < SHORT_TASK_SECONDS
                || r.comparison().meanAfter() < SHORT_TASK_SECONDS).toList();
        if (shortRows.isEmpty()) {
            return;
        }
        Row shortest = shortRows.stream().min((x, y) -> Double.compare(Math.min(x.comparison().meanBefore(),
                x.comparison().meanAfter()), Math.min(y.comparison().meanBefore(), y.comparison().meanAfter()))).get();
        warnings.add(Units.format("%d compared measurement(s) are tasks shorter than 1 ms (shortest: %s, %s a task): at "
                + "this length a task's time depends on the JIT's state, the timer and the dispatch as much as on the work, "
                + "and these differ from run to run; treat their verdicts with caution and give each task more work "
                + "(pyperf warns below 1 ms; JMH would time many operations per measurement)", shortRows.size(),
                subject(shortest), Units.time(Math.min(shortest.comparison().meanBefore(),
                        shortest.comparison().meanAfter()))));
    }

    private static String subject(ComparedRun.Group g) {
        return subject(g.experiment(), g.workers(), g.size()) + (g.cell() >= 0 ? " cell " + g.cell() : "");
    }

    private static String subject(Row r) {
        return subject(r.experiment(), r.workers(), r.size());
    }

    private static String subject(String experiment, int workers, long size) {
        return experiment + " at " + workers + (workers == 1 ? " worker" : " workers") + (size > 0 ? ", size " + size : "");
    }

    private static String list(List<String> items) {
        return String.join("; ", items.stream().limit(5).toList()) + (items.size() > 5 ? "; ..." : "");
    }

    public static Table table(List<Row> rows) {
        Table t = new Table("experiment", "workload", "mode", "workers", "size", "n before", "n after", "mean before",
                "mean after", "ratio", "95% CI", "verdict");
        for (Row r : rows) {
            Comparison c = r.comparison();
            t.row(r.experiment(), Objects.requireNonNullElse(r.workload(), "-"), Objects.requireNonNullElse(r.mode(), "-"),
                    r.workers(), r.size(), c.nBefore(), c.nAfter(), Units.time(c.meanBefore()), Units.time(c.meanAfter()),
                    r.refusal() != null ? "-" : Units.num(c.ratio(), 3),
                    r.refusal() != null || !Double.isFinite(c.ciLow()) ? "-"
                            : Units.num(c.ciLow(), 3) + "-" + Units.num(c.ciHigh(), 3), r.verdict());
        }
        return t;
    }
}
