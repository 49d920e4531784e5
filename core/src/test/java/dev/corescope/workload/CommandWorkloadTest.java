package dev.corescope.workload;

import dev.corescope.api.TaskOutput;
import dev.corescope.api.TaskInput;
import dev.corescope.api.Workload;

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
    void anythingTheShellAcceptsIsAcceptedAndOnlyItsSyntaxIsCheckedUpFront() {
        for (String cmd : new String[] {"true {n}", "OMP_NUM_THREADS=1 true {n}", "(cd / && true {n})",
            "X=1; Y=2 true {n} | cat", "no-such-program-xyz {n}", "for i in 1 2; do :; done"}) {
            assertThatCode(() -> CommandWorkload.checkSyntax(cmd)).as(cmd).doesNotThrowAnyException();
        }
        assertThatThrownBy(() -> CommandWorkload.checkSyntax("echo (")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--cmd is not a command /bin/sh accepts: ");
        assertThatThrownBy(() -> CommandWorkload.checkSyntax("  ")).hasMessage("--cmd is empty");
        Workload w = new CommandWorkload(CommandWorkload.spec("X=\"a b\"; OMP_NUM_THREADS=1 test \"$X\" = \"a b\" && "
                + "(exit $(( {n} - 2 )))").params());
        assertThat(w.run(new TaskInput(0, 2, 1)).checksum()).isZero();
    }

    @Test
    void aMissingProgramIsToldByTheShellsOwnStatusAndMessage() {
        Workload w = new CommandWorkload(CommandWorkload.spec("LC_ALL=C no-such-program-xyz {n}").params());
        assertThatThrownBy(() -> w.run(new TaskInput(0, 3, 1))).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("command not found (exit status 127, the shell's own): ")
                .hasMessageContaining("no-such-program-xyz");
        Workload notExec = new CommandWorkload(CommandWorkload.spec("/").params());
        assertThatThrownBy(() -> notExec.run(new TaskInput(0, 3, 1))).hasMessageStartingWith(
                "command found but not executable (exit status 126");
    }

    @Test
    void theCommandsCpuTimeIsItsOwnAndItsChildrens() {
        // a child shell that spins about 0.3 s of CPU: the waiting thread's own CPU time would be ~0
        Workload w = new CommandWorkload(CommandWorkload.spec("sh -c 'i=0; while [ $i -lt {n} ]; do i=$((i+1)); done'")
                .params());
        w.run(new TaskInput(0, 2000, 1)); // warm the page cache
        var r = dev.corescope.exec.TaskExecution.run(w, new TaskInput(0, 200_000, 1));
        assertThat(r.ok()).as(String.valueOf(r.error())).isTrue();
        // a loaded machine stretches the wall time, not the CPU time; the waiting thread itself uses well under 5 ms
        assertThat(r.cpuNanos()).as("CPU time of the command").isGreaterThan(50_000_000L)
                .isLessThanOrEqualTo(r.wallNanos() + 5_000_000L);
        assertThat(r.waitNanos()).as("run-queue wait: unknown").isEqualTo(-1);
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
