package dev.corescope.experiment.jmh;

import dev.corescope.workload.CommandLauncher;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs a job as {@code java -cp CP org.openjdk.jmh.Main} of the user's own JMH (so any JMH version works), in
 * {@code jobs/<id>/} of the run directory: one benchmark, its mode and parameters, one fork
 * ({@code -f 1 -foe true -rf json -rff result.json}), the user's other options as typed. The host JVM has a
 * {@code java.io.tmpdir} of its own, so JMH's lock ({@code jmh.lock} there) never meets another job's, and is
 * started under {@code taskset -c CPUS}, so the fork it starts inherits the pinning. It runs in a process group
 * of its own with a parent-death signal ({@link CommandLauncher}): a timeout, Ctrl-C or corescope's death kills
 * the host and its fork together. Its output goes to {@code output.log} through a reader that tells the scheduler
 * when the measured fork starts and each iteration ends ({@link JmhLines}).
 *
 * <p>A job runs in a warm host when it can ({@link HostAgents}: the same JMH, called as its {@code Main} would call
 * it, in a JVM that already ran earlier jobs), so that it does not pay a host JVM's start; the fork JMH starts is
 * the same either way. A fresh host runs a job with {@code -f 0} (its benchmark runs in the host itself) and every job
 * once an agent could not start.
 */
public final class ProcessJobExecutor implements JobExecutor, AutoCloseable {
    /**
     * The host only starts the fork and collects its results: C1 alone starts it sooner. (No collector here: the
     * forks' one, when corescope hands it through {@code JAVA_TOOL_OPTIONS}, applies to the host too.)
     */
    static final List<String> HOST_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

    private final Path runDir;
    private final String classpath;
    private final List<String> options;
    private final Duration timeout;
    private final String java;
    private final String taskset;
    private final CommandLauncher launcher = CommandLauncher.get();
    private final int machineCpus = Runtime.getRuntime().availableProcessors();
    private String collector;
    private boolean collectorKnown;
    private final HostAgents agents;

    /**
     * @param options the user's JMH options each job passes on
     * @param timeout a job's time limit; null: twice its planned time plus a minute
     */
    public ProcessJobExecutor(Path runDir, String classpath, List<String> options, Duration timeout) {
        this.runDir = runDir;
        this.classpath = classpath;
        this.options = verbose(options);
        this.timeout = timeout;
        this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        this.taskset = onPath("taskset");
        List<String> host = new ArrayList<>(List.of(java));
        host.addAll(HOST_OPTIONS);
        this.agents = new HostAgents(runDir.resolve("jobs").resolve("hosts"), classpath, host, taskset, launcher);
    }

    /** Ends the warm hosts. */
    @Override
    public void close() {
        agents.close();
    }

    /** Whether jobs can be pinned here ({@code taskset} of util-linux is on the PATH). */
    public boolean pins() {
        return taskset != null;
    }

    /** The time limit of {@code job}. */
    public Duration timeout(JmhJob job) {
        return timeout != null ? timeout : Duration.ofMillis((long) ((2 * job.seconds() + 60) * 1000));
    }

