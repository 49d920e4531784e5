package dev.corescope.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent writers lose no entries (threads and processes); a corrupt cache is set aside with a warning. */
class ThresholdCacheTest {
    @TempDir
    Path tmp;

    static ThresholdCache.Entry entry(int t) {
        return new ThresholdCache.Entry(t, "threads", "2026-01-01T00:00:00Z", "/runs/x", 64.0, "because " + t);
    }

    @Test
    void storesAndLooksUp() throws Exception {
        ThresholdCache cache = new ThresholdCache(tmp.resolve("home").resolve("threshold.json"));
        assertThat(cache.lookup("k")).isEmpty();
        cache.store("k", entry(3));
        assertThat(cache.lookup("k")).contains(entry(3));
        cache.store("k", entry(4));
        assertThat(cache.lookup("k")).contains(entry(4));
        try (var files = Files.list(cache.file().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temp file left")
                    .containsExactlyInAnyOrder("threshold.json", "threshold.json.lock");
        }
    }

    @Test
    @Timeout(60)
    void concurrentWritersInOneJvmLoseNoEntries() throws Exception {
        Path file = tmp.resolve("threshold.json");
        int threads = 8;
        int each = 15;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            fs.add(pool.submit(() -> {
                ThresholdCache cache = new ThresholdCache(file); // one instance per writer, as in separate runs
                go.await();
                for (int i = 0; i < each; i++) {
                    cache.store("t" + id + "-" + i, entry(i + 1));
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : fs) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        ThresholdCache cache = new ThresholdCache(file);
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < each; i++) {
                assertThat(cache.lookup("t" + t + "-" + i)).as("t%d-%d", t, i).contains(entry(i + 1));
            }
        }
    }

    @Test
    @Timeout(120)
    void concurrentWritersInSeveralJvmsLoseNoEntries() throws Exception {
        Path file = tmp.resolve("threshold.json");
        int processes = 3;
        int each = 20;
        List<Process> ps = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            ps.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), CacheWriter.class.getName(), file.toString(), "p" + p,
                    Integer.toString(each)).inheritIO().start());
        }
        for (Process p : ps) {
            assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        }
        ThresholdCache cache = new ThresholdCache(file);
        for (int p = 0; p < processes; p++) {
            for (int i = 0; i < each; i++) {
                assertThat(cache.lookup("p" + p + "-" + i)).as("p%d-%d", p, i).contains(entry(i + 1));
            }
        }
    }

    /** Run by the test above in its own JVM: stores {@code n} entries under keys {@code prefix-i}. */
    public static final class CacheWriter {
        public static void main(String[] args) throws Exception {
            ThresholdCache cache = new ThresholdCache(Path.of(args[0]));
            for (int i = 0; i < Integer.parseInt(args[2]); i++) {
                cache.store(args[1] + "-" + i, entry(i + 1));
            }
        }
    }

    @Test
    void aCorruptCacheIsSetAsideWithOneWarning() throws Exception {
        Path file = tmp.resolve("threshold.json");
        Files.writeString(file, "{\"k\": {\"threshold\": 3, ");
        List<String> warnings = new ArrayList<>();
        ThresholdCache cache = new ThresholdCache(file, warnings::add);
        assertThat(cache.lookup("k")).isEmpty();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains(file.toString()).contains("not a valid threshold cache")
                .contains("threshold.json.corrupt").doesNotContain("\n");
        assertThat(Files.readString(tmp.resolve("threshold.json.corrupt"))).isEqualTo("{\"k\": {\"threshold\": 3, ");
        assertThat(file).doesNotExist();

        cache.store("k", entry(2));
        assertThat(cache.lookup("k")).contains(entry(2));
        assertThat(warnings).as("no second warning").hasSize(1);
    }

    @Test
    void aCorruptCacheFoundWhileStoringIsSetAsideToo() throws Exception {
        Path file = tmp.resolve("threshold.json");
        Files.writeString(file, "[1, 2, 3]");
        List<String> warnings = new ArrayList<>();
        new ThresholdCache(file, warnings::add).store("k", entry(5));
        assertThat(warnings).hasSize(1);
        assertThat(Files.readString(tmp.resolve("threshold.json.corrupt"))).isEqualTo("[1, 2, 3]");
        assertThat(new ThresholdCache(file).lookup("k")).contains(entry(5));
    }

    /** A damaged or hand-edited value investigate cannot have written is set aside like a corrupt file. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "{\"k\": {\"threshold\": 5000, \"mode\": \"threads\", \"effectiveCpus\": 2.0}}",
        "{\"k\": {\"threshold\": 3, \"mode\": \"threads\", \"effectiveCpus\": 2.0}}",
        "{\"k\": {\"threshold\": 0, \"mode\": \"threads\", \"effectiveCpus\": 2.0}}",
        "{\"k\": {\"threshold\": 2, \"mode\": \"threads\", \"effectiveCpus\": -1}}",
        "{\"k\": {\"threshold\": 2000, \"mode\": \"threads\", \"effectiveCpus\": 4000, \"workload\": \"w\"}}",
        "{\"k\": null}"})
    void anImpossibleCachedValueIsSetAsideLikeACorruptFile(String json) throws Exception {
        Path file = tmp.resolve("threshold.json");
        Files.writeString(file, json);
        List<String> warnings = new ArrayList<>();
        assertThat(new ThresholdCache(file, warnings::add).lookup("k")).isEmpty();
        assertThat(warnings).singleElement().asString().contains("entry 'k'").contains("set aside")
                .contains("not a value investigate writes");
        assertThat(Files.readString(tmp.resolve("threshold.json.corrupt"))).isEqualTo(json);
    }

    @Test
    void aWorkloadMayHaveMoreWorkersThanCpusButTheSpinKernelMayNot() throws Exception {
        ThresholdCache cache = new ThresholdCache(tmp.resolve("threshold.json"));
        var sleeper = new ThresholdCache.Entry(6, "threads", "2026-01-01T00:00:00Z", "/r", 2.0, "io", "cmd sleep", null,
                null);
        cache.store("k | cmd sleep", sleeper);
        assertThat(cache.lookup("k | cmd sleep")).contains(sleeper);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cache.store("k", new ThresholdCache.Entry(3, "threads",
                "2026-01-01T00:00:00Z", "/r", 2.0, "x"))).hasMessageContaining("above its 2.0 effective CPUs");
    }
}
