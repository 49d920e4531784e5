package dev.corescope.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import dev.corescope.exec.TaskResult;
import dev.corescope.exec.TaskStatus;
import dev.corescope.exec.WorkerStartException;
import dev.corescope.workload.CommandWorkload;
import dev.corescope.workload.SpinWorkload;
import dev.corescope.api.TaskInput;
import dev.corescope.workload.UserClassWorkload;
import dev.corescope.workload.UserJar;
import dev.corescope.workload.WorkloadSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two member JVMs on loopback: member A with default settings, member B started with {@code --allow-cmd}.
 * Checks what the issue demands of a real cluster: built-ins run across members; a default member never
 * runs a shell command or a non-built-in class; a coordinator without the key gets no task run (through
 * corescope's coordinator, and by talking Hazelcast directly); a replayed task runs once; a task past its
 * timeout has its worker JVM killed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClusterSecurityTest {
    private static final KeyFile.Key WRONG_KEY = new KeyFile.Key(Path.of("/nonexistent/other.key"),
            "a key that is not the cluster's, 32+ chars".getBytes(StandardCharsets.UTF_8), false);
    private static MemberProcesses members;
    private static HazelcastInstance raw;

    @TempDir
    static Path dir;

    @BeforeAll
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    static void startMembers() {
        members = MemberProcesses.start(List.of(MemberProcesses.Spec.loopback(List.of()),
                MemberProcesses.Spec.loopback(List.of("--allow-cmd"))));
    }

    @AfterAll
    static void stopMembers() {
        if (raw != null) {
            raw.shutdown();
        }
        if (members != null) {
            members.close();
        }
    }

    private static ClusterWorkerPool connect(KeyFile.Key key) {
        return ClusterWorkerPool.connect(CoordinatorOptions.of(members.addresses).withClusterName(members.clusterName)
                .withJoinTimeout(Duration.ofSeconds(30)).withKey(key));
    }

    /** Index of the pool slot served by member {@code m} (0 = A, 1 = B). */
    private static int slotOf(ClusterWorkerPool pool, int m) {
        List<ClusterWorkerPool.NodeInfo> nodes = pool.nodes();
        for (int i = 0; i < pool.size(); i++) {
            String id = pool.worker(i).info().id();
            for (ClusterWorkerPool.NodeInfo n : nodes) {
                if (id.startsWith(n.name() + "/") && n.address().equals(members.addresses.get(m))) {
                    return i;
                }
            }
        }
        throw new IllegalStateException("no slot on member " + m);
    }

    private static TaskResult run(ClusterWorkerPool pool, int slot, WorkloadSpec spec) throws Exception {
        return pool.worker(slot).submit(spec, TaskInput.of(slot, 1)).get(60, TimeUnit.SECONDS);
    }

    /** A Hazelcast lite member that speaks to the members directly, bypassing corescope's coordinator. */
    private static synchronized HazelcastInstance raw() {
        if (raw == null) {
            raw = Hazelcast.newHazelcastInstance(ClusterConfigs.coordinator(new ClusterConfigs.Network(
                    members.clusterName, "127.0.0.1", 0, null, members.addresses)));
        }
        return raw;
    }

    private static Member memberB() throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            for (Member m : raw().getCluster().getMembers()) {
                if ((m.getAddress().getHost() + ":" + m.getAddress().getPort()).equals(members.addresses.get(1))) {
                    return m;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("member B not in view");
    }

    private static void awaitLog(int member, String text) throws InterruptedException {
        for (int i = 0; i < 100 && members.log(member).stream().noneMatch(l -> l.contains(text)); i++) {
            Thread.sleep(100);
        }
        assertThat(members.log(member)).anyMatch(l -> l.contains(text));
    }

    @Test
    void builtInsRunAcrossMembersAndShellCommandsOrClassesOnlyWhereAllowed() throws Exception {
        Path markerA = dir.resolve("ran-on-A");
        Path markerB = dir.resolve("ran-on-B");
        try (ClusterWorkerPool pool = connect(members.key())) {
            int a = slotOf(pool, 0);
            int b = slotOf(pool, 1);
            TaskResult spinA = run(pool, a, SpinWorkload.spec(100_000));
            TaskResult spinB = run(pool, b, SpinWorkload.spec(100_000));
            assertThat(List.of(spinA, spinB)).extracting(TaskResult::status).containsOnly(TaskStatus.OK);
            assertThat(spinA.node()).isNotEqualTo(spinB.node()).endsWith(members.addresses.get(0));

            WorkloadSpec cmdA = CommandWorkload.spec("touch " + markerA);
            assertThat(pool.refusals(List.of(cmdA))).singleElement().asString()
                    .startsWith(pool.nodes().get(a).label() + " refuses --cmd tasks").contains("--allow-cmd");
            TaskResult refused = run(pool, a, cmdA); // sent anyway, as a modified coordinator would
            assertThat(refused.status()).isEqualTo(TaskStatus.FAILED);
            assertThat(refused.error()).startsWith("refused by " + pool.nodes().get(a).label())
                    .contains("shell commands are not allowed");
            Path jar = UserJar.build(dir.resolve("jar"));
            TaskResult cls = run(pool, a, UserClassWorkload.spec(UserJar.CLASS, jar.toString(), Map.of()));
            assertThat(cls.error()).contains("workload classes are not allowed");
            TaskResult smuggled = run(pool, b, UserClassWorkload.spec(CommandWorkload.class.getName(), jar.toString(),
                    Map.of(CommandWorkload.PARAM, CommandWorkload.spec("touch " + markerB).param("cmd", ""))));
            assertThat(smuggled.error()).as("B allows commands, not classes").contains("workload classes are not allowed");
            assertThat(markerA).doesNotExist();
            assertThat(markerB).doesNotExist();
            assertThat(pool.events()).anyMatch(e -> e.startsWith("refused by " + pool.nodes().get(a).label()));
            awaitLog(0, "refused task");

            TaskResult allowed = run(pool, b, CommandWorkload.spec("touch " + markerB));
            assertThat(allowed.status()).as(allowed.error()).isEqualTo(TaskStatus.OK);
            assertThat(markerB).exists();
        }
    }

    @Test
    void aCoordinatorWithAnotherKeyGetsAOneLineErrorAndNoTaskRun() throws Exception {
        assertThatThrownBy(() -> connect(WRONG_KEY)).isInstanceOf(WorkerStartException.class)
                .hasMessageContaining("none has a card signed with this coordinator's key")
                .hasMessageContaining("nothing was run")
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));

        // the same, talking Hazelcast directly to member B (which runs commands for key holders)
        Path marker = dir.resolve("pwned");
        IExecutorService exec = raw().getExecutorService(ClusterConfigs.EXECUTOR);
        Member b = memberB();
        WorkloadSpec cmd = CommandWorkload.spec("touch " + marker);
        RemoteResult foreign = exec.submitToMember(RemoteTask.signed(cmd, TaskInput.of(0, 1), null,
                WRONG_KEY.auth()), b).get(30, TimeUnit.SECONDS);
        RemoteResult unsigned = exec.submitToMember(new RemoteTask(Protocol.NUMBER, cmd.text(), 1, 0, 1, 0, null), b)
                .get(30, TimeUnit.SECONDS);
        assertThat(List.of(foreign, unsigned)).extracting(RemoteResult::status).containsOnly(RemoteResult.REFUSED);
        assertThat(foreign.error()).contains("does not match this key");
        assertThat(unsigned.error()).contains("not signed");
        assertThatThrownBy(() -> exec.submitToMember(ClockProbe.signed(WRONG_KEY.auth()), b).get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasRootCauseInstanceOf(SecurityException.class);
        assertThat(marker).doesNotExist();
        awaitLog(1, "dropped task 1");
        awaitLog(1, "dropped clock probe");
    }

    @Test
    void aReplayedTaskRunsOnlyOnce() throws Exception {
        Path file = dir.resolve("appended");
        IExecutorService exec = raw().getExecutorService(ClusterConfigs.EXECUTOR);
        Member b = memberB();
        RemoteTask task = RemoteTask.signed(CommandWorkload.spec("echo x >> " + file), TaskInput.of(5, 1), null,
                members.key().auth());
        assertThat(exec.submitToMember(task, b).get(30, TimeUnit.SECONDS).status()).isEqualTo(TaskStatus.OK.label());
        RemoteResult replay = exec.submitToMember(task, b).get(30, TimeUnit.SECONDS);
        assertThat(replay.status()).isEqualTo(RemoteResult.REFUSED);
        assertThat(replay.error()).contains("seen before");
        assertThat(Files.readAllLines(file)).containsExactly("x");
        awaitLog(1, "dropped task 5");
    }

    @Test
    void aTaskPastItsTimeoutHasItsWorkerJvmKilledAndTheSlotServesTheNextTask() throws Exception {
        IExecutorService exec = raw().getExecutorService(ClusterConfigs.EXECUTOR);
        Member b = memberB();
        MessageAuth auth = members.key().auth();
        RemoteResult endless = exec.submitToMember(RemoteTask.signed(SpinWorkload.spec(Long.MAX_VALUE / 4),
                TaskInput.of(8, 1), Duration.ofMillis(1500), auth), b).get(60, TimeUnit.SECONDS);
        assertThat(endless.status()).isEqualTo(TaskStatus.TIMEOUT.label());
        assertThat(endless.error()).contains("killed its worker JVM");
        long worker = endless.pid();
        assertThat(worker).isNotEqualTo(members.processes.get(1).pid());
        for (int i = 0; i < 50 && ProcessHandle.of(worker).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(100);
        }
        assertThat(ProcessHandle.of(worker).map(ProcessHandle::isAlive).orElse(false)).as("worker JVM %d", worker).isFalse();
        RemoteResult next = exec.submitToMember(RemoteTask.signed(SpinWorkload.spec(1000), TaskInput.of(9, 1),
                Duration.ofSeconds(30), auth), b).get(60, TimeUnit.SECONDS);
        assertThat(next.status()).as(next.error()).isEqualTo(TaskStatus.OK.label());
        assertThat(next.pid()).isNotEqualTo(worker);
        awaitLog(1, "task 8 ran past its 1500 ms timeout");
    }

    @Test
    void aTimedOutCommandIsKilledWithItsChildren() throws Exception {
        IExecutorService exec = raw().getExecutorService(ClusterConfigs.EXECUTOR);
        Member b = memberB();
        Path pidFile = dir.resolve("sleep.pid");
        RemoteResult r = exec.submitToMember(RemoteTask.signed(CommandWorkload.spec("sleep 300 & echo $! > " + pidFile
                + "; wait"), TaskInput.of(10, 1), Duration.ofMillis(1500), members.key().auth()), b).get(60, TimeUnit.SECONDS);
        assertThat(r.status()).isEqualTo(TaskStatus.TIMEOUT.label());
        long sleep = Long.parseLong(Files.readString(pidFile).trim());
        for (int i = 0; i < 50 && running(sleep); i++) {
            Thread.sleep(100);
        }
        assertThat(running(sleep)).as("the command's child %d outlived the task", sleep).isFalse();
    }

    /** Alive and not a zombie waiting for its (killed) parent's reaper. */
    private static boolean running(long pid) throws java.io.IOException {
        Path stat = Path.of("/proc", String.valueOf(pid), "stat");
        if (!Files.exists(stat)) {
            return false;
        }
        String s;
        try {
            s = Files.readString(stat);
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
        return s.charAt(s.lastIndexOf(')') + 2) != 'Z';
    }
}
