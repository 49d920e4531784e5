package dev.corescope;

import dev.corescope.exec.pin.CpuAssignment;
import dev.corescope.experiment.JmhResult;
import dev.corescope.experiment.PlanRefused;
import dev.corescope.experiment.Results;
import dev.corescope.experiment.WorkerCount;
import dev.corescope.experiment.jmh.BenchmarkPlan;
import dev.corescope.experiment.jmh.BenchmarkSource;
import dev.corescope.experiment.jmh.JmhCertification;
import dev.corescope.experiment.jmh.JmhCertifier;
import dev.corescope.experiment.jmh.JmhControls;
import dev.corescope.experiment.jmh.JmhExperiment;
import dev.corescope.experiment.jmh.JmhOptionParser;
import dev.corescope.experiment.jmh.JmhOptions;
import dev.corescope.experiment.jmh.JmhPlanner;
import dev.corescope.experiment.jmh.JobExecutor;
import dev.corescope.machine.MachineProbe;
import dev.corescope.machine.MachineProfile;
import dev.corescope.report.jmh.JmhResultFile;
import dev.corescope.store.RunDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code jmh}: an existing JMH suite (an uber jar, or a class path) run N-wide on pinned cores, each fork a JMH
 * JVM of its own, certified in the run by solo controls. Writes the run directory ({@code records.jsonl} with one
 * line per iteration, {@code summary.json}, {@code jmh-result.json} in JMH's own format, each job's JMH output in
 * {@code jobs/}). The worker mode does not apply: every fork is a JVM.
 */
public final class Jmh extends ExperimentBuilder<Jmh> {
    private Path jar;
    private String classpath;
    private final List<String> patterns = new ArrayList<>();
    private List<String> jmhArgs = List.of();
    private String workers = WorkerCount.AUTO;
    private WorkerCount.Resolved resolved;
    private JmhControls controls = JmhControls.DEFAULT;
    private JmhCertifier certifier = JmhCertification.DEFAULT_CERTIFIER;
    private Duration forkTimeout;
    private JobExecutor executor;
    private Consumer<String> notices = s -> { };
    private Supplier<MachineProfile> probe;

    Jmh() {
        pin = true;
    }

    /** The benchmarks: an uber jar ({@code java -jar benchmarks.jar}). */
    public Jmh jar(Path benchmarksJar) {
        this.jar = benchmarksJar;
        return this;
    }

    /** The benchmarks: a class path ({@code java -cp CP org.openjdk.jmh.Main}), instead of a jar. */
    public Jmh classpath(String cp) {
        this.classpath = cp;
        return this;
    }

    /** Benchmark patterns, as JMH's (empty: all). */
    public Jmh patterns(List<String> regexes) {
        this.patterns.clear();
        this.patterns.addAll(regexes);
        return this;
    }

    /** JMH's options ({@code -f 1 -wi 3 -i 5 ...}), passed through. */
    public Jmh jmhOptions(List<String> args) {
        this.jmhArgs = List.copyOf(args);
        return this;
    }

    /** {@code auto} (default: the threshold cached by investigate, or measured first) or N concurrent forks. */
    public Jmh workers(String autoOrN) {
        this.workers = autoOrN;
        this.resolved = null;
        return this;
    }

    /** The controls' share of the planned time (default 5%; 0 = no controls, nothing certified). */
    public Jmh controls(double share) {
        this.controls = new JmhControls(share);
        return this;
    }

    /** The test that certifies a level (default: {@link JmhCertification#DEFAULT_CERTIFIER}). */
    public Jmh certifier(JmhCertifier c) {
        this.certifier = c;
        return this;
    }

    /** A fork's time limit (default: twice its planned time plus a minute). */
    public Jmh forkTimeout(Duration d) {
        if (d != null && (d.isZero() || d.isNegative())) {
            throw new IllegalArgumentException("the fork timeout must be positive");
        }
        this.forkTimeout = d;
        return this;
    }

    /** Runs the jobs with this executor instead of JMH host JVMs (tests: invented scores). */
    public Jmh executor(JobExecutor e) {
        this.executor = e;
        return this;
    }

    /** Told what the run does on its own before it measures (e.g. that investigate runs first). */
    public Jmh notices(Consumer<String> sink) {
        this.notices = sink == null ? s -> { } : sink;
        return this;
    }

