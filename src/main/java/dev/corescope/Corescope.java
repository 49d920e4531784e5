package dev.corescope;

import dev.corescope.exec.BatchResult;
import dev.corescope.exec.WorkerMode;
import dev.corescope.exec.WorkerPool;
import dev.corescope.experiment.InvestigateExperiment;
import dev.corescope.experiment.InvestigateReport;
import dev.corescope.experiment.InvestigateResult;
import dev.corescope.experiment.LevelRunResult;
import dev.corescope.experiment.Limits;
import dev.corescope.experiment.PlanMemory;
import dev.corescope.experiment.Progress;
import dev.corescope.experiment.Results;
import dev.corescope.experiment.RoundsExperiment;
import dev.corescope.experiment.Session;
import dev.corescope.experiment.Settings;
import dev.corescope.experiment.SpinSetup;
import dev.corescope.experiment.SweepExperiment;
import dev.corescope.report.LevelCharts;
import dev.corescope.report.ThresholdCharts;
import dev.corescope.store.RunDirectory;
import dev.corescope.store.ThresholdCache;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Java entry point to corescope's experiments, for JUnit tests, jshell and programs:
 * <pre>{@code
 * InvestigateReport r = Corescope.investigate().mode("threads").tolerance(0.05).run();
 * int workers = r.threshold();
 * LevelRunResult s = Corescope.sweep().max(4).target(Duration.ofMillis(100)).run();
 * }</pre>
 * Every run writes its run directory (records, summary, charts) as the command line does. One file
 * over 300 lines on purpose: the whole API, one builder per command (mostly option setters), so that
 * {@code Corescope.} completes to every experiment.
 */
public final class Corescope {
    private Corescope() {
    }

    public static Investigation investigate() {
        return new Investigation();
    }

    public static Sweep sweep() {
        return new Sweep();
    }

    public static Rounds rounds() {
        return new Rounds();
    }

    /** Options common to all experiments. */
    @SuppressWarnings("unchecked")
    public abstract static class Builder<B extends Builder<B>> {
        WorkerMode mode = WorkerMode.THREADS;
        Path out;
        Duration taskTimeout = Duration.ofMinutes(10);
        long seed = 42;
        Long loops;
        Duration target;
        Progress.Factory progress = Progress.Factory.NONE;
        List<String> workerJvmOptions = new ArrayList<>();
        WorkerPool pool;
        List<String> commandLine;
        boolean pin;
        java.util.function.Supplier<dev.corescope.machine.MachineProfile> machine = dev.corescope.machine.MachineProbe::probe;

        /**
         * How the run reads this machine (default {@link dev.corescope.machine.MachineProbe#probe()}): once, in
         * its session, beside its start. Tests pass an invented profile.
         */
        public B machine(java.util.function.Supplier<dev.corescope.machine.MachineProfile> probe) {
            this.machine = probe;
            return (B) this;
        }

        /**
         * Pin worker k to a CPU of its own (one per physical core first, then SMT siblings, in the
         * allowed set), so the scheduler's placement delays do not enter the measurement.
         */
        public B pin(boolean on) {
            this.pin = on;
            return (B) this;
        }

        /** How the run was invoked, kept in its summary (default: {@code corescope <command> (java api)}). */
        public B commandLine(List<String> words) {
            this.commandLine = List.copyOf(words);
            return (B) this;
        }

        /** Run on this pool (e.g. a cluster's) instead of starting local workers; null = local. */
        public B pool(WorkerPool p) {
            this.pool = p;
            return (B) this;
        }

        Session open(Settings settings, RunDirectory dir) throws IOException {
            return Session.open(settings, dir, pool, r -> { }, s -> Results.write(dir, s), machine);
        }

        /** {@code threads} (default) or {@code processes} (worker JVMs). */
        public B mode(String m) {
            return mode(WorkerMode.parse(m));
        }

        /** Thread workers (default) or worker JVMs. */
        public B mode(WorkerMode m) {
            if (m != WorkerMode.THREADS && m != WorkerMode.PROCESSES) {
                throw new IllegalArgumentException("mode must be threads or processes, got " + m);
            }
            this.mode = m;
            return (B) this;
        }

        /** Run directory (default {@code runs/<timestamp>-<command>}). */
        public B out(Path dir) {
            this.out = dir;
            return (B) this;
        }

