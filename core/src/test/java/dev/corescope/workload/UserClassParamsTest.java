package dev.corescope.workload;

import dev.corescope.api.TaskInput;
import dev.corescope.api.TaskOutput;
import dev.corescope.api.Workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --param} on a user class reaches its Map constructor, or is refused: never silently dropped. */
class UserClassParamsTest {
    @TempDir
    Path dir;

    /** A user class that reads its parameters. */
    public static final class WithParams implements Workload {
        private final long factor;

        public WithParams(Map<String, String> params) {
            factor = Long.parseLong(params.getOrDefault("factor", "1"));
        }

        @Override
        public String name() {
            return "with-params";
        }

        @Override
        public TaskOutput run(TaskInput in) {
            return TaskOutput.of(in.size() * factor);
        }
    }

    @Test
    void paramsReachAClassWithAMapConstructorThroughTheSpecText() {
        WorkloadSpec spec = UserClassWorkload.spec(WithParams.class.getName(), null, Map.of("factor", "3"));
        Workload w = Workloads.create(WorkloadSpec.parse(spec.text())); // as a worker JVM rebuilds it
        assertThat(w.run(new TaskInput(0, 5, 1)).checksum()).isEqualTo(15);
    }

    @Test
    void paramsForAClassWithoutOneAreRefusedInOneLine() throws Exception {
        Path jar = UserJar.build(dir);
        assertThat(UserClassWorkload.check(UserJar.CLASS, jar.toString(), Map.of()).name()).isEqualTo("my-sum");
        assertThatThrownBy(() -> UserClassWorkload.check(UserJar.CLASS, jar.toString(), Map.of("foo", "bar")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--param foo=bar cannot reach com.example.MyWorkload: it has no public constructor taking "
                        + "Map<String,String> (add one to read its parameters, or drop --param)");
    }
}