    /** The benchmarks read and JMH's options checked. @throws PlanRefused (one line) for bad input */
    public BenchmarkSource source() {
        if (jar == null && classpath == null) {
            throw new PlanRefused("name a JMH benchmark jar, or --classpath");
        }
        return classpath != null ? BenchmarkSource.classpath(classpath) : BenchmarkSource.jar(jar);
    }

    /** JMH's options with the patterns given before them. */
    public JmhOptions options() {
        return JmhOptionParser.parse(jmhArgs).withIncludes(patterns);
    }

    /** {@code -l}, {@code -lp}...: answered by the jar's own JMH; its exit code. */
    public int list(BenchmarkSource source) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", source.classpath(), "org.openjdk.jmh.Main"));
        argv.addAll(patterns);
        argv.addAll(jmhArgs);
        return new ProcessBuilder(argv).inheritIO().start().waitFor();
    }

    /** What would run, checked: @throws PlanRefused when nothing matches or an option cannot be honoured */
    public List<BenchmarkPlan> plan() {
        return JmhPlanner.plan(source(), options(), this::cpus);
    }

    private Supplier<MachineProfile> probe() {
        if (probe == null) {
            probe = MachineProbe.once(machine);
        }
        return probe;
    }

    private int cpus() {
        MachineProfile p = probe().get();
        if (p != null && Double.isFinite(p.effectiveCpus()) && p.effectiveCpus() >= 1) {
            return (int) Math.floor(p.effectiveCpus() + 1e-9);
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /** The level: as resolved, N, or {@code auto} (the cached threshold, or investigate measures it first). */
    public WorkerCount.Resolved resolveWorkers() {
        if (resolved == null) {
            try {
                resolved = WorkerCount.resolve(workers, WorkerCount.Context.live(probe(), null, this::investigateFirst));
            } catch (PlanRefused e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new PlanRefused(e.getMessage());
            }
            int cpus = cpus();
            if (resolved.workers() > cpus) {
                if (!auto()) {
                    throw new PlanRefused("--workers " + resolved.workers() + " is more than the " + cpus + " CPUs this "
                            + "process may use: forks would share cores");
                }
                resolved = new WorkerCount.Resolved(cpus, resolved.source() + ", at most the " + cpus + " CPUs",
                        resolved.checks());
            }
        }
        return resolved;
    }

    private boolean auto() {
        return workers == null || WorkerCount.AUTO.equalsIgnoreCase(workers.trim());
    }

    private WorkerCount.MeasuredThreshold investigateFirst() {
        return InvestigateFirst.measure(dev.corescope.exec.WorkerMode.PROCESSES, progress, probe(), null, notices);
    }

    public JmhResult run() throws IOException {
        return runWithDetails().result();
    }

    /** Checks, resolves the level, runs, writes the run directory (and {@code -rff}'s file). */
    public JmhExperiment.JmhOutput runWithDetails() throws IOException {
        BenchmarkSource source = source();
        JmhOptions options = options();
        if (options.listing() != null) {
            throw new PlanRefused("-" + options.listing() + " lists and runs nothing: use list()");
        }
        List<BenchmarkPlan> plans = JmhPlanner.plan(source, options, this::cpus);
        WorkerCount.Resolved n = resolveWorkers();
        MachineProfile profile = probe().get();
        List<Integer> pins = pin ? CpuAssignment.of(profile).cpus() : List.of();
        var config = new JmhExperiment.JmhConfig(source, options, jmhArgs, plans, n.workers(), n.source(), auto(), controls,
                certifier, pins, cpus(), forkTimeout, seed, commandLine != null ? commandLine
                : List.of("corescope", "jmh", "(java api)"), executor);
        RunDirectory dir = RunDirectory.create(out, "jmh");
        return JmhExperiment.run(dir, config, profile, progress, o -> write(dir, o, options));
    }

    private static void write(RunDirectory dir, JmhExperiment.JmhOutput o, JmhOptions options) {
        Results.write(dir, o.result());
        try {
            JmhResultFile.write(dir.file(JmhExperiment.RESULT_FILE), o.reported());
            if (options.resultFile() != null) {
                JmhResultFile.write(Path.of(options.resultFile()), o.reported());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the JMH result file: " + e.getMessage(), e);
        }
    }
}
