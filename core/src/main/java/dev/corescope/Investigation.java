package dev.corescope;

import dev.corescope.experiment.InvestigateExperiment;
import dev.corescope.experiment.InvestigateReport;
import dev.corescope.experiment.InvestigateResult;
import dev.corescope.experiment.Limits;
import dev.corescope.experiment.Progress;
import dev.corescope.experiment.Results;
import dev.corescope.experiment.Session;
import dev.corescope.experiment.Settings;
import dev.corescope.report.ThresholdCharts;
import dev.corescope.store.RunDirectory;
import dev.corescope.store.ThresholdCache;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** {@code investigate}: the critical threshold of this machine, explained. Workers are pinned by default. */
public final class Investigation extends LevelBuilder<Investigation> {
    private double tolerance = 0.05;
    private boolean full;
    private int maxSamples = InvestigateExperiment.InvestigateConfig.DEFAULT_MAX_SAMPLES;
    private boolean cache = true;
    private String cacheNote = "";
    private InvestigateExperiment.UserWorkload workload;

    Investigation() {
        pin = true;
    }

    /**
     * Measure this workload's threshold instead of the spin kernel's: its own distribution must stay
     * like one worker's (mean, median, spread). Its verdict is cached under the workload's key.
     *
     * @param label   name shown to the user (e.g. {@code matmul-naive})
     * @param sizes   input sizes, one round per size per sample
     * @param warmup  warm-up tasks per worker and size (JIT)
     * @param sdLimit allowed ratio of the spread against one worker's
     */
    public Investigation workload(String label, dev.corescope.workload.WorkloadSpec spec, List<Long> sizes,
                                  int warmup, double sdLimit) {
        this.workload = new InvestigateExperiment.UserWorkload(label, spec, sizes, warmup, sdLimit, -1, "");
        return this;
    }

    public Investigation tolerance(double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("tolerance must be in (0, 1), got " + fraction);
        }
        this.tolerance = fraction;
        return this;
    }

    public Investigation full(boolean on) {
        this.full = on;
        return this;
    }

    public Investigation maxSamples(int n) {
        Limits.checkRange("max samples", n, 1, Limits.MAX_SAMPLES);
        this.maxSamples = n;
        return this;
    }

    /** Store the verdict in {@code ~/.corescope/threshold.json} (default true). */
    public Investigation cache(boolean on) {
        this.cache = on;
        return this;
    }

    /** What happened to the cache on the last run (for the CLI). */
    public String cacheNote() {
        return cacheNote;
    }

    public InvestigateReport run() throws IOException {
        return runWithSummary().report();
    }

    /** The report and the run's summary document. */
    public record InvestigationOutput(InvestigateReport report, InvestigateResult summary, InvestigateExperiment.Result result) {
    }

    /** Measures, writes summary.json, the charts and the cache entry. */
    public InvestigationOutput runWithSummary() throws IOException {
        InvestigationOutput o = measure();
        finish(o);
        return o;
    }

    /**
     * Measures and writes summary.json: the verdict, ready to be shown. The charts and the cache entry
     * come after, with {@link #finish}, so that a user sees the verdict before they are drawn (on two CPUs
     * drawing beside the measurement would compete with it).
     */
    public InvestigationOutput measure() throws IOException {
        int n = levels();
        Settings settings = settings("investigate");
        // levels measured: every one with --full; else the machine's suggestions and the levels above them, then
        // bisection or doubling (8 + 2 log2 n at most); each at most maxSamples rounds, up to 4x that for many
        // workers (SpendingDesign.forWorkers: 3.3x at 1024), a round being at most n tasks and one worker's in every block
        long levels = full ? n : Math.min(n, 8 + 2L * (32 - Integer.numberOfLeadingZeros(n)));
        checkPlan("investigate: " + levels + " levels x up to " + maxSamples + " rounds (more for many workers)",
                Limits.times(Limits.times(levels, Limits.times(4, maxSamples)), n + 1L));
        RunDirectory dir = RunDirectory.create(out, "investigate");
        try (Progress p = progress.open("investigate", full ? n : 0);
             Session session = open(settings, dir)) {
            InvestigateExperiment.Subject subject = workload == null
                    ? new InvestigateExperiment.Spin(spin(InvestigateExperiment.InvestigateConfig.DEFAULT_TARGET))
                    : withSpinReference(workload, session.profile(), session.machine().simulated() != null);
            var config = new InvestigateExperiment.InvestigateConfig(subject, tolerance, full, n,
                    InvestigateExperiment.InvestigateConfig.DEFAULT_MIN_SAMPLES, maxSamples, true);
            var result = Results.measuring(session, dir, () -> InvestigateExperiment.run(session, config, p));
            p.close();
            InvestigateReport report = InvestigateReport.of(result, session.batches().stream()
                    .flatMap(b -> b.records().stream()).toList(), dir.path().toString(), settings.mode());
            InvestigateResult summary = InvestigateExperiment.summary(session, result, report);
            summary = Results.checked(session, dir, summary);
            return new InvestigationOutput(report, summary, result);
        }
    }

    /** After {@link #measure}: the charts, and the verdict stored in the cache (see {@link #cacheNote}). */
    public void finish(InvestigationOutput o) throws IOException {
        RunDirectory dir = new RunDirectory(java.nio.file.Path.of(o.report().runDirectory()));
        ThresholdCharts.write(o.report(), o.summary().remarks().refusals(), dir.path());
        boolean simulated = o.result().profile() != null && o.result().profile().simulated() != null;
        cacheNote = !cache ? "not cached"
                : simulated ? "not cached: the machine is SIMULATED"
                : o.summary().remarks().refused() ? "not cached: the sanity checks refused this result"
                : store(o.result(), dir, o.report().mode().label(), workload);
    }

    /** The workload, with the spin kernel's cached threshold on this machine for the explanation. */
    private static InvestigateExperiment.UserWorkload withSpinReference(InvestigateExperiment.UserWorkload w,
                                                                         dev.corescope.machine.MachineProfile p,
                                                                         boolean simulated) {
        var spin = p == null || simulated ? java.util.Optional.<ThresholdCache.Entry>empty()
                : ThresholdCache.defaultCache().lookup(p.key());
        String source = spin.map(e -> "measured by investigate at " + e.measuredAt())
                .orElse(simulated ? "a SIMULATED machine's thresholds are not cached"
                        : "no spin-kernel threshold is cached for this machine");
        return new InvestigateExperiment.UserWorkload(w.label(), w.spec(), w.sizes(), w.warmup(), w.sdLimit(),
                spin.map(ThresholdCache.Entry::threshold).orElse(-1), source);
    }

    private static String store(InvestigateExperiment.Result r, RunDirectory dir, String mode,
                                InvestigateExperiment.UserWorkload workload) {
        ThresholdCache cache = ThresholdCache.defaultCache();
        String workloadKey = workload == null ? null : workload.key();
        String key = ThresholdCache.key(r.profile().key(), workloadKey);
        var load = r.profile().loadAtStart();
        try {
            cache.store(key, new ThresholdCache.Entry(r.threshold(), mode, Instant.now().toString(),
                    dir.path().toAbsolutePath().toString(), r.profile().effectiveCpus(), r.explanation(), workloadKey,
                    Double.isFinite(r.otherBusyCpus()) ? r.otherBusyCpus() : null,
                    load != null && load.known() ? load.load1() : null));
            return "cached in " + cache.file() + " (key " + key + ")";
        } catch (IOException | RuntimeException e) {
            return "could not cache the verdict in " + cache.file() + ": " + e.getMessage();
        }
    }
}
