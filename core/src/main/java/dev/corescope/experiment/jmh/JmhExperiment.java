package dev.corescope.experiment.jmh;

import dev.corescope.experiment.JmhResult;
import dev.corescope.experiment.Metadata;
import dev.corescope.experiment.Progress;
import dev.corescope.experiment.Remarks;
import dev.corescope.experiment.RunInfo;
import dev.corescope.machine.LoadSnapshot;
import dev.corescope.machine.MachineProfile;
import dev.corescope.machine.ProcFs;
import dev.corescope.store.JsonLinesLog;
import dev.corescope.store.RunDirectory;
import dev.corescope.store.Version;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * {@code corescope jmh}: a JMH suite run N-wide on pinned cores, one fork per JMH host JVM, longest first, with
 * controls (forks that measure their first iterations alone) placed at random, certified as it goes
 * ({@link JmhCertification}). Records stream to
 * {@code records.jsonl} (one line per iteration) as each job ends; on Ctrl-C the running jobs are killed and the
 * summary of what finished is written.
 */
public final class JmhExperiment {
    /** The run directory's name for the merged result file, JMH's default name for {@code -rf json}. */
    public static final String RESULT_FILE = "jmh-result.json";

    /**
     * @param plans        what JMH would run ({@link JmhPlanner})
     * @param workers      the level to start at, and where it came from
     * @param stepDown     {@code auto}: a failing level steps down and its forks are rerun
     * @param pinOrder     the CPUs in pin order (empty: jobs are not pinned)
     * @param cpus         the CPUs there are
     * @param timeout      a job's time limit (null: twice its planned time plus a minute)
     * @param executor     runs a job (null: a JMH host JVM, {@link ProcessJobExecutor})
     */
    public record JmhConfig(BenchmarkSource source, JmhOptions options, List<String> jmhArgs, List<BenchmarkPlan> plans,
                         int workers, String workersSource, boolean stepDown, JmhControls controls,
                         JmhCertifier certifier, List<Integer> pinOrder, int cpus, Duration timeout, long seed,
                         List<String> commandLine, JobExecutor executor) {
        public JmhConfig {
            jmhArgs = List.copyOf(jmhArgs);
            plans = List.copyOf(plans);
            pinOrder = List.copyOf(pinOrder);
            commandLine = List.copyOf(commandLine);
        }
    }

    /** The result, and each benchmark's reported forks (for the merged JMH file). */
    public record JmhOutput(JmhResult result, List<JmhResults.Reported> reported) {
    }

    /** The run was interrupted (Ctrl-C); what finished is written. */
    public static final class Interrupted extends RuntimeException {
        public Interrupted(String message) {
            super(message);
        }
    }

    private JmhExperiment() {
    }

