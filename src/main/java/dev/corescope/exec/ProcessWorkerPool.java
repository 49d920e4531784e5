package dev.corescope.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Workers that are separate JVMs started with this JVM's {@code java} binary and classpath, talking
 * over stdin/stdout ({@link Frames}). Started in parallel; each is pinged to map its clock onto ours.
 */
public final class ProcessWorkerPool extends AbstractWorkerPool {
    /** Default options of a worker JVM: a serial collector keeps GC threads from competing for CPUs. */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xshare:auto",
            "-Djava.awt.headless=true");

    private final Duration taskTimeout;
    private final List<String> jvmOptions;
    private final Path workerLog;
    private List<Integer> pinCpus = List.of();

    /** Pins worker k's task thread to {@code cpus[(k-1) mod n]} (from inside the worker JVM). */
    public ProcessWorkerPool pinnedTo(List<Integer> cpus) {
        this.pinCpus = List.copyOf(cpus);
        return this;
    }

    /**
     * @param workerLog file that receives the workers' stderr (appended), or null to discard it
     */
    public ProcessWorkerPool(Duration taskTimeout, List<String> jvmOptions, Path workerLog) {
        this.taskTimeout = taskTimeout;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.workerLog = workerLog;
    }

    @Override
    public String mode() {
        return "processes";
    }

    @Override
    protected Worker start(int id) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        if (!pinCpus.isEmpty()) {
            cmd.add("-D" + WorkerMain.CPU_PROPERTY + "=" + pinCpus.get((id - 1) % pinCpus.size()));
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(WorkerMain.class.getName());
        return new ProcessWorker("jvm-" + id, cmd, workerLog, taskTimeout, watchdog, this::event);
    }
}
