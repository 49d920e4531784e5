package dev.corescope.exec;

import dev.corescope.api.TaskInput;
import dev.corescope.api.TaskOutput;
import dev.corescope.api.Workload;

/** Test workload: asks for a full garbage collection inside its timed region, so the JVM's GC count moves. */
public final class CollectingWorkload implements Workload {
    @Override
    public String name() {
        return getClass().getName();
    }

    @Override
    public TaskOutput run(TaskInput input) {
        System.gc();
        return TaskOutput.of(input.seed());
    }
}
