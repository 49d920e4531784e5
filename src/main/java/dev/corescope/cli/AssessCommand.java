package dev.corescope.cli;

import dev.corescope.analysis.DistributionComparison;
import dev.corescope.exec.WorkerMode;
import dev.corescope.experiment.AssessExperiment;
import dev.corescope.experiment.Assessment.AlgorithmResult;
import dev.corescope.experiment.Progress;
import dev.corescope.experiment.Results;
import dev.corescope.experiment.Session;
import dev.corescope.experiment.Settings;
import dev.corescope.experiment.WorkerCount;
import dev.corescope.machine.MachineProbe;
import dev.corescope.machine.MachineProfile;
import dev.corescope.report.AssessReport;
import dev.corescope.report.ComplexityCharts;
import dev.corescope.report.ConsoleReport;
import dev.corescope.report.JmhJson;
import dev.corescope.store.RunDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code corescope assess}: algorithms over input sizes, measured in parallel at the threshold. */
@Command(name = "assess", mixinStandardHelpOptions = true,
        description = "Time algorithms (or your own workload class, or a command) over input sizes, N repeats per size, "
                + "on as many concurrent workers as the machine hosts without adding noise; per-size statistics, "
                + "complexity fit, charts, and on every run the proof against one worker alone: one-worker controls "
                + "of the same tasks interleaved into the run (auto steps down from a level that fails).")
public final class AssessCommand implements Callable<Integer> {
    static final int DEFAULT_WARMUP = 5;
    static final int DEFAULT_CMD_WARMUP = 1;
    static final String JIT_WARMUP_REASON = "HotSpot compiles a hot method with C2 after ~10,000 invocations or loop "
            + "back-edges: the first task of a size already crosses that inside its loops, the next ones let the "
            + "background compilation finish and run the compiled method from its entry instead of an on-stack "
            + "replacement, so the measured tasks run compiled code";
    static final String CMD_WARMUP_REASON = "an external command has no JIT; one run per worker loads the program and "
            + "its files into the page cache";

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