    /**
     * Runs the suite.
     *
     * @param writer writes the result's files (summary, merged JMH file), complete or, on Ctrl-C, partial
     * @throws Interrupted after writing what finished, when the run was interrupted
     */
    public static JmhOutput run(RunDirectory dir, JmhConfig c, MachineProfile profile, Progress.Factory progress,
                              Consumer<JmhOutput> writer) throws IOException {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Random rng = new Random(c.seed());
        AtomicInteger next = new AtomicInteger();
        java.util.function.Supplier<String> ids = () -> String.format(Locale.ROOT, "j%03d", next.incrementAndGet());
        List<JmhJob> measured = JmhControls.measured(c.plans(), c.cpus(), ids);
        JmhCertification cert = new JmhCertification(c.certifier(), c.controls(), c.stepDown(), ids);
        List<JmhJob> queue = c.workers() > 1 ? cert.placeControls(measured, c.workers(), rng) : measured;
        ProcessJobExecutor process = c.executor() == null ? new ProcessJobExecutor(dir.path(),
                c.source().classpath(), c.options().passThrough(), c.timeout()) : null;
        JobExecutor executor = c.executor() != null ? c.executor() : process;
        boolean pinned = !c.pinOrder().isEmpty() && (process == null || process.pins());
        List<Integer> pins = pinned ? c.pinOrder() : List.of();
        CountDownLatch written = new CountDownLatch(1);
        try (JsonLinesLog log = new JsonLinesLog(dir.records());
             Progress p = progress.open("jmh", queue.size())) {
            Consumer<JobOutcome> sink = o -> {
                log.append(IterationRecord.of(dir.runId(), o));
                p.step(o.job().id() + " " + o.job().plan().label() + " fork " + (o.job().fork() + 1)
                        + (o.job().kind() == JmhJob.Kind.MEASURED ? "" : " (" + o.job().kind().name()
                        .toLowerCase(Locale.ROOT) + ")") + ": " + o.run().status().word());
            };
            JmhScheduler scheduler = new JmhScheduler(executor, pins, c.cpus(), c.workers(), c.options().failOnError(),
                    cert, sink, () -> System.nanoTime() - t0, rng);
            Thread hook = new Thread(() -> {
                scheduler.stop();
                try {
                    written.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "corescope-jmh-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            JmhScheduler.Schedule s;
            try {
                s = scheduler.run(queue);
            } finally {
                removeHook(hook);
            }
            String stopped = s.interrupted() ? "interrupted" : !s.skipped().isEmpty()
                    ? "not run (-foe true: the suite stopped at the first failure)" : null;
            JmhResults.Assembled a = JmhResults.assemble(c.plans(), s, cert, c.controls().enabled() && c.workers() > 1,
                    stopped);
            JmhRun.Setup setup = new JmhRun.Setup(c.source().description(), c.source().jmhVersion(), c.jmhArgs(),
                    c.workers(), c.workersSource(), s.finalWidth(), pins, pinning(pinned, process, c), 
                    c.controls().share());
            List<String> notRun = s.skipped().stream().map(j -> j.id() + " " + j.plan().label() + " fork " + (j.fork() + 1))
                    .toList();
            JmhRun run = new JmhRun(setup, a.benchmarks(), a.certification(), a.timing(), a.failures(), notRun);
            RunInfo info = new RunInfo(dir.runId(), JmhResult.NAME, c.commandLine(), started.toString(),
                    Instant.now().toString(), !s.interrupted());
            List<String> notes = notes(c, setup, cert);
            if (process != null && process.collector() != null) {
                notes.add("Forks pinned to fewer CPUs than the machine has ran with " + process.collector() + " (through "
                        + "JAVA_TOOL_OPTIONS), the collector an unpinned JVM picks here, as JMH's own forks would: a JVM "
                        + "that sees one CPU picks the Serial collector.");
            }
            Remarks remarks = new Remarks(a.failures().size(), a.failures().stream().limit(20)
                    .map(f -> f.job() + " " + f.benchmark() + ": " + f.status() + " — " + f.reason()).toList(), List.of(),
                    notes, warnings(c, s, pinned));
            Metadata meta = new Metadata(Version.current(), dir.path().toString(), profile,
                    profile == null ? null : profile.loadAtStart(), LoadSnapshot.read(ProcFs.real()));
            JmhOutput out = new JmhOutput(new JmhResult(info, remarks, meta, run), a.reported());
            writer.accept(out);
            if (s.interrupted()) {
                System.err.println("corescope: interrupted; " + log.written() + " iteration records kept in "
                        + dir.records());
                throw new Interrupted("interrupted");
            }
            return out;
        } finally {
            if (process != null) {
                process.close();
            }
            written.countDown();
        }
    }

    private static String pinning(boolean pinned, ProcessJobExecutor process, JmhConfig c) {
        if (pinned) {
            return "each job's JMH host JVM started under taskset on its CPU(s), so its forked JVM inherits them";
        }
        if (c.pinOrder().isEmpty()) {
            return "not pinned (--no-pin, or the CPUs this process may use could not be read)";
        }
        return "not pinned: taskset (util-linux) is not on the PATH";
    }

    private static List<String> notes(JmhConfig c, JmhRun.Setup setup, JmhCertification cert) {
        List<String> notes = new ArrayList<>();
        notes.add("Workers: " + c.workers() + " (" + c.workersSource() + "); " + setup.pinning() + ".");
        notes.add("Each fork was one run of the jar's own JMH (one benchmark, -f 1), as org.openjdk.jmh.Main would run "
                + "it, in a warm JMH host JVM that ran one job after another (a fresh one for -f 0), with a "
                + "java.io.tmpdir of its own (JMH's lock); longest forks first. Scores are JMH's own, from each fork's "
                + "result file (-rf json), merged as JMH merges forks.");
        if (c.controls().enabled() && c.workers() > 1) {
            notes.add("Controls: " + cert.controlJobs().size() + " of the reported forks (" + Math.round(c.controls()
                    .share() * 100) + "% of the planned time, at least " + JmhControls.MIN_CONTROLS + " per level), each "
                    + "started alone and left alone for its first iterations, the first at the start of the run, the others "
                    + "at random points of it; the forks that ran alone at their end as the run drained count too. "
                    + "Certification: " + cert.certifier().describe() + ".");
        }
        return notes;
    }

    private static List<String> warnings(JmhConfig c, JmhScheduler.Schedule s, boolean pinned) {
        List<String> w = new ArrayList<>();
        if (!pinned && c.workers() > 1) {
            w.add("The jobs were not pinned: the scheduler placed them, and its delays are in the scores.");
        }
        if (c.workers() > 1 && !(c.controls().enabled())) {
            w.add("No controls (--controls 0%): nothing proves the parallel scores equal solo ones.");
        }
        long big = c.plans().stream().filter(p -> p.threads() > c.workers()).count();
        if (big > 0 && c.workers() > 1) {
            w.add(big + " benchmark result(s) need more threads than " + c.workers() + " workers: they ran alone.");
        }
        if (c.plans().stream().anyMatch(p -> p.forks() == 0)) {
            w.add("-f 0: those benchmarks ran inside their JMH host JVM, as JMH warns against.");
        }
        return w;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down: the hook is running
        }
    }
}
