package dev.corescope.experiment;

import dev.corescope.exec.WorkerMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What every experiment needs to set up a run: the worker mode, where to write, the task timeout,
 * extra worker-JVM options, the base seed, how it was invoked (kept in the summary), and whether local
 * workers are pinned (each to a CPU of its own, from the machine's profile: {@link Session#cpus()}).
 */
public record Settings(String command, List<String> commandLine, WorkerMode mode, Path out, Duration taskTimeout,
                       List<String> workerJvmOptions, long seed, boolean quiet, boolean pin) {
    public Settings {
        commandLine = List.copyOf(commandLine);
        workerJvmOptions = List.copyOf(workerJvmOptions);
    }

    /** The same settings with local workers pinned, or not. */
    public Settings pinned(boolean on) {
        return new Settings(command, commandLine, mode, out, taskTimeout, workerJvmOptions, seed, quiet, on);
    }

    /** Workers not pinned. */
    public Settings(String command, List<String> commandLine, WorkerMode mode, Path out, Duration taskTimeout,
                    List<String> workerJvmOptions, long seed, boolean quiet) {
        this(command, commandLine, mode, out, taskTimeout, workerJvmOptions, seed, quiet, false);
    }
}
