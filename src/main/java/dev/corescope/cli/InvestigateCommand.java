package dev.corescope.cli;

import dev.corescope.experiment.InvestigateExperiment;
import dev.corescope.experiment.Session;
import dev.corescope.experiment.ThresholdCache;
import dev.corescope.machine.MachineProbe;
import dev.corescope.machine.MachineProfile;
import dev.corescope.report.InvestigateReport;
import dev.corescope.report.Progress;
import dev.corescope.report.RunDirectory;
import dev.corescope.report.ThresholdCharts;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code corescope investigate}: find, test and explain the critical threshold. */
@Command(name = "investigate", mixinStandardHelpOptions = true,
        description = "Find the critical threshold: the most concurrent workers whose per-task times are statistically "
                + "no worse than one worker alone; explain it from measurement and the machine profile.")
public final class InvestigateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--tolerance", paramLabel = "PCT", defaultValue = "5%",
            description = "Allowed slowdown against one worker, in (0, 100%%). Default: ${DEFAULT-VALUE}.")
    String tolerance;

    @Option(names = "--full", description = "Measure every level 1..N instead of searching adaptively.")
    boolean full;

    @Option(names = "--max", paramLabel = "N", description = "Largest level considered (default 2 x available CPUs + 2).")
    Integer max;

    @Option(names = "--max-samples", paramLabel = "N", defaultValue = "40",
            description = "Samples per level before an unsettled verdict is decided by its point estimate. Default: ${DEFAULT-VALUE}.")
    int maxSamples;

    @Option(names = "--force", description = "Allow --max above " + Limits.MAX_WORKERS + ".")
    boolean force;

    @Option(names = "--no-cache", description = "Do not store the verdict in ~/.corescope/threshold.json.")
    boolean noCache;

    @Mixin
    SpinOptions spin;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        CompletableFuture<MachineProfile> profile = CompletableFuture.supplyAsync(MachineProbe::probe);
        double tol = parseTolerance(tolerance);
        int n = max == null ? Limits.defaultMax() : max;
        Limits.checkWorkers(spec, "--max", n, force);
        if (maxSamples < InvestigateExperiment.Config.DEFAULT_MIN_SAMPLES) {
            throw new UsageError("--max-samples must be at least " + InvestigateExperiment.Config.DEFAULT_MIN_SAMPLES);
        }
        var setup = spin.setup(InvestigateExperiment.Config.DEFAULT_TARGET);
        var settings = common.settings("investigate", spec.commandLine().getParseResult().originalArgs().toArray(String[]::new));
        RunDirectory dir = common.runDirectory("investigate");
        try (Progress progress = Progress.create("investigate", full ? n : 0, settings.quiet());
             Session session = Session.open(settings, dir, r -> { }, Output.writer(dir))) {
            var config = new InvestigateExperiment.Config(setup, tol, full, n,
                    InvestigateExperiment.Config.DEFAULT_MIN_SAMPLES, maxSamples);
            var result = InvestigateExperiment.run(session, config, profile, progress);
            progress.close();
            InvestigateReport report = InvestigateReport.of(result, session.batches().stream()
                    .flatMap(b -> b.records().stream()).toList(), dir.path().toString(), settings.mode());
            var summary = InvestigateExperiment.summary(session, result, report);
            Output.writer(dir).accept(summary);
            ThresholdCharts.write(report, dir.path());
            String cacheNote = cache(result, dir, settings.mode());
            if (common.output.format() != FormatOption.Format.table) {
                common.output.print(report, report.table());
            } else {
                print(report, result, summary.calibration(), cacheNote);
                summary.warnings().forEach(w -> System.out.println("Warning: " + w));
            }
            return Output.exitCode(summary);
        }
    }

    private String cache(InvestigateExperiment.Result r, RunDirectory dir, String mode) {
        if (noCache) {
            return "not cached (--no-cache)";
        }
        ThresholdCache cache = ThresholdCache.defaultCache();
        try {
            cache.store(r.profile().key(), new ThresholdCache.Entry(r.threshold(), mode, Instant.now().toString(),
                    dir.path().toAbsolutePath().toString(), r.profile().effectiveCpus(), r.explanation()));
            return "cached in " + cache.file() + " (key " + r.profile().key() + ")";
        } catch (java.io.IOException | RuntimeException e) {
            return "could not cache the verdict in " + cache.file() + ": " + e.getMessage();
        }
    }

    private static void print(InvestigateReport report, InvestigateExperiment.Result r,
                              dev.corescope.experiment.Calibration calibration, String cacheNote) {
        System.out.println("Machine");
        r.profile().summaryLines().forEach(l -> System.out.println("  " + l));
        if (calibration != null) {
            System.out.println(calibration.describe());
        }
        System.out.print(report.table().render());
        System.out.printf("Threshold: %d worker%s%s (tolerance %.0f%%, %s mode)%n", r.threshold(),
                r.threshold() == 1 ? "" : "s", r.settled() ? "" : " — not fully settled within the sample budget",
                100 * r.tolerance(), report.mode());
        if (report.knee() != null) {
            System.out.printf("Throughput knee: %d workers (%.1f tasks/s of a %.1f max)%n", report.knee().workers(),
                    report.knee().throughput(), report.knee().maxThroughput());
        }
        if (report.usl() != null) {
            System.out.printf("USL fit: σ=%.3f κ=%.4f λ=%.2f tasks/s, predicted peak at %.1f workers (R²=%.3f)%n",
                    report.usl().sigma(), report.usl().kappa(), report.usl().lambda(), report.usl().peakWorkers(),
                    report.usl().rSquared());
        }
        System.out.println();
        System.out.println(r.explanation());
        System.out.println();
        System.out.printf("Verdict in %.2f s of measurement; %s%n", r.seconds(), cacheNote);
        System.out.println("run directory: " + report.runDirectory());
    }

    static double parseTolerance(String text) {
        String t = text.trim();
        boolean pct = t.endsWith("%");
        double v;
        try {
            v = Double.parseDouble(pct ? t.substring(0, t.length() - 1) : t);
        } catch (NumberFormatException e) {
            throw new UsageError("--tolerance '" + text + "' is not a number or percentage (e.g. 5%)");
        }
        double fraction = pct || v >= 1 ? v / 100 : v;
        if (!(fraction > 0 && fraction < 1)) {
            throw new UsageError("--tolerance must be in (0, 100%), got " + text);
        }
        return fraction;
    }
}
