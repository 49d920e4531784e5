package dev.corescope.machine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadSnapshotTest {

    @Test
    void parsesLoadavg() {
        LoadSnapshot s = LoadSnapshot.read(Fixtures.fs("smt-machine"));
        assertThat(s.load1()).isEqualTo(0.50);
        assertThat(s.load5()).isEqualTo(0.40);
        assertThat(s.load15()).isEqualTo(0.30);
        assertThat(s.runnable()).isEqualTo(3);
        assertThat(s.runnableExcludingReader()).isEqualTo(2);
        assertThat(s.totalThreads()).isEqualTo(250);
        assertThat(s.epochMillis()).isPositive();
        assertThat(s.known()).isTrue();
    }

    @Test
    void missingOrMalformedIsUnknown(@TempDir Path root) {
        LoadSnapshot s = LoadSnapshot.read(new ProcFs(root));
        assertThat(s.known()).isFalse();
        assertThat(s.load1()).isNaN();
        assertThat(s.runnable()).isEqualTo(-1);
        assertThat(s.describe()).isEqualTo("unknown");
        assertThat(LoadSnapshot.parse("0.1 0.2 0.3 x/9 1", 0)).isEmpty();
        assertThat(LoadSnapshot.parse("0.1 0.2", 0)).isEmpty();
    }
}
