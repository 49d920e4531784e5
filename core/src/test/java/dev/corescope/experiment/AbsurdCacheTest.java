package dev.corescope.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.store.ThresholdCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failure family "an absurd but valid cached threshold": a damaged or hand-edited threshold.json naming 5000
 * workers on 2 CPUs made {@code assess --workers auto} start thousands of threads for its quick check, hang and end
 * in OOM. Now the file is set aside like a corrupt one, said in one line, and auto measures afresh.
 */
class AbsurdCacheTest {
    @TempDir
    Path dir;

    @Test
    void anAbsurdCachedThresholdIsSetAsideNotObeyed() throws Exception {
        Path file = dir.resolve("threshold.json");
        String edited = "{\"abc\": {\"threshold\": 5000, \"mode\": \"threads\", \"measuredAt\": \""
                + Instant.now().minusSeconds(60) + "\", \"runDirectory\": \"runs/x\", \"effectiveCpus\": 2.0, "
                + "\"explanation\": \"edited\", \"otherBusyCpus\": 0.0, \"load1\": 0.1}}";
        Files.writeString(file, edited);
        List<String> warnings = new ArrayList<>();
        AtomicInteger quickChecks = new AtomicInteger();
        AtomicInteger measured = new AtomicInteger();
        var ctx = new WorkerCount.Context(new ThresholdCache(file, warnings::add), () -> "abc", null, Instant::now,
                () -> 0.0, level -> {
                    quickChecks.incrementAndGet();
                    throw new AssertionError("a quick check at " + level + " workers");
                }, () -> {
                    measured.incrementAndGet();
                    return new WorkerCount.MeasuredThreshold(2, "limited by logical CPUs");
                });
        WorkerCount.Resolved r = WorkerCount.resolve("auto", ctx);
        assertThat(r.workers()).isEqualTo(2);
        assertThat(quickChecks).hasValue(0);
        assertThat(measured).hasValue(1);
        assertThat(warnings).singleElement().asString().contains("has a threshold of 5000 workers")
                .contains("set aside");
        assertThat(Files.readString(dir.resolve("threshold.json.corrupt"))).isEqualTo(edited);
    }
}
