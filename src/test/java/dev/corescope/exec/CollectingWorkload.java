package dev.corescope.exec;

import dev.corescope.workload.TaskInput;
import dev.corescope.workload.TaskOutput;
import dev.corescope.workload.Workload;

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
