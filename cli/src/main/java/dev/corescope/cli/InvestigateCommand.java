package dev.corescope.cli;

import dev.corescope.Corescope;
import dev.corescope.experiment.InvestigateExperiment;
import dev.corescope.experiment.InvestigateReport;
import dev.corescope.experiment.InvestigateResult;
import dev.corescope.report.ConsoleReport;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code corescope investigate}: find, test and explain the critical threshold. */
@Command(name = "investigate",
        description = "Find the critical threshold: the most concurrent workers whose per-task times are statistically "
                + "no worse than one worker alone; explain it from measurement and the machine profile. By default "
                + "with the calibrated spin kernel (the machine's capacity); with -a/--class/--cmd and -n, for your "
                + "own workload (its mean, median and spread must stay as with one worker).")
public final class InvestigateCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Mixin
    CriteriaOptions criteria;

    @Mixin
    WorkloadOptions workload;

    @Option(names = "--full", description = "Measure every level 1..N instead of searching adaptively.")
    boolean full;

    @Option(names = "--max-samples", paramLabel = "N", defaultValue = "40",
            description = "Rounds per level at most (a round: one task per worker, all at once; the level is looked at "
                    + "after 5, 10, 20... of them); a level still unsettled after them is not counted as clean. "
                    + "Default: ${DEFAULT-VALUE}.")
    int maxSamples;

    @Mixin
    PinOption pin;

    @Option(names = "--no-cache", description = "Do not store the verdict in ~/.corescope/threshold.json.")
    boolean noCache;

    @Mixin
    LevelOptions level;

    @Mixin
    SimulateOption simulate;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        workload.defaultMode(common);
        double tol = criteria.tolerance(workload.given() ? "3%" : "5%");
        double sdLimit = criteria.sdLimit();
        var simulated = simulate.machine();
        int n = level.max(spec, simulate);
        if (maxSamples < InvestigateExperiment.InvestigateConfig.DEFAULT_MIN_SAMPLES) {
            throw new UsageError("--max-samples must be at least " + InvestigateExperiment.InvestigateConfig.DEFAULT_MIN_SAMPLES);
        }
        UsageError.check(() -> dev.corescope.experiment.Limits.checkRange("--max-samples", maxSamples, 1,
                dev.corescope.experiment.Limits.MAX_SAMPLES));
        var setup = level.spin(InvestigateExperiment.InvestigateConfig.DEFAULT_TARGET);
        var investigation = Corescope.investigate().tolerance(tol).full(full).max(n).maxSamples(maxSamples)
                .cache(!noCache);
        common.apply(investigation, setup);
        if (workload.given()) {
            var algos = workload.algorithms(common);
            if (algos.size() != 1) {
                throw new UsageError("investigate measures one workload at a time; got " + algos.size() + " algorithms");
            }
            simulate.checkWorkloads(algos);
            investigation.workload(algos.get(0).label(), algos.get(0).spec(), workload.sizes(), workload.warmup(), sdLimit);
        }
        investigation.pin(pin.pin()).on(simulated);
        var outcome = common.runDirectoryChecked(investigation::measure);
        var report = outcome.report();
        boolean table = common.output.format() == FormatOption.Format.table;
        if (table) { // the verdict first: the charts, the HTML and the cache entry are made after it is on screen
            if (simulated != null) {
                System.out.println("SIMULATED run on " + simulate.file + ": every time below is simulated, none measured");
            }
            print(outcome.summary(), outcome.result());
            System.out.flush();
        }
        investigation.finish(outcome);
        common.output.htmlIfRequested(java.nio.file.Path.of(report.runDirectory()));
        if (!table) { // a refused result is no verdict: its whole summary, refusals first among its remarks
            boolean whole = outcome.summary().remarks().refused() || common.output.format() == FormatOption.Format.csv;
            common.output.print(whole ? outcome.summary() : report, // csv: summary.csv
                    ConsoleReport.investigateTable(report));
        } else {
            System.out.println(investigation.cacheNote().isEmpty() ? "" : "Threshold " + investigation.cacheNote());
            System.out.println("run directory: " + report.runDirectory());
            outcome.summary().warnings().forEach(w -> System.out.println("Warning: " + w));
        }
        return Output.exitCode(outcome.summary());
    }

    /** The machine, the calibration, the levels, the findings (the explanation set apart) and the time. */
    private static void print(InvestigateResult summary, InvestigateExperiment.Result r) {
        InvestigateReport report = summary.analysis();
        System.out.println("Machine");
        r.profile().summaryLines().forEach(l -> System.out.println("  " + l));
        if (summary.measured().calibration() != null) {
            System.out.println(summary.measured().calibration().describe());
        }
        System.out.print(ConsoleReport.investigateTable(report).render());
        List<String> findings = summary.findings();
        findings.subList(0, findings.size() - 1).forEach(System.out::println);
        System.out.println();
        System.out.println(findings.get(findings.size() - 1));
        System.out.println();
        boolean simulated = r.profile() != null && r.profile().simulated() != null;
        System.out.printf(Locale.ROOT, "Verdict in %.2f s of %smeasurement.%n", r.verdict().seconds(),
                simulated ? "SIMULATED " : "");
    }
}
