package dev.corescope.workload;

import dev.corescope.api.TaskInput;
import dev.corescope.api.Workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserClassWorkloadTest {
    @TempDir
    Path dir;

    @Test
    void loadsTheUserClassFromAJarAndSurvivesTheSpecTextRoundTrip() throws Exception {
        Path jar = UserJar.build(dir);
        assertThatThrownBy(() -> Class.forName(UserJar.CLASS)).isInstanceOf(ClassNotFoundException.class);
        Workload w = UserClassWorkload.check(UserJar.CLASS, jar.toString(), Map.of());
        assertThat(w.name()).isEqualTo("my-sum");
        WorkloadSpec spec = UserClassWorkload.spec(UserJar.CLASS, jar.toString(), Map.of());
        // what a worker JVM does with the spec it receives
        Workload again = Workloads.create(WorkloadSpec.parse(spec.text()));
        TaskInput in = new TaskInput(0, 1000, 7);
        assertThat(again.run(in).checksum()).isEqualTo(w.run(in).checksum());
    }

    @Test
    void classNotFoundOrNotAWorkloadOrMissingJarAreOneLineErrors() throws Exception {
        Path jar = UserJar.build(dir);
        assertThatThrownBy(() -> UserClassWorkload.check("com.example.Nope", jar.toString(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("workload class not found: com.example.Nope");
        assertThatThrownBy(() -> UserClassWorkload.check("com.example.Plain", jar.toString(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not implement");
        assertThatThrownBy(() -> UserClassWorkload.check(UserJar.CLASS, dir.resolve("missing.jar").toString(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("classpath entry not found");
    }

    @Test
    void parametersForAClassWithoutAMapConstructorAreRefusedNotDropped() throws Exception {
        Path jar = UserJar.build(dir);
        assertThatThrownBy(() -> UserClassWorkload.check(UserJar.CLASS, jar.toString(), Map.of("foo", "bar")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--param foo=bar cannot reach " + UserJar.CLASS + ": it has no public constructor taking "
                        + "Map<String,String> (add one to read its parameters, or drop --param)");
    }
}
