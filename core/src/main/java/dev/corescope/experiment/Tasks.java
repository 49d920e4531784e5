package dev.corescope.experiment;

import dev.corescope.api.TaskInput;
import java.util.ArrayList;
import java.util.List;

/** Builds task lists: task i gets seed {@code base + i}, so a run is reproducible in either mode. */
public final class Tasks {
    private Tasks() {
    }

    public static List<TaskInput> of(int count, long size, long baseSeed) {
        List<TaskInput> tasks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tasks.add(new TaskInput(i, size, baseSeed + i));
        }
        return tasks;
    }
}
