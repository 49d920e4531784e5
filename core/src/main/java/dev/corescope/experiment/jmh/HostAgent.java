package dev.corescope.experiment.jmh;

import dev.corescope.workload.CommandLauncher;
import java.io.BufferedReader;
import java.io.File;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One warm JMH host JVM ({@link JmhHostAgent}) that runs jobs one after another: each job's JMH output goes to the
 * job's log through a reader that tells the scheduler its marks ({@link JmhLines}), as a fresh host's would. Before a
 * job, the agent (all its threads) is pinned to the job's CPUs with {@code taskset}, so that the fork JMH starts
 * inherits them. Started like every command corescope runs ({@link CommandLauncher}: a process group of its own,
 * killed with corescope), from a thread that lives as long as the pool ({@link HostAgents}).
 */
final class HostAgent {
    private final Process process;
    private final String taskset;
    private final String gc;
    private final BufferedWriter requests;
    private final BlockingQueue<Integer> done = new LinkedBlockingQueue<>();
    private final CommandLauncher launcher;
    private volatile long pid = -1;
    private List<Integer> pinnedTo;
    private volatile BufferedWriter log;
    private volatile JobExecutor.Marks marks = JobExecutor.Marks.NONE;

    private HostAgent(Process process, String taskset, String gc, List<Integer> cpus, CommandLauncher launcher) {
        this.process = process;
        this.pinnedTo = cpus;
        this.taskset = taskset;
        this.gc = gc;
        this.launcher = launcher;
        this.requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(this::read, "corescope-jmh-agent-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts an agent: {@code [taskset -c CPUS] java HOST_OPTIONS -Djava.io.tmpdir=DIR/tmp -cp AGENT:CP JmhHostAgent CP}.
     *
     * @param gc   the collector its forks get through {@code JAVA_TOOL_OPTIONS} (null: none)
     * @param cpus the CPUs of the job it starts for (empty: not pinned)
     * @return the agent, ready, or null when it did not start (a fresh host runs the job instead)
     */
    static HostAgent start(List<String> java, Path dir, Path agentJar, String classpath, String taskset, String gc,
                           List<Integer> cpus, CommandLauncher launcher) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("tmp"));
        List<String> argv = new ArrayList<>();
        if (!cpus.isEmpty() && taskset != null) {
            argv.addAll(List.of(taskset, "-c", cpus.stream().map(String::valueOf).collect(Collectors.joining(","))));
        }
        argv.addAll(java);
        argv.add("-Djava.io.tmpdir=" + dir.resolve("tmp").toAbsolutePath());
        argv.addAll(List.of("-cp", agentJar + File.pathSeparator + classpath, JmhHostAgent.class.getName(),
                classpath));
        ProcessBuilder pb = new ProcessBuilder(launcher.commandWithInput(ProcessJobExecutor.shellLine(argv)))
                .redirectErrorStream(true);
        if (gc != null) {
            pb.environment().put("JAVA_TOOL_OPTIONS", UnpinnedCollector.toolOptions(System.getenv("JAVA_TOOL_OPTIONS"),
                    gc));
        }
        HostAgent a = new HostAgent(pb.start(), taskset, gc, List.copyOf(cpus), launcher);
        Integer ready = a.done.poll(60, TimeUnit.SECONDS);
        if (ready == null || ready != 0 || a.pid < 0) {
            a.kill();
            return null;
        }
        return a;
    }

    /** The collector its forks get (null: none). */
    String gc() {
        return gc;
    }

    boolean alive() {
        return process.isAlive() && pid > 0;
    }

    /**
     * Runs one job: JMH with {@code args}, pinned to {@code cpus} (empty: as it is), its output to {@code logFile}.
     *
     * @return JMH's exit code, or null when the job did not end within {@code limitMillis} (the agent is killed) or
     *         the agent died
     * @throws InterruptedException when stopped (the agent and its fork are killed)
     */
    Integer run(List<String> args, List<Integer> cpus, Path logFile, JobExecutor.Marks m, long limitMillis)
            throws IOException, InterruptedException {
        if (!cpus.isEmpty() && taskset != null && !cpus.equals(pinnedTo)) {
            Process pin = new ProcessBuilder(taskset, "-a", "-p", "-c", cpus.stream().map(String::valueOf)
                    .collect(Collectors.joining(",")), Long.toString(pid)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!pin.waitFor(10, TimeUnit.SECONDS) || pin.exitValue() != 0) {
                throw new IOException("taskset could not pin the JMH host to CPUs " + cpus);
            }
            pinnedTo = List.copyOf(cpus);
        }
        done.clear();
        log = Files.newBufferedWriter(logFile, Charset.defaultCharset());
        marks = m;
        requests.write(String.join("\u0000", args));
        requests.newLine();
        requests.flush();
        Integer code;
        try {
            code = done.poll(limitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            kill();
            throw e;
        }
        if (code == null || code < 0) {
            kill();
            return null;
        }
        return code;
    }

    /** Ends the agent and anything it started. */
    void kill() {
        launcher.killAll(process);
        closeLog();
    }

    /** Asks the agent to end (no more requests), then makes sure it did. */
    void close() {
        try {
            requests.close();
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // it is gone already
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                Charset.defaultCharset()))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith(JmhHostAgent.READY)) {
                    pid = Long.parseLong(line.substring(JmhHostAgent.READY.length()).trim());
                    done.add(0);
                } else if (line.startsWith(JmhHostAgent.DONE)) {
                    closeLog();
                    done.add(Integer.parseInt(line.substring(JmhHostAgent.DONE.length()).trim()));
                } else {
                    write(line);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the agent died or was killed: whoever waits is told below
        }
        closeLog();
        done.add(-1);
    }

    private void write(String line) throws IOException {
        BufferedWriter w = log;
        JobExecutor.Mark mark = JmhLines.mark(line);
        if (mark != null) {
            marks.mark(mark);
        }
        if (w != null) {
            w.write(line);
            w.newLine();
            if (mark != null) {
                w.flush();
            }
        }
    }

    private synchronized void closeLog() {
        BufferedWriter w = log;
        log = null;
        marks = JobExecutor.Marks.NONE;
        if (w != null) {
            try {
                w.close();
            } catch (IOException e) {
                // the log keeps what reached it
            }
        }
    }
}