        /** Calibrate the spin task to this duration. */
        public B target(Duration d) {
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("target must be positive");
            }
            this.target = d;
            this.loops = null;
            return (B) this;
        }

        /** Use a fixed spin loop count instead of calibrating. */
        public B loops(long n) {
            if (n < 0) {
                throw new IllegalArgumentException("loops must be >= 0");
            }
            this.loops = n;
            this.target = null;
            return (B) this;
        }

        public B seed(long s) {
            this.seed = s;
            return (B) this;
        }

        public B taskTimeout(Duration d) {
            this.taskTimeout = d;
            return (B) this;
        }

        /** Extra options for worker JVMs. */
        public B workerJvmOptions(List<String> options) {
            this.workerJvmOptions = new ArrayList<>(options);
            return (B) this;
        }

        /**
         * Where the run reports its steps (default {@link Progress.Factory#NONE}: silent). The command
         * line passes its console progress here.
         */
        public B progress(Progress.Factory factory) {
            this.progress = factory == null ? Progress.Factory.NONE : factory;
            return (B) this;
        }

        Settings settings(String command) {
            return new Settings(command, commandLine != null ? commandLine : List.of("corescope", command, "(java api)"),
                    mode, out, taskTimeout,
                    workerJvmOptions, seed, progress == Progress.Factory.NONE, pin);
        }

        /**
         * Refuses, before the run directory is made, a plan of {@code tasks} records beyond the caps
         * or the heap ({@link PlanMemory}), and worker-JVM heap options that are not sizes.
         */
        void checkPlan(String what, long tasks) {
            PlanMemory.of(mode, workerJvmOptions).checkRecords(what, tasks);
        }

