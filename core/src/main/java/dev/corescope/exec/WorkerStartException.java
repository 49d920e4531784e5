package dev.corescope.exec;

/** A worker could not be started (e.g. the worker JVM failed to launch or to say hello). */
public class WorkerStartException extends RuntimeException {
    public WorkerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
