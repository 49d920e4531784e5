package dev.corescope.exec;

import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.util.List;

/**
 * One batch: {@code tasks} of {@code workload} on {@code level} concurrent workers with a strategy,
 * on the pool's workers {@code firstWorker .. firstWorker + level - 1}. {@code experiment}, {@code level}
 * and {@code trial} label the records. With {@code fill} (queue strategy), a worker with no measured task
 * left runs unrecorded filler tasks (copies of the batch's tasks) until the last measured task has ended,
 * so that every measured task runs while all {@code level} workers are busy, as JMH's synchronised
 * iterations do; a batch of fewer tasks than workers starts the other workers on fillers.
 */
public record BatchPlan(String experiment, int level, int trial, WorkloadSpec workload, List<TaskInput> tasks,
                        Strategy strategy, int firstWorker, boolean fill) {
    public BatchPlan {
        if (level < 1) {
            throw new IllegalArgumentException("level must be >= 1");
        }
        if (firstWorker < 0) {
            throw new IllegalArgumentException("firstWorker must be >= 0");
        }
        tasks = List.copyOf(tasks);
    }

    /** Without fillers. */
    public BatchPlan(String experiment, int level, int trial, WorkloadSpec workload, List<TaskInput> tasks,
                     Strategy strategy, int firstWorker) {
        this(experiment, level, trial, workload, tasks, strategy, firstWorker, false);
    }

    /** On workers 0 .. level - 1. */
    public BatchPlan(String experiment, int level, int trial, WorkloadSpec workload, List<TaskInput> tasks,
                     Strategy strategy) {
        this(experiment, level, trial, workload, tasks, strategy, 0);
    }
}
