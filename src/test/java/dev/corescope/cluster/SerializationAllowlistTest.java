package dev.corescope.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.ClassFilter;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.io.Serializable;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The deserialization allowlist, on a real (single, in-JVM) member. */
class SerializationAllowlistTest {
    /** A serializable class that is not on the allowlist. */
    record NotAllowed(String payload) implements Serializable {
    }

    private static HazelcastInstance hz;

    @BeforeAll
    static void start() {
        Config c = ClusterConfigs.member("corescope-allowlist-" + ProcessHandle.current().pid(),
                ClusterConfigs.DEFAULT_BIND, MemberProcesses.freePort(), List.of(), 1);
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
        Config c = ClusterConfigs.member("x", "127.0.0.1", 5701, List.of("127.0.0.1:5702"), 2);
        assertThat(c.getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isFalse();
        assertThat(c.getNetworkConfig().getJoin().isAutoDetectionEnabled()).isFalse();
        assertThat(c.getNetworkConfig().getJoin().getTcpIpConfig().getMembers()).containsExactly("127.0.0.1:5702");
        assertThat(c.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
        assertThat(c.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
        assertThat(c.getProperty("hazelcast.socket.bind.any")).isEqualTo("false");
        assertThat(c.getExecutorConfig(ClusterConfigs.EXECUTOR).getPoolSize()).isEqualTo(2);
        assertThat(ClusterConfigs.coordinator("x", "127.0.0.1", List.of("127.0.0.1:5701")).isLiteMember()).isTrue();
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
    void corescopeTaskClassesRoundTrip() throws Exception {
        IMap<String, Object> map = hz.getMap("allowlist-ok");
        RemoteTask task = new RemoteTask("spin loops=10", 3, 0, 42);
        map.set("task", task);
        assertThat(map.get("task")).isEqualTo(task);
        // and a task runs through the member's executor, result included
        RemoteResult r = hz.getExecutorService(ClusterConfigs.EXECUTOR)
                .submitToMember(task, hz.getCluster().getLocalMember()).get();
        assertThat(r.status()).isEqualTo("ok");
        assertThat(r.pid()).isEqualTo(ProcessHandle.current().pid());
    }

    @Test
    void aTaskNamingANonWorkloadClassFailsWithoutRunningIt() {
        RemoteResult r = new RemoteTask("java.lang.Runtime", 0, 0, 1).call();
        assertThat(r.status()).isEqualTo("failed");
        assertThat(r.error()).contains("does not implement");
    }
}
