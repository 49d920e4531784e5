package dev.corescope.exec;

import dev.corescope.api.TaskInput;
import dev.corescope.api.TaskOutput;
import dev.corescope.api.Workload;
import java.util.Map;

/** Test workload: throws on the task whose seed is {@code fail}, echoes the seed otherwise. */
public final class ThrowingWorkload implements Workload {
    private final long failSeed;

    public ThrowingWorkload(Map<String, String> params) {
        failSeed = Long.parseLong(params.get("fail"));
    }

    @Override
    public String name() {
        return getClass().getName();
    }

    @Override
    public TaskOutput run(TaskInput input) {
        if (input.seed() == failSeed) {
            throw new IllegalStateException("boom on seed " + input.seed());
        }
        return TaskOutput.of(input.seed());
    }
}
