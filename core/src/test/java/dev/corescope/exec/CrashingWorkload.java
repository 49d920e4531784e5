package dev.corescope.exec;

import dev.corescope.api.TaskInput;
import dev.corescope.api.TaskOutput;
import dev.corescope.api.Workload;
import java.util.Map;

/**
 * Test workload: halts its JVM with exit code 3 on the task whose seed is {@code crash}, echoes the
 * seed otherwise. Only for worker JVMs: in a thread worker it would halt the test JVM.
 */
public final class CrashingWorkload implements Workload {
    private final long crashSeed;

    public CrashingWorkload(Map<String, String> params) {
        crashSeed = Long.parseLong(params.get("crash"));
    }

    @Override
    public String name() {
        return getClass().getName();
    }

    @Override
    public TaskOutput run(TaskInput input) {
        if (input.seed() == crashSeed) {
            Runtime.getRuntime().halt(3);
        }
        return TaskOutput.of(input.seed());
    }
}
