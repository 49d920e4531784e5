package dev.corescope.cluster;

import com.hazelcast.config.ClassFilter;
import com.hazelcast.config.Config;
import com.hazelcast.config.ExecutorConfig;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import java.util.List;

/**
 * The one place where corescope's Hazelcast configuration is hardened, for members and for the
 * coordinator alike:
 * <ul>
 *   <li>TCP/IP join with the explicit member list only: multicast, auto-detection and every cloud
 *       discovery stay off;</li>
 *   <li>bound to one interface ({@code 127.0.0.1} by default), never to all interfaces;</li>
 *   <li>phone-home off, Hazelcast's own shutdown hook off (corescope closes the instance itself, so an
 *       interrupted coordinator can still cancel its tasks), REST and memcache endpoints off (their
 *       defaults);</li>
 *   <li>Java deserialization restricted to an allowlist: corescope's task/result classes and a few JDK
 *       basics; the Hazelcast default allowlist ({@code com.hazelcast.*}, {@code java*}) is disabled;</li>
 *   <li>quiet: {@code hazelcast.logging.type=none}.</li>
 * </ul>
 * The open-source engine has no TLS and no member authentication: anyone who can reach the port and
 * knows the cluster name can join the Hazelcast cluster. What corescope adds on top: every task, clock
 * probe and member card is signed with the cluster key ({@link MessageAuth}), members check it and
 * their {@link MemberPolicy} before running anything ({@link TaskGate}), coordinators use only members
 * whose card they can verify ({@link Roster}). Everything still travels in clear text: a cluster
 * belongs on a private network.
 */
public final class ClusterConfigs {
    public static final String DEFAULT_CLUSTER_NAME = "corescope";
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 5701;
    /** The executor that runs tasks on members; its pool size is the member's threshold. */
    public static final String EXECUTOR = "corescope-tasks";
    /** Map of member cards (JSON strings) keyed by member UUID. */
    public static final String MEMBERS_MAP = "corescope-members";

    /** Classes that may be Java-deserialized (exact names). */
    static final List<String> ALLOWED_CLASSES = List.of(
            RemoteTask.class.getName(),
            RemoteResult.class.getName(),
            ClockProbe.class.getName(),
            "[B",
            "[Ljava.lang.StackTraceElement;",
            "java.util.ArrayList",
            "java.util.Collections$EmptyList",
            "java.util.Collections$UnmodifiableList",
            "java.util.Collections$UnmodifiableRandomAccessList",
            "java.util.Collections$UnmodifiableCollection");
    /**
     * JDK packages allowed as a whole: boxed values, strings and the exceptions a failed or cancelled
     * invocation carries. Not {@code java.lang.invoke}/{@code java.lang.reflect} (see {@link #DENIED_PREFIXES}).
     */
    static final List<String> ALLOWED_PACKAGES = List.of("java.lang", "java.util.concurrent");
    static final List<String> DENIED_PREFIXES = List.of("java.lang.invoke.", "java.lang.reflect.", "java.lang.management.");

    private ClusterConfigs() {
    }

    /** The deserialization allowlist, as given to Hazelcast. */
    public static JavaSerializationFilterConfig serializationFilter() {
        ClassFilter allow = new ClassFilter();
        ALLOWED_CLASSES.forEach(allow::addClasses);
        ALLOWED_PACKAGES.forEach(allow::addPackages);
        ClassFilter deny = new ClassFilter();
        DENIED_PREFIXES.forEach(deny::addPrefixes);
        return new JavaSerializationFilterConfig()
                .setDefaultsDisabled(true)
                .setWhitelist(allow)
                .setBlacklist(deny);
    }

    /**
     * Where an instance listens and whom it joins.
     *
     * @param bind      the one local IPv4 address to bind (never all interfaces)
     * @param port      the port; 0 = any free port (coordinators)
     * @param advertise the address others reach this instance on ({@code host} or {@code host:port}, e.g.
     *                  behind NAT or a tunnel), null = the bound address
     * @param members   members to join (host:port), may be empty for the first member
     */
    public record Network(String clusterName, String bind, int port, String advertise, List<String> members) {
        public Network {
            members = List.copyOf(members);
        }
    }

    /**
     * A member that runs tasks: {@code threshold} executor threads; {@code gate} checks every task before
     * it runs ({@link TaskGate}, found by the tasks in the user context).
     */
    public static Config member(Network net, int threshold, TaskGate gate) {
        Config c = base(net);
        c.setInstanceName("corescope-member-" + net.port() + "-" + ProcessHandle.current().pid());
        c.addExecutorConfig(new ExecutorConfig(EXECUTOR, Math.max(1, threshold)).setStatisticsEnabled(false));
        if (gate != null) {
            c.getUserContext().put(TaskGate.CONTEXT_KEY, gate);
        }
        return c;
    }

    /** The coordinator: a lite member (no partitions, runs no tasks), on an ephemeral port unless one is given. */
    public static Config coordinator(Network net) {
        Config c = base(net);
        c.setInstanceName("corescope-coordinator-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        c.setLiteMember(true);
        return c;
    }

    static Config base(Network n) {
        // The logging type must be known before Hazelcast logs its first line (the system property is
        // read by the static logger factory); config property alone is too late for the banner.
        System.setProperty("hazelcast.logging.type", "none");
        Config c = new Config();
        c.setClusterName(n.clusterName());
        c.setProperty("hazelcast.logging.type", "none");
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.shutdownhook.enabled", "false");
        c.setProperty("hazelcast.socket.bind.any", "false");
        // a small cluster on a quiet network: join quickly, notice a lost member within seconds
        c.setProperty("hazelcast.wait.seconds.before.join", "0");
        c.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        c.setProperty("hazelcast.max.no.heartbeat.seconds", "15");
        c.setProperty("hazelcast.jmx", "false");
        c.setProperty("hazelcast.health.monitoring.level", "OFF");
        NetworkConfig net = c.getNetworkConfig();
        net.setPort(n.port()).setPortAutoIncrement(false);
        net.getInterfaces().setEnabled(true).clear().addInterface(n.bind());
        if (n.advertise() != null) {
            net.setPublicAddress(n.advertise());
        }
        net.getRestApiConfig().setEnabled(false);
        net.getMemcacheProtocolConfig().setEnabled(false);
        JoinConfig join = net.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getAwsConfig().setEnabled(false);
        join.getGcpConfig().setEnabled(false);
        join.getAzureConfig().setEnabled(false);
        join.getKubernetesConfig().setEnabled(false);
        join.getEurekaConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(n.members()).setConnectionTimeoutSeconds(5);
        c.getSerializationConfig().setJavaSerializationFilterConfig(serializationFilter());
        c.getJetConfig().setEnabled(false);
        return c;
    }
}
