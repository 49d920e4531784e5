package dev.corescope.exec;

import dev.corescope.workload.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.util.List;

/**
 * One batch: {@code tasks} of {@code workload} on {@code level} concurrent workers with a strategy,
 * on the pool's workers {@code firstWorker .. firstWorker + level - 1}. {@code experiment}, {@code level}
 * and {@code trial} label the records.
 */
public record BatchPlan(String experiment, int level, int trial, WorkloadSpec workload, List<TaskInput> tasks,
                        Strategy strategy, int firstWorker) {
    public BatchPlan {
        if (level < 1) {
            throw new IllegalArgumentException("level must be >= 1");
        }
        if (firstWorker < 0) {
            throw new IllegalArgumentException("firstWorker must be >= 0");
        }
        tasks = List.copyOf(tasks);
    }

    /** On workers 0 .. level - 1. */
    public BatchPlan(String experiment, int level, int trial, WorkloadSpec workload, List<TaskInput> tasks,
                     Strategy strategy) {
        this(experiment, level, trial, workload, tasks, strategy, 0);
    }
}
