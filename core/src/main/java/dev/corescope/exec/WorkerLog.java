package dev.corescope.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The worker JVMs' shared log ({@code workers.log}), read back for a failure's message. */
final class WorkerLog {
    private WorkerLog() {
    }

    /**
     * What the JVM said before it died, from the end of the worker log, and where to read the rest: a bad
     * {@code --worker-jvm-opt} is explained there ("Unrecognized VM option ..."), not on the protocol pipe.
     */
    static String said(Path log) {
        if (log == null) {
            return "";
        }
        try {
            if (!Files.isRegularFile(log)) {
                return "; its log " + log + " is empty";
            }
            long size = Files.size(log);
            byte[] tail;
            try (var ch = java.nio.channels.FileChannel.open(log)) {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate((int) Math.min(size, 16 << 10));
                ch.read(b, size - b.capacity());
                tail = java.util.Arrays.copyOf(b.array(), b.position());
            }
            String last = new String(tail, StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("[corescope:") && !l.startsWith("Error: Could not create")
                            && !l.startsWith("Error: A fatal exception"))
                    .reduce((a, b) -> b).orElse("").trim();
            return last.isEmpty() ? "; see " + log : "; its JVM said: " + last + " (see " + log + ")";
        } catch (IOException | RuntimeException e) {
            return "; see " + log;
        }
    }
}
