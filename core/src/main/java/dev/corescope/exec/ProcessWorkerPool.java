package dev.corescope.exec;

import dev.corescope.exec.pin.AffinityPinner;
import dev.corescope.exec.pin.CpuAssignment;
import dev.corescope.exec.pin.Pinner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Workers that are separate JVMs started with this JVM's {@code java} binary and classpath, talking
 * over a pipe pair ({@link Frames}). Started in parallel (each process launched from the one
 * long-lived {@link Spawner} thread, so that the workers' parent-death signal fires only when this JVM
 * dies); each is pinged to map its clock onto ours. A worker that does not say hello within the start
 * timeout is killed and its start fails; closing the pool kills the workers still starting.
 */
public final class ProcessWorkerPool extends AbstractWorkerPool {
    /** Default options of a worker JVM: a serial collector keeps GC threads from competing for CPUs. */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xshare:auto",
            "-Djava.awt.headless=true");
    /** How long a worker JVM may take from launch to its hello and clock pings. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);

    private final Duration taskTimeout;
    private final List<String> jvmOptions;
    private final Path workerLog;
    private final Set<Process> starting = ConcurrentHashMap.newKeySet();
    /** How long a worker that dumps the class-data archive may take to exit. */
    static final Duration ARCHIVE_GRACE = Duration.ofSeconds(10);
    private final CpuAssignment cpus;
    private final Pinner pinner;
    private Duration startTimeout = DEFAULT_START_TIMEOUT;

    /** How long a worker JVM may take to say hello before it is killed (default {@link #DEFAULT_START_TIMEOUT}). */
    public ProcessWorkerPool startTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the start timeout must be positive: " + timeout);
        }
        this.startTimeout = timeout;
        return this;
    }

    /** Worker JVMs not pinned. */
    public ProcessWorkerPool(Duration taskTimeout, List<String> jvmOptions, Path workerLog) {
        this(taskTimeout, jvmOptions, workerLog, CpuAssignment.NONE, AffinityPinner.forWorkerJvms());
    }

    /**
     * @param workerLog file that receives the workers' stderr (appended), or null to discard it
     * @param cpus      the CPU of each worker slot
     * @param pinner    pins a worker JVM (its task thread, or all its threads) to its slot's CPU, right after
     *                  its hello: {@link AffinityPinner#forWorkerJvms()} in a run
     */
    public ProcessWorkerPool(Duration taskTimeout, List<String> jvmOptions, Path workerLog, CpuAssignment cpus,
                             Pinner pinner) {
        this.taskTimeout = taskTimeout;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.workerLog = workerLog;
        this.cpus = cpus;
        this.pinner = pinner;
        if (cpus.pins()) {
            pinner.prepare();
        }
    }

    @Override
    public WorkerMode mode() {
        return WorkerMode.PROCESSES;
    }

    /** The worker JVM's command line. */
    List<String> command(WorkerImage image) {
        List<String> cmd = new ArrayList<>();
        if (java.nio.file.Files.isExecutable(Path.of(WorkerChannel.LAUNCHER.get(0)))) {
            cmd.addAll(WorkerChannel.LAUNCHER); // the pipes on fds 3 and 4, fd 1 to the log, before the JVM starts
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(image.options());
        // JVM warnings (e.g. CDS's) to the worker log, never to the protocol pipe
        cmd.add("-Xlog:disable");
        cmd.add("-Xlog:all=warning,cds*=off:stderr"); // CDS explains at length what it skips when it dumps
        cmd.addAll(jvmOptions);
        cmd.add("-D" + WorkerMain.PARENT_PROPERTY + "=" + ProcessHandle.current().pid());
        cmd.add("-cp");
        cmd.add(image.classpath());
        cmd.add(WorkerMain.class.getName());
        return cmd;
    }

    /**
     * Pins worker JVM {@code w} (its task thread, or all its threads) to its slot's CPU, from here: the
     * coordinator has JNA loaded already, the worker need not load it before it is ready.
     */
    private void pin(ProcessWorker w, int slot) {
        int cpu = cpus.cpuOf(slot);
        if (cpu < 0) {
            return;
        }
        if (!pinner.pin(w.info().pid(), w.info().tid(), cpu)) {
            event(w.info().id() + " (pid " + w.info().pid() + ") could not be pinned to CPU " + cpu
                    + "; it runs where the OS puts it");
        }
    }

    @Override
    protected Worker start(int id, int slot) {
        long t0 = System.nanoTime();
        WorkerImage image = WorkerImage.next();
        ProcessBuilder pb = new ProcessBuilder(command(image));
        pb.redirectError(workerLog == null ? ProcessBuilder.Redirect.DISCARD
                : ProcessBuilder.Redirect.appendTo(workerLog.toFile()));
        Process process;
        try {
            process = Spawner.start(pb);
        } catch (IOException e) {
            throw new WorkerStartException("cannot start worker JVM: " + e.getMessage(), e);
        }
        starting.add(process);
        try {
            if (isClosed()) { // closed between the spawn and now: abortStarts() may have missed it
                process.destroyForcibly();
                throw new WorkerStartException("worker JVM jvm-" + id + " not started: the pool is closed", null);
            }
            ProcessWorker w = new ProcessWorker("jvm-" + id, process, t0, workerLog, taskTimeout, startTimeout, watchdog,
                    this::event);
            pin(w, slot);
            if (image.dumpTo() != null) {
                w.whenExited(ARCHIVE_GRACE, image::installDump);
            }
            return w;
        } finally {
            starting.remove(process);
        }
    }

    @Override
    protected void abortStarts() {
        starting.forEach(Process::destroyForcibly);
    }

    @Override
    public int cpuOf(int index) {
        return cpus.cpuOf(index);
    }
}