        SpinSetup spin(Duration defaultTarget) {
            return loops != null ? new SpinSetup(loops, null) : new SpinSetup(null, target != null ? target : defaultTarget);
        }
    }

    /** {@code investigate}: the critical threshold of this machine, explained. Workers are pinned by default. */
    public static final class Investigation extends Builder<Investigation> {
        {
            pin = true;
        }

        private double tolerance = 0.05;
        private boolean full;
        private Integer max;
        private int maxSamples = InvestigateExperiment.Config.DEFAULT_MAX_SAMPLES;
        private boolean cache = true;
        private String cacheNote = "";
        private InvestigateExperiment.UserWorkload workload;

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

        public Investigation max(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("max must be >= 1");
            }
            this.max = n;
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
        public record Outcome(InvestigateReport report, InvestigateResult summary, InvestigateExperiment.Result result) {
        }

        /** Measures, writes summary.json, the charts and the cache entry. */
        public Outcome runWithSummary() throws IOException {
            Outcome o = measure();
            finish(o);
            return o;
        }

        /**
         * Measures and writes summary.json: the verdict, ready to be shown. The charts and the cache entry
         * come after, with {@link #finish}, so that a user sees the verdict before they are drawn (on two CPUs
         * drawing beside the measurement would compete with it).
         */
        public Outcome measure() throws IOException {
            int n = max != null ? max : 2 * Runtime.getRuntime().availableProcessors() + 2;
            Settings settings = settings("investigate");
            // at most maxSamples per level, each level overshooting by less than one batch of n
            checkPlan("investigate: " + n + " levels x up to " + maxSamples + " samples",
                    Limits.times(n, Limits.plus(maxSamples, n)));
            RunDirectory dir = RunDirectory.create(out, "investigate");
            try (Progress p = progress.open("investigate", full ? n : 0);
                 Session session = open(settings, dir)) {
                InvestigateExperiment.Subject subject = workload == null
                        ? new InvestigateExperiment.Spin(spin(InvestigateExperiment.Config.DEFAULT_TARGET))
                        : withSpinReference(workload, session.profile());
                var config = new InvestigateExperiment.Config(subject, tolerance, full, n,
                        InvestigateExperiment.Config.DEFAULT_MIN_SAMPLES, maxSamples, true);
                var result = InvestigateExperiment.run(session, config, p);
                p.close();
                InvestigateReport report = InvestigateReport.of(result, session.batches().stream()
                        .flatMap(b -> b.records().stream()).toList(), dir.path().toString(), settings.mode());
                InvestigateResult summary = InvestigateExperiment.summary(session, result, report);
                Results.write(dir, summary);
                return new Outcome(report, summary, result);
            }
        }

        /** After {@link #measure}: the charts, and the verdict stored in the cache (see {@link #cacheNote}). */
        public void finish(Outcome o) throws IOException {
            RunDirectory dir = new RunDirectory(java.nio.file.Path.of(o.report().runDirectory()));
            ThresholdCharts.write(o.report(), dir.path());
            cacheNote = cache ? store(o.result(), dir, o.report().mode().label(), workload) : "not cached";
        }

        /** The workload, with the spin kernel's cached threshold on this machine for the explanation. */
        private static InvestigateExperiment.UserWorkload withSpinReference(InvestigateExperiment.UserWorkload w,
                                                                             dev.corescope.machine.MachineProfile p) {
            var spin = p == null ? java.util.Optional.<ThresholdCache.Entry>empty()
                    : ThresholdCache.defaultCache().lookup(p.key());
            String source = spin.map(e -> "measured by investigate at " + e.measuredAt())
                    .orElse("no spin-kernel threshold is cached for this machine");
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

    /** {@code sweep}: P = 1..max workers, one task each, K trials per level. */
    public static final class Sweep extends Builder<Sweep> {
        private Integer max;
        private int trials = 1;
        private boolean sequential;

        public Sweep max(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("max must be >= 1");
            }
            this.max = n;
            return this;
        }

        public Sweep trials(int k) {
            if (k < 1) {
                throw new IllegalArgumentException("trials must be >= 1");
            }
            this.trials = k;
            return this;
        }

        public Sweep sequential(boolean on) {
            this.sequential = on;
            return this;
        }

        public LevelRunResult run() throws IOException {
            return runWithBatches().summary();
        }

        /** The summary and every batch measured (e.g. for per-member statistics on a cluster). */
        public record Outcome(LevelRunResult summary, List<BatchResult> batches) {
        }

        public Outcome runWithBatches() throws IOException {
            int n = max != null ? max : 2 * Runtime.getRuntime().availableProcessors() + 2;
            Settings settings = settings("sweep");
            checkPlan("sweep: " + trials + " trials x levels 1.." + n,
                    Limits.plus(Limits.times(trials, (long) n * (n + 1) / 2), sequential ? n : 0));
            RunDirectory dir = RunDirectory.create(out, "sweep");
            try (Progress p = progress.open("sweep", (long) n * trials + (sequential ? 1 : 0));
                 Session session = open(settings, dir)) {
                LevelRunResult summary = SweepExperiment.run(session,
                        new SweepExperiment.Config(n, trials, sequential, spin(Duration.ofSeconds(1))), p);
                p.close();
                Results.write(dir, summary);
                LevelCharts.write(summary.measured(), dir.path(), "sweep (" + summary.measured().mode() + ")");
                return new Outcome(summary, session.batches());
            }
        }
    }

    /** {@code rounds}: R tasks on P = 1..max workers, in rounds of P and from a queue. */
    public static final class Rounds extends Builder<Rounds> {
        private int repeats = 20;
        private Integer max;

        public Rounds repeats(int r) {
            if (r < 1) {
                throw new IllegalArgumentException("repeats must be >= 1");
            }
            this.repeats = r;
            return this;
        }

        public Rounds max(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("max must be >= 1");
            }
            this.max = n;
            return this;
        }

        public LevelRunResult run() throws IOException {
            int n = max != null ? max : 2 * Runtime.getRuntime().availableProcessors() + 2;
            Settings settings = settings("rounds");
            checkPlan("rounds: " + repeats + " repeats x " + n + " levels x 2 strategies",
                    Limits.times(repeats, 2L * n));
            RunDirectory dir = RunDirectory.create(out, "rounds");
            try (Progress p = progress.open("rounds", 2L * n);
                 Session session = open(settings, dir)) {
                LevelRunResult summary = RoundsExperiment.run(session,
                        new RoundsExperiment.Config(repeats, n, spin(Duration.ofSeconds(1))), p);
                p.close();
                Results.write(dir, summary);
                LevelCharts.write(summary.measured(), dir.path(), repeats + " tasks in rounds vs queue ("
                        + summary.measured().mode() + ")");
                return summary;
            }
        }
    }
}
