package dev.corescope.experiment;

import dev.corescope.exec.WorkerMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What every experiment needs to set up a run: the worker mode, where to write, the task timeout,
 * extra worker-JVM options, the base seed, how it was invoked (kept in the summary), and the CPUs to
 * pin workers to in order (empty: the OS places them).
 */
public record Settings(String command, List<String> commandLine, WorkerMode mode, Path out, Duration taskTimeout,
                       List<String> workerJvmOptions, long seed, boolean quiet, List<Integer> pinCpus) {
    public Settings {
        commandLine = List.copyOf(commandLine);
        workerJvmOptions = List.copyOf(workerJvmOptions);
        pinCpus = List.copyOf(pinCpus);
    }

    /** The same settings with workers pinned to these CPUs, in slot order (empty: not pinned). */
    public Settings pinnedTo(List<Integer> cpus) {
        return new Settings(command, commandLine, mode, out, taskTimeout, workerJvmOptions, seed, quiet, cpus);
    }

    /** Workers not pinned. */
    public Settings(String command, List<String> commandLine, WorkerMode mode, Path out, Duration taskTimeout,
                    List<String> workerJvmOptions, long seed, boolean quiet) {
        this(command, commandLine, mode, out, taskTimeout, workerJvmOptions, seed, quiet, List.of());
    }
}