    @Option(names = "--log", description = "Log-log complexity chart.")
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
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        List<Long> sizeList = workload.sizes();
        if (repeats < 1) {
            throw new UsageError("--repeats must be at least 1, got " + repeats);
        }
        double sdLimit = criteria.sdLimit();
        double tol = criteria.tolerance("3%");
        if (budget != null && (budget.isZero() || budget.isNegative())) {
            throw new UsageError("--budget must be positive");
        }
        List<AssessExperiment.Algo> algos = workload.algorithms();
        AssessPlanCheck.check(common.validate(), algos, sizeList, repeats, extraRecordsPerSize(1), budget != null, 1);
        if (jmhJson != null) {
            AssessPlanCheck.checkOutputFile("--jmh-json", jmhJson);
        }
        // the one probe of the run: the threshold's key and the quick check's CPUs, then the session's profile
        Supplier<MachineProfile> profile = MachineProbe.once(MachineProbe::probe);
        WorkerCount.Resolved resolved;
        dev.corescope.cluster.ClusterWorkerPool clusterPool = cluster.connect(common.taskTimeout, algos.stream().map(AssessExperiment.Algo::spec).toList());
        if (clusterPool != null) {
            resolved = new WorkerCount.Resolved(clusterPool.size(), "cluster: the sum of " + clusterPool.nodes().size()
                    + " members' thresholds");
        } else {
            try {
                String workloadKey = algos.size() == 1
                        ? dev.corescope.experiment.InvestigateExperiment.UserWorkload.key(algos.get(0).spec(), sizeList)
                        : null;
                resolved = WorkerCount.resolve(workers, WorkerCount.Context.live(profile, workloadKey,
                        this::investigateFirst));
            } catch (IllegalArgumentException e) {
                throw new UsageError(e.getMessage());
            }
        }
        try {
            return assess(algos, sizeList, profile, resolved, clusterPool,
                    new DistributionComparison.Criteria(tol, sdLimit, 0.95, 5));
        } finally {
            if (clusterPool != null) {
                clusterPool.close();
            }
        }
    }

    private int assess(List<AssessExperiment.Algo> algos, List<Long> sizeList, Supplier<MachineProfile> profile,
                       WorkerCount.Resolved resolved, dev.corescope.cluster.ClusterWorkerPool clusterPool,
                       DistributionComparison.Criteria criteria) throws Exception {
        Limits.checkWorkers(spec, "--workers", resolved.workers(), false);
        if (clusterPool == null) {
            AssessPlanCheck.check(common.validate(), algos, sizeList, repeats, extraRecordsPerSize(resolved.workers()),
                    budget != null, resolved.workers());
        }
        int warm = workload.warmup();
        String warmReason = workload.warmupReason();
        boolean local = clusterPool == null;
        Settings settings = common.settings("assess").pinned(local && pin.pin());
        String pinNote = !local ? "the cluster's members place their own workers" : !pin.pin() ? "--no-pin"
                : "the CPUs this process may use could not be read";
        AssessExperiment.Check check = noVerify || !local ? AssessExperiment.Check.NONE
                : WorkerCount.AUTO.equalsIgnoreCase(workers.trim()) ? AssessExperiment.Check.STEP_DOWN
                : AssessExperiment.Check.FIXED;
        var config = new AssessExperiment.Config(algos, sizeList, repeats, resolved.workers(), resolved.source(), warm,
                warmReason, check, criteria, budget, pinNote);
        long total = (long) algos.size() * sizeList.size() * repeats;
        RunDirectory dir = common.runDirectory("assess");
        try (Progress progress = ConsoleProgress.create("assess", progressSteps(total) + algos.size(), settings.quiet());
             Session session = Session.open(settings, dir, clusterPool, progressSink(progress, total), Output.writer(dir),
                     profile)) {
            AssessExperiment.Outcome out;
            try {
                out = AssessExperiment.run(session, config, progress);
            } catch (AssessExperiment.OverBudget e) {
                throw new UsageError(e.getMessage());
            }
            progress.close();
            var summary = out.summary();
            var a = out.assessment();
            Results.write(dir, summary);
            String title = String.join(", ", algos.stream().map(AssessExperiment.Algo::label).toList())
                    + String.format(Locale.ROOT, ": %d repeats per size on %d %s", repeats, resolved.workers(),
                    settings.mode() == WorkerMode.PROCESSES ? "worker JVMs" : "worker threads");
            var charts = ComplexityCharts.write(a.algorithms(), dir.path(), title, logLog);
            common.output.htmlIfRequested(dir.path());
            if (jmhJson != null) {
                try {
                    JmhJson.write(jmhJson, a, out.measured());
                } catch (IOException e) {
                    throw new UsageError("cannot write --jmh-json " + jmhJson + ": " + e.getMessage());
                }
            }
            if (common.output.format() != FormatOption.Format.table) {
                var combined = AssessReport.flatTable(a);
                common.output.print(summary, combined);
            } else {
                for (AlgorithmResult alg : a.algorithms()) {
                    System.out.printf(Locale.ROOT, "%s — %d tasks on %d %s workers in %.3f s (%.2f tasks/s)%n",
                            alg.algorithm(), alg.tasks(), alg.workers(), a.plan().mode(), alg.wallSeconds(), alg.throughput());
                    System.out.print(AssessReport.sizeTable(alg).render());
                    System.out.println();
                }
                System.out.println("Complexity fit (t = intercept + constant·f(n); power law t = c·n^k):");
                System.out.print(AssessReport.fitTable(a).render());
                if (a.algorithms().stream().anyMatch(alg -> !alg.certification().attempts().isEmpty())) {
                    System.out.println();
                    System.out.println("Check against one worker alone (controls of the same tasks, interleaved; ratio 1 = "
                            + "no bias, no added noise):");
                    System.out.print(AssessReport.checkTable(a).render());
                }
                System.out.println();
                summary.findings().forEach(System.out::println);
                ConsoleReport.printFooter(System.out, summary.measured(), summary.remarks());
                if (clusterPool != null) {
                    System.out.println("The per-size statistics above pool the times of " + clusterPool.nodes().size()
                            + " members; per member:");
                    System.out.print(ClusterTables.render(
                            dev.corescope.cluster.ClusterStats.of(session.batches(), clusterPool.nodes())));
                }
                System.out.println("run directory: " + dir.path() + " (records.jsonl, summary.json, summary.csv, "
                        + charts.size() + " chart files)" + (jmhJson != null ? "; JMH JSON: " + jmhJson : ""));
            }
            return Output.exitCode(summary);
        }
    }

    /**
     * Records per size beyond the R measured ones, at most: the one-worker controls (base and extra
     * shares), and with {@code --workers auto} every lower level a failing level may step down to.
     */
    private int extraRecordsPerSize(int workers) {
        if (noVerify) {
            return 0;
        }
        var shares = dev.corescope.experiment.ControlPlan.Shares.DEFAULT;
        int controls = (int) Math.ceil(repeats * (shares.baseShare() + shares.extraShare())) + 2;
        boolean auto = WorkerCount.AUTO.equalsIgnoreCase(this.workers.trim());
        return controls + (auto ? Math.max(0, workers - 1) * repeats : 0);
    }

    /** {@code --workers auto} with nothing cached: measure the threshold now, in the same mode. */
    private WorkerCount.Measured investigateFirst() {
        System.err.println("corescope: no usable threshold cached for this machine; running 'corescope investigate' first");
        try {
            var run = dev.corescope.Corescope.investigate().mode(common.mode)
                    .progress(ConsoleProgress.factory(common.quiet || common.output.format() != FormatOption.Format.table));
            var report = run.run();
            String why = report.limitedBy() + (Double.isFinite(report.otherBusyCpus())
                    && report.otherBusyCpus() >= dev.corescope.experiment.CacheCheck.BUSY_CPUS
                    ? String.format(Locale.ROOT, "; other work kept %.1f CPUs busy", report.otherBusyCpus()) : "");
            return new WorkerCount.Measured(report.threshold(), why);
        } catch (java.io.IOException e) {
            throw new UsageError("investigate failed: " + e.getMessage());
        }
    }

    static long progressSteps(long total) {
        long every = Math.max(1, total / 20);
        return total / every + (total % every == 0 ? 0 : 1);
    }

    /** Progress every ~5% of the measured tasks (a line per task would flood a log). */
    private static dev.corescope.exec.RecordSink progressSink(Progress progress, long total) {
        long every = Math.max(1, total / 20);
        java.util.concurrent.atomic.AtomicLong seen = new java.util.concurrent.atomic.AtomicLong();
        return r -> {
            if (r.experiment().startsWith(AssessExperiment.ASSESS + "/")) {
                long k = seen.incrementAndGet();
                if (k % every == 0 || k == total) {
                    progress.step(k + "/" + total + " measured tasks");
                }
            }
        };
    }

    /** The sizes of {@code --sizes}, de-duplicated and ascending. */
    static List<Long> parseSizes(String text) {
        return SizeList.parse(text);
    }
}
