package dev.corescope.exec;

import dev.corescope.api.TaskInput;
import dev.corescope.api.TaskOutput;
import dev.corescope.api.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Test workload: reports where it may run. Checksum: the CPU of the task thread when it is pinned to
 * exactly one CPU (else -1), times 1000, plus the number of this JVM's threads allowed only on that CPU.
 */
public final class AffinityWorkload implements Workload {
    @Override
    public String name() {
        return getClass().getName();
    }

    @Override
    public TaskOutput run(TaskInput input) {
        int cpu = single(Path.of("/proc/thread-self/status"));
        long same = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            same = tasks.filter(t -> cpu >= 0 && single(t.resolve("status")) == cpu).count();
        } catch (IOException e) {
            same = -1;
        }
        return TaskOutput.of(cpu * 1000L + same);
    }

    /** The one CPU in Cpus_allowed_list, or -1 when there are several (or it cannot be read). */
    static int single(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    String v = line.substring(line.indexOf(':') + 1).trim();
                    return v.matches("\\d+") ? Integer.parseInt(v) : -1;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
