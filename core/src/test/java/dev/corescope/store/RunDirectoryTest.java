package dev.corescope.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run directories are claimed atomically, never reused, never overwritten; default names are unique. */
class RunDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void aDirectoryIsClaimedOnceAndThenRefused() throws Exception {
        Path out = tmp.resolve("run");
        RunDirectory first = RunDirectory.create(out, "run");
        assertThat(out.resolve(RunDirectory.MARKER)).isRegularFile();
        assertThat(Files.readString(out.resolve(RunDirectory.MARKER))).contains("pid " + ProcessHandle.current().pid())
                .contains("run");
        assertThat(first.runId()).isEqualTo("run");
        assertThatThrownBy(() -> RunDirectory.create(out, "run")).isInstanceOf(RunDirectory.Unusable.class)
                .hasMessageContaining("already holds a run");
    }

    @Test
    void aNonEmptyDirectoryIsNotOverwritten() throws Exception {
        Path out = Files.createDirectory(tmp.resolve("mine"));
        Files.writeString(out.resolve("summary.json"), "{\"mine\": true}");
        assertThatThrownBy(() -> RunDirectory.create(out, "run")).isInstanceOf(RunDirectory.Unusable.class)
                .hasMessageContaining("is not empty");
        assertThat(Files.readString(out.resolve("summary.json"))).isEqualTo("{\"mine\": true}");
        try (var files = Files.list(out)) {
            assertThat(files.count()).isEqualTo(1);
        }
    }

    @Test
    void anEmptyExistingDirectoryCanBeUsed() throws Exception {
        Path out = Files.createDirectory(tmp.resolve("empty"));
        assertThat(RunDirectory.create(out, "run").path()).isEqualTo(out);
    }

    @Test
    void ofConcurrentClaimsOnOneDirectoryExactlyOneWins() throws Exception {
        for (int round = 0; round < 20; round++) {
            Path out = tmp.resolve("race-" + round);
            int n = 8;
            CountDownLatch go = new CountDownLatch(1);
            AtomicInteger won = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(n);
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                fs.add(pool.submit(() -> {
                    go.await();
                    try {
                        RunDirectory.create(out, "run");
                        won.incrementAndGet();
                    } catch (RunDirectory.Unusable e) {
                        refused.incrementAndGet();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : fs) {
                f.get(10, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(won.get()).as("round %d", round).isEqualTo(1);
            assertThat(refused.get()).isEqualTo(n - 1);
        }
    }

    @Test
    void defaultNamesAreUniqueForRunsStartedInTheSameSecond() throws Exception {
        int n = 16;
        CountDownLatch go = new CountDownLatch(1);
        Set<Path> dirs = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            fs.add(pool.submit(() -> {
                go.await();
                dirs.add(RunDirectory.fresh(tmp.resolve("runs"), "sweep"));
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : fs) {
            f.get(10, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(dirs).hasSize(n).allSatisfy(d -> assertThat(d).isDirectory());
        assertThat(dirs.stream().map(d -> d.getFileName().toString()))
                .allMatch(name -> name.matches("\\d{8}-\\d{6}-sweep(-\\d+)?"));
    }

    @Test
    void theRootIsRefusedInOneLineNotWithANullPointer() {
        assertThatThrownBy(() -> RunDirectory.create(Path.of("/"), "run")).isInstanceOf(RunDirectory.Unusable.class)
                .hasMessageContaining("/ is not empty");
        assertThat(new RunDirectory(Path.of("/")).runId()).isEqualTo("run");
        assertThatThrownBy(() -> RunDirectory.create(Path.of(""), "run")).isInstanceOf(RunDirectory.Unusable.class)
                .hasMessageContaining("empty");
    }
}
