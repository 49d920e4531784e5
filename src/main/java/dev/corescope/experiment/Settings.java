package dev.corescope.experiment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What every experiment needs to set up a run: the worker mode, where to write, the task timeout,
 * extra worker-JVM options, the base seed, and how it was invoked (kept in the summary).
 */
public record Settings(String command, List<String> commandLine, String mode, Path out, Duration taskTimeout,
                       List<String> workerJvmOptions, long seed, boolean quiet) {
    public Settings {
        commandLine = List.copyOf(commandLine);
        workerJvmOptions = List.copyOf(workerJvmOptions);
    }
}
