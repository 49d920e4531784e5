package dev.corescope.exec;

import com.sun.jna.NativeLibrary;
import dev.corescope.api.TaskInput;
import dev.corescope.api.TaskOutput;
import dev.corescope.api.Workload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Test workload that writes to stdout every way a task can: {@code System.out}, native {@code write(1)},
 * a child process that inherits stdout, and one that inherits stdin and reads it to its end (in a worker
 * JVM whose protocol were still on fd 0 and fd 1, the child would swallow task frames and never end).
 * It also asks for a GC, so {@code -Xlog:gc} prints while tasks run. Echoes the seed.
 */
public final class NoisyWorkload implements Workload {
    public NoisyWorkload(Map<String, String> params) {
    }

    @Override
    public String name() {
        return getClass().getName();
    }

    @Override
    public TaskOutput run(TaskInput input) {
        System.out.println("noisy: System.out.println on task " + input.index());
        System.out.flush();
        byte[] line = ("noisy: native write(1) on task " + input.index() + "\n").getBytes(StandardCharsets.UTF_8);
        NativeLibrary.getInstance("c").getFunction("write").invokeInt(new Object[] {1, line, line.length});
        System.gc();
        try {
            Process child = new ProcessBuilder("/bin/sh", "-c", "echo noisy: child on stdout; cat >/dev/null")
                    .inheritIO().start();
            int code = child.waitFor();
            if (code != 0) {
                throw new IllegalStateException("child exited with " + code);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
        return TaskOutput.of(input.seed());
    }
}
