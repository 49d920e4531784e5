package dev.corescope.cli;

import dev.corescope.Corescope;
import dev.corescope.report.ConsoleReport;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code corescope sweep}: P = 1..N workers, one task each, K trials per level. */
@Command(name = "sweep",
        description = "For P = 1..N, P workers each run one spin task at the same time (K trials per level); "
                + "table and charts of workers vs total and per-task time.")
public final class SweepCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--trials", paramLabel = "K", defaultValue = "1", description = "Trials per level. Default: ${DEFAULT-VALUE}.")
    int trials;

    @Option(names = "--sequential", description = "Also run the N tasks one after another on one worker (the lab's baseline).")
    boolean sequential;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    LevelOptions level;

    @Mixin
    SimulateOption simulate;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        simulate.checkNotCluster(cluster.cluster != null && !cluster.cluster.isEmpty());
        simulate.machine();
        dev.corescope.cluster.ClusterWorkerPool clusterPool = cluster.connect(common.taskTimeout, java.util.List.of());
        if (clusterPool != null) {
            if (level.max != null && level.max > clusterPool.size()) {
                clusterPool.close();
                throw new UsageError("--max " + level.max + " exceeds the cluster's " + clusterPool.size()
                        + " slot(s) (the sum of its members' thresholds)");
            }
            if (level.max == null) {
                level.max = clusterPool.size();
            }
        }
        try {
            return sweep(clusterPool);
        } finally {
            if (clusterPool != null) {
                clusterPool.close();
            }
        }
    }

    private int sweep(dev.corescope.cluster.ClusterWorkerPool clusterPool) throws Exception {
        int n = level.max(spec, simulate);
        if (trials < 1) {
            throw new UsageError("--trials must be at least 1, got " + trials);
        }
        var setup = level.spin(Duration.ofSeconds(1));
        var sweep = common.apply(Corescope.sweep().max(n).trials(trials).sequential(sequential).pool(clusterPool), setup)
                .on(simulate.machine());
        var outcome = common.runDirectoryChecked(sweep::runWithBatches);
        var summary = outcome.summary();
        common.output.htmlIfRequested(java.nio.file.Path.of(summary.metadata().runDirectory()));
        var table = ConsoleReport.levelTable(summary.measured().levels(), sequential,
                summary.remarks().refusals());
        if (common.output.format() != FormatOption.Format.table) {
            common.output.print(summary, table);
        } else {
            if (simulate.given()) {
                System.out.println("SIMULATED run on " + simulate.file + " (" + simulate.machine().spec().describe()
                        + "): every time below is simulated, none measured");
            }
            ConsoleReport.printRun(System.out, summary, summary.measured(), table, "trials per level: " + trials);
            if (clusterPool != null) {
                clusterPool.nodes().forEach(m -> System.out.printf(Locale.ROOT, "member %s: pid %d, threshold %d (%s), clock offset %+.1f us (best round trip %.0f us)%n",
                        m.label(), m.pid(), m.threshold(), m.thresholdSource(), m.clockOffsetNanos() / 1e3,
                        m.bestRoundTripNanos() / 1e3));
                System.out.print(ClusterTables.render(
                        dev.corescope.cluster.ClusterStats.of(outcome.batches(), clusterPool.nodes())));
            }
            System.out.println("run directory: " + summary.metadata().runDirectory()
                    + " (records.jsonl, summary.json, summary.csv, charts)");
        }
        return Output.exitCode(summary);
    }
}
