package dev.corescope.cli;

import dev.corescope.exec.TaskRecord;
import dev.corescope.experiment.AssessExperiment;
import dev.corescope.experiment.AssessExperiment.AlgorithmResult;
import dev.corescope.experiment.Pinning;
import dev.corescope.experiment.Session;
import dev.corescope.experiment.Settings;
import dev.corescope.experiment.ThresholdCache;
import dev.corescope.experiment.WorkerCount;
import dev.corescope.machine.MachineProbe;
import dev.corescope.machine.MachineProfile;
import dev.corescope.report.AssessReport;
import dev.corescope.report.ComplexityCharts;
import dev.corescope.report.ConsoleReport;
import dev.corescope.report.JmhJson;
import dev.corescope.report.Progress;
import dev.corescope.report.RunDirectory;
import dev.corescope.workload.algo.Algorithms;
import dev.corescope.workload.CommandWorkload;
import dev.corescope.workload.UserClassWorkload;
import dev.corescope.workload.WorkloadSpec;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code corescope assess}: algorithms over input sizes, measured in parallel at the threshold. */
@Command(name = "assess", mixinStandardHelpOptions = true,
        description = "Time algorithms (or your own workload class, or a command) over input sizes, N repeats per size, "
                + "on as many concurrent workers as the machine hosts without adding noise; per-size statistics, "
                + "complexity fit, charts, and (--verify) the evidence against a single worker.")
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

    @Option(names = {"-a", "--algorithm"}, split = ",", paramLabel = "NAME",
            description = "Algorithm(s), comma-separated: ${COMPLETION-CANDIDATES}.", completionCandidates = Known.class)
    List<String> algorithms;

    @Option(names = "--class", paramLabel = "CLASS", description = "Your own workload class (implements dev.corescope.workload.Workload).")
    String userClass;

    @Option(names = "--classpath", paramLabel = "PATH", description = "Jar(s) or directories holding --class (separated by the platform's path separator, ':' on Unix).")
    String classpath;

    @Option(names = "--cmd", paramLabel = "COMMAND", description = "External command run with /bin/sh -c, {n} replaced by the size (and {seed} by the seed), timed as a process.")
    String command;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "Workload parameter, e.g. order=sorted for the sorts (repeatable).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = {"-n", "--sizes"}, required = true, paramLabel = "SIZES",
            description = "Input sizes: a list (50,100,250) and/or ranges FROM..TO:STEP (50..500:50).")
    String sizes;

    @Option(names = {"-r", "--repeats"}, defaultValue = "30", paramLabel = "R", description = "Repeats per size. Default: ${DEFAULT-VALUE}.")
    int repeats;

    @Option(names = {"-w", "--workers"}, defaultValue = "auto", paramLabel = "auto|N",
            description = "Concurrent workers: auto = the threshold cached by 'corescope investigate'. Default: ${DEFAULT-VALUE}.")
    String workers;

    @Option(names = "--warmup", paramLabel = "K", description = "Warm-up tasks per worker per algorithm, cycling through the sizes "
            + "(default " + DEFAULT_WARMUP + "; " + DEFAULT_CMD_WARMUP + " with --cmd).")
    Integer warmup;

    @Option(names = "--verify", description = "Also run a sample of the same tasks on one worker and compare means and sds.")
    boolean verify;

    @Option(names = "--verify-repeats", paramLabel = "K", description = "Repeats per size in the one-worker sample (default: min(R, 30)).")
    Integer verifyRepeats;

    @Option(names = "--budget", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Refuse the plan when a pilot on the smallest sizes estimates it takes longer than this.")
    Duration budget;

    @Option(names = "--log", description = "Log-log complexity chart.")
    boolean logLog;

    @Option(names = "--jmh-json", paramLabel = "FILE", description = "Also write the results in JMH's JSON result format.")
    Path jmhJson;

    @Option(names = "--no-pin", description = "Do not pin worker JVMs to cores (processes mode).")
    boolean noPin;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    CommonOptions common;

    /** The known algorithm names, for the help text. */
    static final class Known extends ArrayList<String> {
        Known() {
            super(Algorithms.names());
        }
    }

    @Override
    public Integer call() throws Exception {
        List<Long> sizeList = parseSizes(sizes);
        if (repeats < 1) {
            throw new UsageError("--repeats must be at least 1, got " + repeats);
        }
        if (warmup != null && warmup < 0) {
            throw new UsageError("--warmup must be >= 0, got " + warmup);
        }
        if (warmup != null) {
            Limits.checkRange("--warmup", warmup, 0, dev.corescope.experiment.Limits.MAX_WARMUP);
        }
        if (verifyRepeats != null && verifyRepeats < 1) {
            throw new UsageError("--verify-repeats must be at least 1, got " + verifyRepeats);
        }
        if (budget != null && (budget.isZero() || budget.isNegative())) {
            throw new UsageError("--budget must be positive");
        }
        List<AssessExperiment.Algo> algos = algorithms();
        AssessPlanCheck.check(common.validate(), algos, sizeList, repeats, verify ? verifyRepeats() : 0, budget != null, 1);
        if (jmhJson != null) {
            AssessPlanCheck.checkOutputFile("--jmh-json", jmhJson);
        }
        MachineProfile[] profile = new MachineProfile[1];
        WorkerCount.Resolved resolved;
        dev.corescope.cluster.ClusterWorkerPool clusterPool = cluster.connect(common.taskTimeout, algos.stream().map(AssessExperiment.Algo::spec).toList());
        if (clusterPool != null) {
            resolved = new WorkerCount.Resolved(clusterPool.size(), "cluster: the sum of " + clusterPool.nodes().size()
                    + " members' thresholds");
        } else {
            try {
                resolved = WorkerCount.resolve(workers, ThresholdCache.defaultCache(), () -> probe(profile).key(),
                        this::investigateFirst);
            } catch (IllegalArgumentException e) {
                throw new UsageError(e.getMessage());
            }
        }
        try {
            return assess(algos, sizeList, profile, resolved, clusterPool);
        } finally {
            if (clusterPool != null) {
                clusterPool.close();
            }
        }
    }

    private int assess(List<AssessExperiment.Algo> algos, List<Long> sizeList, MachineProfile[] profile,
                       WorkerCount.Resolved resolved,
                       dev.corescope.cluster.ClusterWorkerPool clusterPool) throws Exception {
        Limits.checkWorkers(spec, "--workers", resolved.workers(), false);
        if (clusterPool == null) {
            AssessPlanCheck.check(common.validate(), algos, sizeList, repeats, verify ? verifyRepeats() : 0,
                    budget != null, resolved.workers());
        }
        int warm = warmup != null ? warmup : command != null ? DEFAULT_CMD_WARMUP : DEFAULT_WARMUP;
        String warmReason = warmup != null ? "set by --warmup" : command != null ? CMD_WARMUP_REASON : JIT_WARMUP_REASON;
        Settings settings = common.settings("assess");
        boolean local = clusterPool == null;
        Pinning pinning = new Pinning(Pinning.plan(settings.mode(), resolved.workers(),
                local && "processes".equals(settings.mode()) ? probe(profile) : null,
                local && "processes".equals(settings.mode()) && !noPin && Pinning.tasksetAvailable(), noPin || !local));
        var config = new AssessExperiment.Config(algos, sizeList, repeats, resolved.workers(), resolved.source(), warm,
                warmReason, verify, verifyRepeats(),
                budget, pinning);
        long total = (long) algos.size() * sizeList.size() * repeats;
        RunDirectory dir = common.runDirectory("assess");
        try (Progress progress = Progress.create("assess", progressSteps(total) + algos.size(), settings.quiet());
             Session session = clusterPool != null
                     ? Session.open(settings, dir, clusterPool, progressSink(progress, total), Output.writer(dir))
                     : Session.open(settings, dir, progressSink(progress, total), Output.writer(dir))) {
            AssessExperiment.Outcome out;
            try {
                out = AssessExperiment.run(session, config, progress);
            } catch (AssessExperiment.OverBudget e) {
                throw new UsageError(e.getMessage());
            }
            progress.close();
            var summary = out.summary();
            var a = out.assessment();
            AssessReport.write(dir, summary, a);
            String title = String.join(", ", algos.stream().map(AssessExperiment.Algo::label).toList())
                    + String.format(Locale.ROOT, ": %d repeats per size on %d %s", repeats, resolved.workers(),
                    "processes".equals(settings.mode()) ? "worker JVMs" : "worker threads");
            var charts = ComplexityCharts.write(a.algorithms(), dir.path(), title, logLog);
            common.output.htmlIfRequested(dir.path());
            List<TaskRecord> records = session.batches().stream().flatMap(b -> b.records().stream()).toList();
            if (jmhJson != null) {
                try {
                    JmhJson.write(jmhJson, a, records);
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
                            alg.algorithm(), alg.tasks(), a.workers(), a.mode(), alg.wallSeconds(), alg.throughput());
                    System.out.print(AssessReport.sizeTable(alg).render());
                    System.out.println();
                }
                System.out.println("Complexity fit (t = intercept + constant·f(n); power law t = c·n^k):");
                System.out.print(AssessReport.fitTable(a).render());
                if (verify) {
                    System.out.println();
                    System.out.println("Verification: the same tasks on one worker (ratio ≈ 1 means no bias / no added noise):");
                    System.out.print(AssessReport.verifyTable(a).render());
                }
                System.out.println();
                ConsoleReport.printFooter(System.out, summary);
                if (clusterPool != null) {
                    System.out.println("The per-size statistics above pool the times of " + clusterPool.nodes().size()
                            + " members; per member:");
                    System.out.print(dev.corescope.cluster.ClusterStats.render(
                            dev.corescope.cluster.ClusterStats.of(session.batches(), clusterPool.nodes())));
                }
                System.out.println("run directory: " + dir.path() + " (records.jsonl, summary.json, summary.csv, "
                        + charts.size() + " chart files)" + (jmhJson != null ? "; JMH JSON: " + jmhJson : ""));
            }
            return Output.exitCode(summary);
        }
    }

    /** Repeats per size of the one-worker sample: --verify-repeats (at most R), else min(R, 30). */
    private int verifyRepeats() {
        return verifyRepeats != null ? Math.min(verifyRepeats, repeats) : Math.min(repeats, 30);
    }

    /** {@code --workers auto} with nothing cached: measure the threshold now, in the same mode. */
    private int investigateFirst() {
        System.err.println("corescope: no threshold cached for this machine; running 'corescope investigate' first");
        try {
            var run = dev.corescope.Corescope.investigate().mode(common.mode.name())
                    .progress(!common.quiet && common.output.format() == FormatOption.Format.table);
            return run.run().threshold();
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

    private static MachineProfile probe(MachineProfile[] cache) {
        if (cache[0] == null) {
            cache[0] = MachineProbe.probe();
        }
        return cache[0];
    }

    private List<AssessExperiment.Algo> algorithms() {
        int sources = (algorithms != null && !algorithms.isEmpty() ? 1 : 0) + (userClass != null ? 1 : 0)
                + (command != null ? 1 : 0);
        if (sources != 1) {
            throw new UsageError("choose exactly one of --algorithm, --class or --cmd (known algorithms: "
                    + String.join(", ", Algorithms.names()) + ")");
        }
        if (classpath != null && userClass == null) {
            throw new UsageError("--classpath needs --class");
        }
        for (var e : params.entrySet()) {
            if (e.getKey().isBlank() || e.getKey().contains(" ") || e.getValue().contains(" ")) {
                throw new UsageError("--param " + e.getKey() + "=" + e.getValue() + ": keys and values must not contain spaces");
            }
        }
        List<AssessExperiment.Algo> out = new ArrayList<>();
        try {
            if (command != null) {
                CommandWorkload.checkExists(command);
                out.add(new AssessExperiment.Algo("cmd", CommandWorkload.spec(command)));
            } else if (userClass != null) {
                String cp = absolute(classpath);
                var w = UserClassWorkload.check(userClass, cp, params);
                String label = w.name() == null || w.name().isBlank() ? userClass : w.name().replace(' ', '_');
                out.add(new AssessExperiment.Algo(label, UserClassWorkload.spec(userClass, cp, params)));
            } else {
                for (String name : new java.util.LinkedHashSet<>(algorithms)) {
                    String n = name.trim();
                    if (!Algorithms.names().contains(n)) {
                        throw new UsageError("unknown algorithm '" + n + "' (known: " + String.join(", ", Algorithms.names()) + ")");
                    }
                    WorkloadSpec s = new WorkloadSpec(n, params);
                    dev.corescope.workload.Workloads.create(s); // bad parameters fail here
                    out.add(new AssessExperiment.Algo(n, s));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new UsageError(Main.firstLine(e.getMessage()));
        }
        return out;
    }

    private static String absolute(String classpath) {
        if (classpath == null) {
            return null;
        }
        List<String> abs = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                abs.add(Path.of(entry).toAbsolutePath().normalize().toString());
            }
        }
        return String.join(File.pathSeparator, abs);
    }

    /** {@code 50,100,250} and {@code 50..500:50} (step optional: 1), de-duplicated and ascending. */
    static List<Long> parseSizes(String text) {
        return SizeList.parse(text);
    }
}
