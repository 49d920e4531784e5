package dev.corescope.experiment;

/**
 * How the process running a command is ending, shared by its entry point and its sessions (passed to
 * {@link Session#open}, never global): on an error already reported in one line (the sessions' shutdown
 * hooks keep the data and say nothing more), or on a signal (Ctrl-C: a session's hook says what was kept, and
 * an error the main thread meets then is its consequence, not a line of its own). A fresh one, for a library
 * caller, is neither.
 */
public final class ProcessExit {
    private volatile boolean onError;
    private volatile boolean onSignal;

    /** The process exits because of an error that has been reported. */
    public void onError() {
        onError = true;
    }

    /** Whether {@link #onError()} was called. */
    public boolean isOnError() {
        return onError;
    }

    /** A session's shutdown hook started (not after {@link #onError()}): the process is exiting on a signal. */
    void signalled() {
        onSignal = !onError;
    }

    /** Whether the process is exiting on a signal (Ctrl-C). */
    public boolean isOnSignal() {
        return onSignal;
    }
}
