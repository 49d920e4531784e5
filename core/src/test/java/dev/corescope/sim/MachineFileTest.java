package dev.corescope.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corescope.machine.MachineSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code --simulate} file: the example, defaults, and one line for everything wrong with it. */
class MachineFileTest {
    @TempDir
    Path tmp;

    @Test
    void readsTheDocumentedExample() throws Exception {
        Path f = Files.writeString(tmp.resolve("m.json"), "{\"cores\": 16, \"threadsPerCore\": 2, \"smtSlowdown\": 1.25, "
                + "\"quotaCpus\": null, \"busyCpus\": [3], \"backgroundCpus\": 0.5, \"noiseCv\": 0.02, "
                + "\"driftPerMinute\": 0.01, \"seed\": 1}");
        MachineSpec s = MachineFile.read(f);
        assertThat(s).isEqualTo(new MachineSpec(16, 2, 1.25, null, List.of(3), 0.5, 0.02, 0.01, 1));
        assertThat(s.logicalCpus()).isEqualTo(32);
        assertThat(s.describe()).isEqualTo("16 cores × 2 threads (SMT slowdown ×1.25), quota none, busy CPUs 3, "
                + "background 0.5 CPUs, noise 2%, drift +1%/min, seed 1");
    }

    @Test
    void onlyCoresIsRequired() {
        assertThat(MachineFile.parse("{\"cores\": 8}")).isEqualTo(MachineSpec.cores(8));
        assertThat(MachineFile.parse("{\"cores\": 8, \"quotaCpus\": 2.5}").quotaCpus()).isEqualTo(2.5);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"cores\": 4,|not valid JSON",
        "[4]|must be a JSON object",
        "{\"cores\": 4, \"turbo\": 1, \"l3\": 2}|unknown keys 'l3', 'turbo'",
        "{\"cores\": 4, \"cores\": 5}|Duplicate field 'cores'",
        "{}|'cores' is required",
        "{\"cores\": 2.5}|'cores' must be a whole number",
        "{\"cores\": 0}|impossible machine: cores must be between 1 and 1024, got 0",
        "{\"cores\": 4, \"threadsPerCore\": 4}|threadsPerCore must be 1 or 2, got 4",
        "{\"cores\": 4, \"smtSlowdown\": 0.9}|smtSlowdown must be between 1 and 10",
        "{\"cores\": 4, \"busyCpus\": [4]}|busyCpus names CPU 4, which does not exist: the machine has CPUs 0-3",
        "{\"cores\": 4, \"busyCpus\": \"3\"}|'busyCpus' must be a list of CPU numbers",
        "{\"cores\": 4, \"quotaCpus\": -1}|quotaCpus must be null (no quota) or between 0.01 and the 4 logical CPUs",
        "{\"cores\": 4, \"noiseCv\": 1}|noiseCv must be at least 0 and below 1",
        "{\"cores\": 4, \"seed\": \"x\"}|'seed' must be a whole number",
    })
    void everythingWrongIsOneLine(String json, String message) {
        assertThatThrownBy(() -> MachineFile.parse(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> MachineFile.read(tmp.resolve("none.json"))).hasMessageStartingWith(
                "cannot read the machine file " + tmp.resolve("none.json"));
    }
}
