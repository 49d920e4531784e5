package dev.corescope.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corescope.exec.TaskResult;
import dev.corescope.exec.TaskStatus;
import dev.corescope.workload.CommandWorkload;
import dev.corescope.api.TaskInput;
import dev.corescope.workload.UserClassWorkload;
import dev.corescope.workload.WorkloadSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The member's checks, with a backend that only records what it was asked to run. No Hazelcast. */
class TaskGateTest {
    private static final byte[] KEY = "the member's cluster key, 32 bytes+".getBytes(StandardCharsets.UTF_8);
    private final MessageAuth coordinator = new MessageAuth(KEY);
    private final List<String> ran = Collections.synchronizedList(new ArrayList<>());
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final TaskGate.Backend backend = (spec, input, timeout) -> {
        ran.add(spec.text() + " #" + input.index() + " timeout=" + timeout);
        long now = System.nanoTime();
        return RemoteResult.of(new TaskResult(TaskStatus.OK, now, now, 0, 0, 0, input.seed(), 0, null, null), 1);
    };

    private TaskGate gate(MemberPolicy policy) {
        return new TaskGate(new MessageAuth(KEY), policy, backend, log::add);
    }

    private RemoteTask task(WorkloadSpec spec, MessageAuth auth) {
        return RemoteTask.signed(spec, new TaskInput(7, 0, 99), Duration.ofSeconds(3), auth);
    }

    @Test
    void aSignedBuiltInRunsWithItsTimeout() {
        RemoteResult r = gate(MemberPolicy.builtInsOnly()).run(task(WorkloadSpec.of("spin", "loops", 10), coordinator));
        assertThat(r.status()).isEqualTo(TaskStatus.OK.label());
        assertThat(r.checksum()).isEqualTo(99);
        assertThat(ran).containsExactly("spin loops=10 #7 timeout=PT3S");
        assertThat(log).isEmpty();
    }

    @Test
    void unsignedWronglySignedReplayedAndOtherProtocolTasksAreDroppedWithOneLogLineEach() {
        TaskGate gate = gate(new MemberPolicy(true, List.of()));
        WorkloadSpec cmd = CommandWorkload.spec("id > /tmp/pwned");
        RemoteTask unsigned = new RemoteTask(Protocol.NUMBER, cmd.text(), 1, 0, 1, 0, null);
        RemoteTask foreign = task(cmd, new MessageAuth("a coordinator with another key!!!!".getBytes(StandardCharsets.UTF_8)));
        RemoteTask genuine = task(WorkloadSpec.of("empty"), coordinator);
        RemoteTask otherProtocol = new RemoteTask(Protocol.NUMBER + 1, "empty", 2, 0, 1, 0,
                coordinator.sign(RemoteTask.KIND, RemoteTask.content(Protocol.NUMBER + 1, "empty", 2, 0, 1, 0)));
        RemoteTask forged = new RemoteTask(Protocol.NUMBER, cmd.text(), 7, 0, 99, 3000, genuine.seal()); // genuine seal, other content

        assertThat(gate.run(unsigned).error()).contains("not signed");
        assertThat(gate.run(foreign).error()).contains("does not match this key");
        assertThat(gate.run(forged).error()).contains("does not match this key");
        assertThat(gate.run(otherProtocol).error()).contains("protocol " + (Protocol.NUMBER + 1));
        assertThat(gate.run(genuine).status()).isEqualTo(TaskStatus.OK.label());
        RemoteResult replay = gate.run(genuine);
        assertThat(replay.status()).isEqualTo(RemoteResult.REFUSED);
        assertThat(replay.error()).contains("seen before");

        assertThat(ran).as("only the genuine task ran, once").containsExactly("empty #7 timeout=PT3S");
        assertThat(log).hasSize(5).allMatch(l -> l.startsWith("dropped task ")).noneMatch(l -> l.contains("\n"));
    }

    @Test
    void aSignedCommandOrClassIsRefusedByADefaultMember() {
        TaskGate gate = gate(MemberPolicy.builtInsOnly());
        RemoteResult cmd = gate.run(task(CommandWorkload.spec("id > /tmp/pwned"), coordinator));
        RemoteResult cls = gate.run(task(UserClassWorkload.spec("com.example.MyWorkload", "/tmp/x.jar", Map.of()), coordinator));
        RemoteResult jdk = gate.run(task(WorkloadSpec.of("java.lang.Runtime"), coordinator));
        assertThat(List.of(cmd, cls, jdk)).extracting(RemoteResult::status).containsOnly(RemoteResult.REFUSED);
        assertThat(cmd.error()).contains("--allow-cmd");
        assertThat(cls.error()).contains("--allow-class");
        assertThat(ran).isEmpty();
        assertThat(log).hasSize(3).allMatch(l -> l.startsWith("refused task 7"));
    }

    @Test
    void logLinesStayOneLineWhateverTheTaskSays() {
        TaskGate gate = gate(MemberPolicy.builtInsOnly());
        gate.run(new RemoteTask(Protocol.NUMBER, "spin\nforged log line " + "x".repeat(500), 1, 0, 1, 0, null));
        assertThat(log).singleElement().asString().doesNotContain("\n").hasSizeLessThan(300);
    }

    @Test
    void clockProbesAreCheckedToo() {
        TaskGate gate = gate(MemberPolicy.builtInsOnly());
        assertThat(gate.clock(ClockProbe.signed(coordinator))).isPositive();
        assertThatThrownBy(() -> gate.clock(new ClockProbe(Protocol.NUMBER, null)))
                .isInstanceOf(SecurityException.class).hasMessageContaining("not signed");
        ClockProbe once = ClockProbe.signed(coordinator);
        gate.clock(once);
        assertThatThrownBy(() -> gate.clock(once)).isInstanceOf(SecurityException.class).hasMessageContaining("seen before");
        assertThat(log).hasSize(2).allMatch(l -> l.startsWith("dropped clock probe"));
    }
}
