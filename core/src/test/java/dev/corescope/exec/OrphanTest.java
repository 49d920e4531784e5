package dev.corescope.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.OsProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A coordinator killed with SIGKILL (no shutdown hook runs) leaves nothing behind: its worker JVMs die
 * by their parent-death signal, and so do the commands they, or its own threads, were running, with
 * the background children of those commands. Processes are found by markers in their command lines.
 */
class OrphanTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"processes", "threads"})
    void nothingOutlivesACoordinatorKilledWithSigkill(String mode) throws Exception {
        String id = UUID.randomUUID().toString();
        String workers = "corescope.test.worker=" + id;
        String sleep = OsProcesses.uniqueSleep(); // "sleep 3600.NNNNNN": the command's two sleepers
        Path out = dir.resolve("coordinator.txt");
        Process coordinator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OrphanProbe.class.getName(), mode, id,
                sleep.substring("sleep ".length()))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            int jvms = mode.equals("processes") ? 2 : 0;
            assertThat(OsProcesses.awaitAtLeast(workers, jvms, Duration.ofSeconds(60))).as("worker JVMs up").isTrue();
            // both sleepers run (the command's own sh may exec the last one in its place)
            assertThat(OsProcesses.awaitAtLeast(sleep, 2, Duration.ofSeconds(60)))
                    .as("the command runs; coordinator said: %s", Files.readString(out)).isTrue();
            assertThat(coordinator.isAlive()).isTrue();

            coordinator.destroyForcibly(); // SIGKILL
            coordinator.waitFor();

            List<Long> jvmsLeft = OsProcesses.awaitNone(workers, Duration.ofSeconds(15));
            List<Long> commandsLeft = OsProcesses.awaitNone(sleep, Duration.ofSeconds(15));
            assertThat(jvmsLeft).as("worker JVMs left running").isEmpty();
            assertThat(commandsLeft).as("command processes left running").isEmpty();
        } finally {
            coordinator.destroyForcibly();
            OsProcesses.killAll(workers);
            OsProcesses.killAll(sleep);
        }
    }
}
