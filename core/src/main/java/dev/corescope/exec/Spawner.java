package dev.corescope.exec;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Starts worker JVMs from one thread that lives as long as this JVM. Linux sends a child's
 * {@code PR_SET_PDEATHSIG} signal when the <em>thread</em> that forked it ends, not the process: a
 * worker started from a short-lived start thread would be killed as soon as that thread finished.
 */
final class Spawner {
    private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "corescope-spawner");
        t.setDaemon(true);
        return t;
    });

    private Spawner() {
    }

    static Process start(ProcessBuilder pb) throws IOException {
        // submit(), not execute(): a failure is returned, never thrown on (and so never ending) the thread
        Future<Process> f = THREAD.submit(pb::start);
        try {
            return f.get();
        } catch (InterruptedException e) {
            if (!f.cancel(false)) {
                discard(f); // already started: do not leak it
            }
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting a worker JVM");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            throw new IOException(c.toString(), c);
        }
    }

    private static void discard(Future<Process> f) {
        while (true) {
            try {
                f.get().destroyForcibly();
                return;
            } catch (InterruptedException again) {
                // pb.start() returns within milliseconds: wait for it
            } catch (ExecutionException | RuntimeException failed) {
                return;
            }
        }
    }
}
