package dev.corescope.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.ClassFilter;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.corescope.exec.TaskExecution;
import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import dev.corescope.workload.Workloads;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The deserialization allowlist, on a real (single, in-JVM) member. */
class SerializationAllowlistTest {
    /** A serializable class that is not on the allowlist. */
    record NotAllowed(String payload) implements Serializable {
    }

    private static final MessageAuth AUTH = new MessageAuth("a key of the allowlist test, 32+ chars".getBytes(StandardCharsets.UTF_8));
    private static HazelcastInstance hz;

    /** A member whose gate runs accepted tasks on the executor thread itself (no worker JVM here). */
    @BeforeAll
    static void start() {
        TaskGate gate = new TaskGate(AUTH, MemberPolicy.builtInsOnly(),
                (spec, input, timeout) -> RemoteResult.of(TaskExecution.run(Workloads.create(spec), input),
                        ProcessHandle.current().pid()), line -> { });
        Config c = ClusterConfigs.member(new ClusterConfigs.Network("corescope-allowlist-" + ProcessHandle.current().pid(),
                ClusterConfigs.DEFAULT_BIND, MemberProcesses.freePort(), null, List.of()), 1, gate);
        hz = Hazelcast.newHazelcastInstance(c);
    }

    @AfterAll
    static void stop() {
        if (hz != null) {
            hz.shutdown();
        }
    }

    @Test
    void configIsHardened() {
        Config c = ClusterConfigs.member(new ClusterConfigs.Network("x", "127.0.0.1", 5701, "10.1.2.3:5701",
                List.of("127.0.0.1:5702")), 2, null);
        assertThat(c.getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isFalse();
        assertThat(c.getNetworkConfig().getJoin().isAutoDetectionEnabled()).isFalse();
        assertThat(c.getNetworkConfig().getJoin().getTcpIpConfig().getMembers()).containsExactly("127.0.0.1:5702");
        assertThat(c.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
        assertThat(c.getNetworkConfig().getPublicAddress()).isEqualTo("10.1.2.3:5701");
        assertThat(c.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
        assertThat(c.getProperty("hazelcast.socket.bind.any")).isEqualTo("false");
        assertThat(c.getExecutorConfig(ClusterConfigs.EXECUTOR).getPoolSize()).isEqualTo(2);
        assertThat(ClusterConfigs.coordinator(new ClusterConfigs.Network("x", "127.0.0.1", 0, null,
                List.of("127.0.0.1:5701"))).isLiteMember()).isTrue();
        var filter = c.getSerializationConfig().getJavaSerializationFilterConfig();
        assertThat(filter.isDefaultsDisabled()).isTrue();
        ClassFilter allow = filter.getWhitelist();
        assertThat(allow.isListed(RemoteTask.class.getName())).isTrue();
        assertThat(allow.isListed(RemoteResult.class.getName())).isTrue();
        assertThat(allow.isListed("java.lang.Long")).isTrue();
        assertThat(allow.isListed(NotAllowed.class.getName())).isFalse();
        assertThat(allow.isListed("java.util.HashMap")).isFalse();
        assertThat(allow.isListed("com.hazelcast.map.impl.MapEntries")).isFalse();
        assertThat(filter.getBlacklist().isListed("java.lang.invoke.SerializedLambda")).isTrue();
    }

    @Test
    void aClassOffTheAllowlistIsRejectedWhenDeserialized() {
        IMap<String, Object> map = hz.getMap("allowlist-test");
        map.set("evil", new NotAllowed("x")); // serializing is harmless; reading it back must fail
        assertThatThrownBy(() -> map.get("evil"))
                .hasStackTraceContaining("Resolving class " + NotAllowed.class.getName() + " is not allowed");
    }

    @Test
    void corescopeTaskClassesRoundTripAndASignedTaskRunsThroughTheGate() throws Exception {
        IMap<String, Object> map = hz.getMap("allowlist-ok");
        RemoteTask task = RemoteTask.signed(WorkloadSpec.parse("spin loops=10"), new TaskInput(3, 0, 42), null, AUTH);
        map.set("task", task);
        assertThat(map.get("task")).hasToString(task.toString());
        // and a task runs through the member's executor: Hazelcast hands it the instance, it finds the gate
        RemoteResult r = hz.getExecutorService(ClusterConfigs.EXECUTOR)
                .submitToMember(task, hz.getCluster().getLocalMember()).get();
        assertThat(r.status()).as(r.error()).isEqualTo("ok");
        assertThat(r.pid()).isEqualTo(ProcessHandle.current().pid());
    }

    @Test
    void anUnsignedTaskIsRefusedByTheMember() throws Exception {
        RemoteTask unsigned = new RemoteTask(Protocol.NUMBER, "spin loops=10", 0, 0, 1, 0, null);
        RemoteResult r = hz.getExecutorService(ClusterConfigs.EXECUTOR)
                .submitToMember(unsigned, hz.getCluster().getLocalMember()).get();
        assertThat(r.status()).isEqualTo(RemoteResult.REFUSED);
        assertThat(r.error()).contains("not signed");
    }

    @Test
    void aTaskOutsideACorescopeMemberIsRefused() {
        RemoteResult r = RemoteTask.signed(WorkloadSpec.of("empty"), TaskInput.of(0, 0), null, AUTH).call();
        assertThat(r.status()).isEqualTo(RemoteResult.REFUSED);
        assertThat(r.error()).contains("not a corescope member");
    }
}
