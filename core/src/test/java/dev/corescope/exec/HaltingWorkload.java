package dev.corescope.exec;

import dev.corescope.api.TaskInput;
import dev.corescope.api.TaskOutput;
import dev.corescope.api.Workload;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Test workload for worker JVMs: returns a large payload and halts its JVM from another thread once
 * the process has written {@code haltAfter} more bytes ({@code /proc/self/io} wchar, Linux), i.e. in
 * the middle of sending the payload.
 */
public final class HaltingWorkload implements Workload {
    private final int bytes;
    private final long haltAfter;

    public HaltingWorkload(Map<String, String> params) {
        bytes = Integer.parseInt(params.getOrDefault("bytes", "268435456"));
        haltAfter = Long.parseLong(params.getOrDefault("haltAfter", "8388608"));
    }

    @Override
    public String name() {
        return "halting";
    }

    @Override
    public TaskOutput run(TaskInput input) {
        long base = written();
        Thread t = new Thread(() -> {
            while (written() - base < haltAfter) {
                Thread.onSpinWait();
            }
            Runtime.getRuntime().halt(3);
        }, "halter");
        t.setDaemon(true);
        t.start();
        return new TaskOutput(1, ByteBuffer.wrap(new byte[bytes]).asReadOnlyBuffer());
    }

    static long written() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
                if (line.startsWith("wchar:")) {
                    return Long.parseLong(line.substring(6).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return -1;
    }
}
