package dev.corescope.cli;

import dev.corescope.api.TaskInput;
import dev.corescope.api.TaskOutput;
import dev.corescope.api.Workload;

/** Workloads that throw Errors, for {@link UnexpectedErrorTest}. */
public final class FailingWorkloads {
    private FailingWorkloads() {
    }

    static void outOfMemory() {
        if (Boolean.parseBoolean("true")) {
            throw new OutOfMemoryError("Java heap space (thrown by a test)");
        }
    }

    /** Fails while its class loads, on the thread that checks it (the CLI's main thread). */
    public static final class OomOnLoad implements Workload {
        static {
            outOfMemory();
        }

        @Override
        public String name() {
            return "oom-on-load";
        }

        @Override
        public TaskOutput run(TaskInput input) {
            return TaskOutput.of(0);
        }
    }

    /** The same, a second class (a class whose initialisation failed cannot be loaded again). */
    public static final class OomOnLoadToo implements Workload {
        static {
            outOfMemory();
        }

        @Override
        public String name() {
            return "oom-on-load";
        }

        @Override
        public TaskOutput run(TaskInput input) {
            return TaskOutput.of(0);
        }
    }

    /** And a third. */
    public static final class OomOnLoadThree implements Workload {
        static {
            outOfMemory();
        }

        @Override
        public String name() {
            return "oom-on-load";
        }

        @Override
        public TaskOutput run(TaskInput input) {
            return TaskOutput.of(0);
        }
    }
}
