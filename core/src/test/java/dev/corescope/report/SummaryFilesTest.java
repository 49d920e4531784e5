package dev.corescope.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.experiment.Results;
import dev.corescope.store.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A partial summary never replaces a complete one; a complete one replaces a partial one. */
class SummaryFilesTest {
    @TempDir
    Path tmp;

    @Test
    void aPartialSummaryAfterTheCompleteOneIsDropped() throws Exception {
        RunDirectory dir = RunDirectory.create(tmp.resolve("run"), "run");
        assertThat(Results.write(dir, NoSymlinkWritesTest.summary(true))).isTrue();
        String complete = Files.readString(dir.file("summary.json"));
        assertThat(Results.write(dir, NoSymlinkWritesTest.summary(false))).isFalse();
        assertThat(Files.readString(dir.file("summary.json"))).isEqualTo(complete).contains("\"complete\" : true");
    }

    @Test
    void theCompleteSummaryReplacesAPartialOne() throws Exception {
        RunDirectory dir = RunDirectory.create(tmp.resolve("run"), "run");
        assertThat(Results.write(dir, NoSymlinkWritesTest.summary(false))).isTrue();
        assertThat(Results.write(dir, NoSymlinkWritesTest.summary(true))).isTrue();
        assertThat(Files.readString(dir.file("summary.json"))).contains("\"complete\" : true");
    }

    @Test
    void racingWritersEndWithTheCompleteSummary() throws Exception {
        for (int round = 0; round < 30; round++) {
            RunDirectory dir = RunDirectory.create(tmp.resolve("race-" + round), "run");
            CountDownLatch go = new CountDownLatch(1);
            Thread last = new Thread(() -> {
                await(go);
                Results.write(dir, NoSymlinkWritesTest.summary(true));
            });
            Thread hook = new Thread(() -> {
                await(go);
                Results.write(dir, NoSymlinkWritesTest.summary(false));
            });
            last.start();
            hook.start();
            go.countDown();
            last.join();
            hook.join();
            assertThat(Files.readString(dir.file("summary.json"))).as("round %d", round).contains("\"complete\" : true");
        }
    }

    private static void await(CountDownLatch l) {
        try {
            l.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
