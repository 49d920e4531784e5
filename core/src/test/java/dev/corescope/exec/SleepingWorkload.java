package dev.corescope.exec;

import dev.corescope.api.TaskInput;
import dev.corescope.api.TaskOutput;
import dev.corescope.api.Workload;
import java.util.Map;

/** Test workload: sleeps {@code ms} milliseconds on the task whose seed is {@code sleep}, echoes the seed otherwise. */
public final class SleepingWorkload implements Workload {
    private final long sleepSeed;
    private final long millis;

    public SleepingWorkload(Map<String, String> params) {
        sleepSeed = Long.parseLong(params.get("sleep"));
        millis = Long.parseLong(params.getOrDefault("ms", "10000"));
    }

    @Override
    public String name() {
        return getClass().getName();
    }

    @Override
    public TaskOutput run(TaskInput input) {
        if (input.seed() == sleepSeed) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sleeping");
            }
        }
        return TaskOutput.of(input.seed());
    }
}
