package dev.corescope.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A worker whose result header announces a payload far beyond the coordinator's heap (a corrupt or
 * hostile stream), against a coordinator JVM with a 64 MiB heap: the length is refused before anything is
 * allocated, the task fails with the reason and the worker is killed. Before the cap, the coordinator
 * tried to allocate the array, its I/O thread died of an OutOfMemoryError, and the task's future never
 * completed.
 */
class FakeStreamTest {
    @Test
    void aHugePayloadLengthFailsTheTaskAndKillsTheWorkerInsteadOfExhaustingTheHeap() throws Exception {
        long announced = 512L << 20;
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                FakeStreamProbe.class.getName(), Long.toString(announced)).redirectErrorStream(true).start();
        String out;
        try {
            assertThat(probe.waitFor(3, TimeUnit.MINUTES)).as("the probe ends").isTrue();
            out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            probe.destroyForcibly();
        }
        assertThat(out).doesNotContain("OutOfMemoryError").doesNotContain("hung")
                .contains("status=failed alive=false")
                .contains("corrupt result header: payload length " + announced)
                .contains("at most half the coordinator's heap");
    }
}