    @Override
    public JobRun run(JmhJob job, List<Integer> cpus, Marks marks) throws InterruptedException {
        Path dir = runDir.resolve("jobs").resolve(job.id());
        Path result = dir.resolve("result.json");
        Path log = dir.resolve("output.log");
        String logName = runDir.relativize(log).toString();
        Duration limit = timeout(job);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            return JobRun.failed(Status.FAILED, "cannot make the job's directory: " + e.getMessage(), null);
        }
        if (job.plan().forks() > 0 && agents.usable()) {
            HostAgent a = agents.take(collectorFor(job, cpus), cpus);
            if (a != null) {
                return inAgent(a, job, cpus, marks, result, log, logName, limit);
            }
        }
        Process p;
        Thread reader;
        try {
            Files.createDirectories(dir.resolve("tmp"));
            ProcessBuilder pb = new ProcessBuilder(launcher.command(shellLine(command(job, cpus, dir, result))))
                    .redirectErrorStream(true);
            String gc = collectorFor(job, cpus);
            if (gc != null) {
                pb.environment().put("JAVA_TOOL_OPTIONS",
                        UnpinnedCollector.toolOptions(System.getenv("JAVA_TOOL_OPTIONS"), gc));
            }
            p = pb.start();
            p.getOutputStream().close();
            reader = copy(p.getInputStream(), log, marks, job.id());
        } catch (IOException e) {
            return JobRun.failed(Status.FAILED, "cannot start the job's JVM: " + e.getMessage(), null);
        }
        boolean ended;
        try {
            ended = p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            launcher.killAll(p);
            throw e;
        }
        launcher.killAll(p); // its fork too, if the host left it
        reader.join(5000); // the pipe closed with the processes: the log is complete
        if (!ended) {
            p.waitFor(10, TimeUnit.SECONDS);
            return timedOut(job, limit, log, logName);
        }
        return outcome(p.exitValue(), result, log, logName);
    }

    /** Runs {@code job} in a warm host. */
    private JobRun inAgent(HostAgent a, JmhJob job, List<Integer> cpus, Marks marks, Path result, Path log, String logName,
                        Duration limit) throws InterruptedException {
        long t0 = System.nanoTime();
        Integer code;
        try {
            code = a.run(jmhArguments(job, result), cpus, log, marks, limit.toMillis());
        } catch (java.io.IOException e) {
            a.kill();
            return JobRun.failed(Status.FAILED, "corescope could not run the job in its JMH host: " + e.getMessage(),
                    logName);
        }
        if (code == null) {
            if (System.nanoTime() - t0 >= limit.toNanos()) {
                return timedOut(job, limit, log, logName);
            }
            return JobRun.failed(Status.CRASHED, "the JMH host JVM died" + JobLog.lastWords(log) + " (see " + logName + ")",
                    logName);
        }
        agents.give(a);
        return outcome(code, result, log, logName);
    }

    private JobRun timedOut(JmhJob job, Duration limit, Path log, String logName) {
        return JobRun.failed(Status.TIMEOUT, "still running after " + seconds(limit) + " (planned "
                + Math.round(job.seconds()) + " s): killed" + JobLog.lastWords(log) + " (see " + logName + ")", logName);
    }

    /** How a job's JMH ended: its result file, else the reason its output gives. */
    private static JobRun outcome(int exitCode, Path result, Path log, String logName) {
        try {
            ForkData fork = ForkData.read(result);
            if (exitCode == 0 && fork != null && !fork.iterations().isEmpty()) {
                return JobRun.ok(fork, logName);
            }
        } catch (IOException e) {
            return JobRun.failed(Status.FAILED, "JMH's result file is not JMH's JSON: " + e.getMessage(), logName);
        }
        JobLog.Reason why = JobLog.reason(log, exitCode);
        return JobRun.failed(why.crashed() ? Status.CRASHED : Status.FAILED, why.text() + " (see " + logName + ")", logName);
    }

    /**
     * The collector a pinned job's forks get: the one an unpinned JVM picks here ({@link UnpinnedCollector}), when
     * the job has fewer CPUs than the machine and its options choose none; null otherwise.
     */
    synchronized String collectorFor(JmhJob job, List<Integer> cpus) {
        if (cpus.isEmpty() || taskset == null || cpus.size() >= machineCpus || job.plan().gcChosen()) {
            return null;
        }
        if (!collectorKnown) {
            collector = UnpinnedCollector.of(forkJvm());
            collectorKnown = true;
        }
        return collector;
    }

    /**
     * Copies a job's output to its log, line by line, telling {@code marks} what each line says, on a thread of its
     * own (it ends when the job's processes have closed the pipe).
     */
    private static Thread copy(InputStream in, Path log, Marks marks, String id) throws IOException {
        BufferedWriter out = Files.newBufferedWriter(log);
        Thread t = new Thread(() -> {
            try (out; BufferedReader r = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Mark m = JmhLines.mark(line);
                    if (m != null) {
                        marks.mark(m);
                    }
                    out.write(line);
                    out.newLine();
                    if (m != null) {
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // the job was killed while its output was read: the log keeps what arrived
            }
        }, "corescope-jmh-output-" + id);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The user's options with {@code -v SILENT} made {@code -v NORMAL}: a silent JMH prints no iteration lines. */
    static List<String> verbose(List<String> options) {
        List<String> out = new ArrayList<>(options);
        for (int k = 0; k + 1 < out.size(); k++) {
            if (out.get(k).equals("-v") && out.get(k + 1).equalsIgnoreCase("SILENT")) {
                out.set(k + 1, "NORMAL");
            }
        }
        return List.copyOf(out);
    }

    /** The forks' JVM: {@code -jvm}, else this one. */
    private String forkJvm() {
        for (int k = 0; k + 1 < options.size(); k += 2) {
            if (options.get(k).equals("-jvm")) {
                return options.get(k + 1);
            }
        }
        return java;
    }

    /** The collector handed to pinned forks, once a pinned job asked for it; null when none. */
    public synchronized String collector() {
        return collector;
    }

    /** The job's command: {@code [taskset -c CPUS] java HOST_OPTIONS -Djava.io.tmpdir=... -cp CP org.openjdk.jmh.Main ...}. */
    List<String> command(JmhJob job, List<Integer> cpus, Path dir, Path result) {
        List<String> argv = new ArrayList<>();
        if (!cpus.isEmpty() && taskset != null) {
            argv.addAll(List.of(taskset, "-c", cpus.stream().map(String::valueOf).collect(Collectors.joining(","))));
        }
        argv.add(java);
        argv.addAll(HOST_OPTIONS);
        argv.add("-Djava.io.tmpdir=" + dir.resolve("tmp").toAbsolutePath());
        argv.addAll(List.of("-cp", classpath, "org.openjdk.jmh.Main"));
        argv.addAll(jmhArguments(job, result));
        return argv;
    }

    /** What the job's JMH is told: its benchmark, mode, parameters and fork, the user's options, its result file. */
    List<String> jmhArguments(JmhJob job, Path result) {
        List<String> args = new ArrayList<>(job.plan().jobArguments(job.warmupForks()));
        args.addAll(options);
        args.addAll(List.of("-foe", "true", "-rf", "json", "-rff", result.toAbsolutePath().toString()));
        return args;
    }

    /** The words of a command as one line of {@code /bin/sh}, each quoted. */
    static String shellLine(List<String> argv) {
        return argv.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
    }

    private static String onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
                return Path.of(d, program).toString();
            }
        }
        return null;
    }
}
