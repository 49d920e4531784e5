package dev.corescope.exec;

import java.time.Duration;

/** Workers that are platform threads of this JVM. */
public final class ThreadWorkerPool extends AbstractWorkerPool {
    private final Duration taskTimeout;

    public ThreadWorkerPool(Duration taskTimeout) {
        this.taskTimeout = taskTimeout;
    }

    @Override
    public String mode() {
        return "threads";
    }

    @Override
    protected Worker start(int id) {
        return new ThreadWorker("thread-" + id, taskTimeout, watchdog, this::event);
    }
}
