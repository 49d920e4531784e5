package dev.corescope.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.corescope.OsProcesses;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CommandWorkloadTest {
    private final String sleeper = OsProcesses.uniqueSleep();
    private final String other = OsProcesses.uniqueSleep();

    @AfterEach
    void killLeftovers() {
        OsProcesses.killAll(sleeper);
        OsProcesses.killAll(other);
    }
    @Test
    void substitutesSizeAndSeed() {
        assertThat(CommandWorkload.expand("sort -n data_{n}.txt --seed {seed}", 250, 9))
                .isEqualTo("sort -n data_250.txt --seed 9");
        assertThat(CommandWorkload.program("  sort -n x")).isEqualTo("sort");
    }

    @Test
    void specWithSpacesAndQuotesSurvivesTheWorkerFrameText() {
        String cmd = "sh -c 'test {n} -gt 0' && echo \"a b=c\"";
        WorkloadSpec spec = CommandWorkload.spec(cmd);
        Workload w = Workloads.create(WorkloadSpec.parse(spec.text()));
        assertThat(((CommandWorkload) w).template()).isEqualTo(cmd);
        assertThat(w.run(new TaskInput(0, 3, 1)).checksum()).isZero();
    }

    @Test
    void nonZeroExitFailsTheTaskWithTheExitCodeAndLastStderrLine() {
        Workload w = new CommandWorkload(CommandWorkload.spec("echo oops >&2; exit {n}").params());
        assertThatThrownBy(() -> w.run(new TaskInput(0, 3, 1))).isInstanceOf(IllegalStateException.class)
                .hasMessage("exit code 3: oops");
    }

    @Test
    void missingProgramIsFoundUpFront() {
        assertThatCode(() -> CommandWorkload.checkExists("true {n}")).doesNotThrowAnyException();
        assertThatThrownBy(() -> CommandWorkload.checkExists("no-such-program-xyz {n}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("command not found: no-such-program-xyz");
        assertThatThrownBy(() -> CommandWorkload.checkExists("  ")).hasMessage("--cmd is empty");
    }

    @Test
    void aBackgroundChildIsKilledWhenItsCommandExits() throws Exception {
        Workload ok = new CommandWorkload(CommandWorkload.spec(sleeper + " & true").params());
        // the sleeper keeps the command's stderr open: reading it to its end would wait an hour
        TaskOutput out = CompletableFuture.supplyAsync(() -> ok.run(new TaskInput(0, 1, 1))).get(30, TimeUnit.SECONDS);
        assertThat(out.checksum()).isZero();
        assertThat(OsProcesses.awaitNone(sleeper, Duration.ofSeconds(5))).as("the background sleeper").isEmpty();

        // 1 MiB on stderr (more than a pipe holds) and a failure: the last line is still reported
        Workload failing = new CommandWorkload(CommandWorkload.spec(other + " & head -c 1048576 /dev/zero | tr '\\0' x >&2;"
                + " echo >&2; echo the last line >&2; exit 4").params());
        assertThatThrownBy(() -> CompletableFuture.supplyAsync(() -> failing.run(new TaskInput(0, 1, 1)))
                .get(30, TimeUnit.SECONDS)).hasRootCauseMessage("exit code 4: the last line");
        assertThat(OsProcesses.awaitNone(other, Duration.ofSeconds(5))).as("the failing command's sleeper").isEmpty();
    }

    @Test
    void aStoppedCommandTakesItsWholeProcessGroupAlong() throws Exception {
        Workload w = new CommandWorkload(CommandWorkload.spec(sleeper + " & " + other).params());
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                w.run(new TaskInput(0, 1, 1));
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        t.start();
        assertThat(OsProcesses.awaitAtLeast(other, 1, Duration.ofSeconds(20))).as("the command started").isTrue();
        assertThat(OsProcesses.awaitAtLeast(sleeper, 1, Duration.ofSeconds(20))).isTrue();
        t.interrupt(); // what a thread worker's timeout does

        t.join(10_000);
        assertThat(t.isAlive()).as("the task's thread is free again").isFalse();
        assertThat(thrown.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("process group was killed");
        assertThat(OsProcesses.awaitNone(sleeper, Duration.ofSeconds(5))).as("the background sleeper").isEmpty();
        assertThat(OsProcesses.awaitNone(other, Duration.ofSeconds(5))).as("the foreground sleeper").isEmpty();
    }
}
