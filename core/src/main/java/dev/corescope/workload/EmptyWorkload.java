package dev.corescope.workload;

import dev.corescope.api.TaskOutput;
import dev.corescope.api.TaskInput;
import dev.corescope.api.Workload;

/** Does nothing but echo its seed: measures the harness's own dispatch cost. */
public final class EmptyWorkload implements Workload {
    public static final String NAME = "empty";

    /** Takes no parameters and keeps nothing on the heap. */
    static final BuiltIn INFO = BuiltIn.small(NAME, java.util.Map.of());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TaskOutput run(TaskInput input) {
        return TaskOutput.of(input.seed());
    }
}
