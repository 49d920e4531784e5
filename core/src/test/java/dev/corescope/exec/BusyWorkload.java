package dev.corescope.exec;

import dev.corescope.api.TaskInput;
import dev.corescope.api.TaskOutput;
import dev.corescope.api.Workload;
import java.util.Map;

/** Test workload: keeps a CPU busy for {@code ms} milliseconds, ignoring interrupts, like a long spin. */
public final class BusyWorkload implements Workload {
    private final long millis;

    public BusyWorkload(Map<String, String> params) {
        millis = Long.parseLong(params.getOrDefault("ms", "1000"));
    }

    @Override
    public String name() {
        return getClass().getName();
    }

    @Override
    public TaskOutput run(TaskInput input) {
        long end = System.nanoTime() + millis * 1_000_000;
        long x = input.seed();
        while (System.nanoTime() < end) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return TaskOutput.of(x);
    }
}
