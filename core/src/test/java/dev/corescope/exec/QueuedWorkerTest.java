package dev.corescope.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.workload.SpinWorkload;
import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The promise of {@link Worker#submit}: the future always completes, even when running the job throws an Error. */
class QueuedWorkerTest {
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        watchdog.shutdownNow();
    }

    /** A worker whose job dies of what it is given (an OutOfMemoryError, say, allocating a result). */
    private static final class Failing extends QueuedWorker {
        private final Error error;
        private final List<String> aborted = new ArrayList<>();

        Failing(Error error, List<String> events) {
            super("failing", null, null, events::add);
            this.error = error;
            thread.start();
        }

        @Override
        public WorkerInfo info() {
            return new WorkerInfo("failing-1", 7, 8, 0);
        }

        @Override
        protected TaskResult execute(WorkloadSpec spec, TaskInput input) {
            throw error;
        }

        @Override
        protected String abort() {
            aborted.add("aborted");
            return "was killed";
        }
    }

    @Test
    void anErrorWhileRunningAJobFailsItsResultAndRetiresTheWorker() throws Exception {
        List<String> events = new ArrayList<>();
        Failing w = new Failing(new OutOfMemoryError("Java heap space"), events);

        TaskResult r = w.submit(SpinWorkload.spec(1), new TaskInput(0, 0, 1)).get(10, TimeUnit.SECONDS);

        assertThat(r.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(r.error()).isEqualTo("failing-1 failed: OutOfMemoryError: Java heap space");
        assertThat(w.alive()).isFalse();
        assertThat(w.aborted).as("a worker JVM in that state is killed").containsExactly("aborted");
        assertThat(events).containsExactly(r.error());
        // and a job submitted afterwards is answered too
        assertThat(w.submit(SpinWorkload.spec(1), new TaskInput(1, 0, 1)).get(10, TimeUnit.SECONDS).error())
                .contains("is not alive");
    }
}
