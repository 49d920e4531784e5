package dev.corescope.exec;

import dev.corescope.workload.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.util.List;

/**
 * One batch: {@code tasks} of {@code workload} on {@code level} concurrent workers with a strategy.
 * {@code experiment}, {@code level} and {@code trial} label the records.
 */
public record BatchPlan(String experiment, int level, int trial, WorkloadSpec workload, List<TaskInput> tasks,
                        Strategy strategy) {
    public BatchPlan {
        if (level < 1) {
            throw new IllegalArgumentException("level must be >= 1");
        }
        tasks = List.copyOf(tasks);
    }
}
