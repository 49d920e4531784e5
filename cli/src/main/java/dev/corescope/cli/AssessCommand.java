package dev.corescope.cli;

import dev.corescope.Assess;
import dev.corescope.Corescope;
import dev.corescope.cluster.ClusterStats;
import dev.corescope.cluster.ClusterWorkerPool;
import dev.corescope.experiment.AssessExperiment;
import dev.corescope.experiment.Assessment.AlgorithmResult;
import dev.corescope.experiment.WorkerCount;
import dev.corescope.report.AssessReport;
import dev.corescope.report.ConsoleReport;
import dev.corescope.report.JmhJson;
import dev.corescope.report.SideBySide;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code corescope assess}: algorithms over input sizes, measured in parallel at the threshold. */
@Command(name = "assess",
        description = "Time algorithms (or your own workload class, or a command) over input sizes, N repeats per size, "
                + "on as many concurrent workers as the machine hosts without adding noise; per-size statistics, "
                + "complexity fit, charts, and on every run the proof against one worker alone: one-worker controls "
                + "of the same tasks interleaved into the run (auto steps down from a level that fails).")
public final class AssessCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = {"-r", "--repeats"}, defaultValue = "30", paramLabel = "R", description = "Repeats per size. Default: ${DEFAULT-VALUE}.")
    int repeats;

    @Option(names = {"-w", "--workers"}, defaultValue = "auto", paramLabel = "auto|N",
            description = "Concurrent workers: auto = the threshold measured by 'corescope investigate' (for this workload "
                    + "if measured, else the spin kernel's), checked in the run and lowered when it fails; N = exactly N, "
                    + "checked and warned about. Default: ${DEFAULT-VALUE}.")
    String workers;

    @Option(names = "--no-verify", description = "Do not interleave one-worker controls: the level is not checked.")
    boolean noVerify;

    @Mixin
    CriteriaOptions criteria;

    @Option(names = "--budget", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Refuse the plan when a pilot on the smallest sizes estimates it takes longer than this.")
    Duration budget;

    @Option(names = "--log", description = "Log axes on the complexity chart even when the values span less than 10x "
            + "(by default an axis is logarithmic when its values span more).")
    boolean logLog;

    @Option(names = "--jmh-json", paramLabel = "FILE", description = "Also write the results in JMH's JSON result format.")
    Path jmhJson;

    @Mixin
    PinOption pin;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    WorkloadOptions workload;

    @Mixin
    SimulateOption simulate;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        workload.defaultMode(common);
        List<Long> sizeList = workload.sizes();
        if (repeats < 1) {
            throw new UsageError("--repeats must be at least 1, got " + repeats);
        }
        double sdLimit = criteria.sdLimit();
        double tol = criteria.tolerance("3%");
        if (budget != null && (budget.isZero() || budget.isNegative())) {
            throw new UsageError("--budget must be positive");
        }
        List<AssessExperiment.Algo> algos = workload.algorithms(common);
        simulate.checkWorkloads(algos);
        simulate.checkNotCluster(cluster.cluster != null && !cluster.cluster.isEmpty());
        var assess = common.apply(Corescope.assess()).algorithms(algos).sizes(sizeList).repeats(repeats)
                .workers(workers).verify(!noVerify).criteria(tol, sdLimit).budget(budget).logChart(logLog).pin(pin.pin())
                .notices(n -> System.err.println("corescope: " + n)).on(simulate.machine());
        assess.checkPlan();
        if (jmhJson != null) {
            Output.checkOutputFile("--jmh-json", jmhJson);
        }
        ClusterWorkerPool clusterPool = cluster.connect(common.taskTimeout, algos.stream().map(AssessExperiment.Algo::spec).toList());
        try {
            if (clusterPool != null) {
                assess.pool(clusterPool).resolved(new WorkerCount.Resolved(clusterPool.size(), "cluster: the sum of "
                        + clusterPool.nodes().size() + " members' thresholds"));
            }
            WorkerCount.Resolved resolved = assess.resolveWorkers();
            ForceOption.checkWorkers(spec, "--workers", resolved.workers(), false);
            assess.warmup(workload.warmup(), workload.warmupReason());
            Assess.AssessOutput out;
            try {
                out = common.runDirectoryChecked(assess::runWithDetails);
            } catch (AssessExperiment.OverBudget e) {
                throw new UsageError(e.getMessage());
            }
            return render(out, clusterPool);
        } finally {
            if (clusterPool != null) {
                clusterPool.close();
            }
        }
    }

    private int render(Assess.AssessOutput out, ClusterWorkerPool clusterPool) {
        var summary = out.summary();
        var a = out.assessment();
        Path dir = Path.of(summary.metadata().runDirectory());
        common.output.htmlIfRequested(dir);
        if (jmhJson != null) {
            try {
                JmhJson.write(jmhJson, a, out.measured());
            } catch (IOException e) {
                throw new UsageError("cannot write --jmh-json " + jmhJson + ": " + e.getMessage());
            }
        }
        if (common.output.format() != FormatOption.Format.table) { // json, csv: summary.json, summary.csv
            common.output.print(summary, AssessReport.flatTable(a));
            return Output.exitCode(summary);
        }
        if (simulate.given()) {
            System.out.println("SIMULATED run on " + simulate.file + " (" + simulate.machine().spec().describe()
                    + "): every time below is simulated, none measured");
        }
        for (AlgorithmResult alg : a.algorithms()) {
            System.out.printf(Locale.ROOT, "%s — %d tasks on %d worker%s (%s) in %.3f s (%.2f tasks/s)%n",
                    alg.algorithm(), alg.tasks(), alg.workers(), alg.workers() == 1 ? "" : "s", a.plan().mode(),
                    alg.wallSeconds(), alg.throughput());
            System.out.print(AssessReport.sizeTable(alg).render());
            System.out.println();
        }
        if (SideBySide.applies(a)) {
            System.out.println(SideBySide.HEADING);
            System.out.print(SideBySide.table(a).render());
            System.out.println();
        }
        System.out.println(AssessReport.FIT_HEADING);
        System.out.print(AssessReport.fitTable(a).render());
        if (a.algorithms().stream().anyMatch(alg -> !alg.certification().attempts().isEmpty())) {
            System.out.println();
            System.out.println("Check against one worker alone (controls of the same tasks, interleaved; ratio 1 = "
                    + "no bias, no added noise):");
            System.out.print(AssessReport.checkTable(a).render());
            var speed = AssessReport.speedTable(a);
            if (!speed.rows().isEmpty()) {
                System.out.println();
                System.out.print(speed.render());
            }
        }
        System.out.println();
        summary.findings().forEach(System.out::println);
        ConsoleReport.printFooter(System.out, summary.measured(), summary.remarks());
        if (clusterPool != null) {
            System.out.println("The per-size statistics above pool the times of " + clusterPool.nodes().size()
                    + " members; per member:");
            System.out.print(ClusterTables.render(ClusterStats.of(out.batches(), clusterPool.nodes())));
        }
        System.out.println("run directory: " + dir + " (records.jsonl, summary.json, summary.csv, "
                + out.charts().size() + " chart files)" + (jmhJson != null ? "; JMH JSON: " + jmhJson : ""));
        return Output.exitCode(summary);
    }

    /** The sizes of {@code --sizes}, de-duplicated and ascending. */
    static List<Long> parseSizes(String text) {
        return SizeList.parse(text);
    }
}
