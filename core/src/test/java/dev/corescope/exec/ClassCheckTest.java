package dev.corescope.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corescope.workload.HostileJar;
import dev.corescope.workload.UserClassWorkload;
import dev.corescope.workload.UserJar;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The up-front check of a user's class runs in a JVM of its own, under a timeout: a class that ends its JVM or
 * hangs while loading meets that JVM, never this one (the test would end, or hang, if it met this one).
 */
class ClassCheckTest {
    @TempDir
    static Path tmp;
    static Path hostile;
    static Path good;

    @BeforeAll
    static void jars() throws Exception {
        hostile = HostileJar.build(tmp.resolve("hostile"));
        good = UserJar.build(tmp.resolve("good"));
    }

    private static String check(String type, Path jar, Duration timeout) {
        return ClassCheck.check(UserClassWorkload.spec(type, jar.toString(), Map.of()), List.of(), timeout);
    }

    @Test
    void aGoodClassGivesItsName() {
        assertThat(check(UserJar.CLASS, good, Duration.ofSeconds(60))).isEqualTo("my-sum");
    }

    @Test
    void aClassThatEndsItsJvmEndsTheCheckJvmNotThisOne() {
        assertThatThrownBy(() -> check(HostileJar.EXITS, hostile, Duration.ofSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ended its worker JVM (exit status 3)").hasMessageContaining("System.exit")
                .hasMessageContaining("bye from a static initializer");
    }

    @Test
    void aClassThatHangsIsKilledAtTheTimeout() {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> check(HostileJar.HANGS, hostile, Duration.ofSeconds(3)))
                .hasMessageContaining("did not load within 3 s").hasMessageContaining("was killed");
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(30);
    }

    @Test
    void theRealCauseIsNamed() {
        assertThatThrownBy(() -> check(HostileJar.THROWS, hostile, Duration.ofSeconds(60)))
                .hasMessage("workload class " + HostileJar.THROWS + " failed in its static initializer: "
                        + "IllegalStateException: boom");
        assertThatThrownBy(() -> check(HostileJar.NEWER, hostile, Duration.ofSeconds(60)))
                .hasMessageContaining("was compiled for a newer Java (class file version 65, Java 21)")
                .hasMessageContaining("recompile it with --release");
        assertThatThrownBy(() -> check(HostileJar.MISSING, hostile, Duration.ofSeconds(60)))
                .hasMessageContaining("needs a class that is not on its classpath: com/example/hostile/Helper");
        assertThatThrownBy(() -> check("com.example.hostile.Nope", hostile, Duration.ofSeconds(60)))
                .hasMessage("workload class not found: com.example.hostile.Nope");
    }

    @Test
    void aBadJvmOptionIsSaidAsSuch() {
        assertThatThrownBy(() -> ClassCheck.check(UserClassWorkload.spec(UserJar.CLASS, good.toString(), Map.of()),
                List.of("-XX:+NoSuchOptionXyz"), Duration.ofSeconds(60)))
                .hasMessageContaining("could not start with the given --worker-jvm-opt")
                .hasMessageContaining("NoSuchOptionXyz");
    }
}
