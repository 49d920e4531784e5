package dev.corescope.cluster;

import java.time.Duration;
import java.util.List;

/**
 * How a coordinator reaches the cluster (the members are started with {@code corescope member}: {@link
 * ClusterMember.MemberOptions}).
 *
 * @param bind      local IPv4 address to bind, null = 127.0.0.1 when every member is on loopback, else
 *                  the address this machine routes to the first member from
 * @param port      local port, 0 = any free one
 * @param advertise address the members reach this coordinator on, null = the bound one
 * @param key       the cluster key; null = {@link KeyFile#load the default one}
 */
public record CoordinatorOptions(List<String> members, String clusterName, String bind, int port, String advertise,
                      Duration joinTimeout, Duration taskTimeout, KeyFile.Key key) {
    public CoordinatorOptions {
        members = List.copyOf(members);
    }

    public static CoordinatorOptions of(List<String> members) {
        return new CoordinatorOptions(members, ClusterConfigs.DEFAULT_CLUSTER_NAME, null, 0, null, Duration.ofSeconds(30), null,
                null);
    }

    public CoordinatorOptions withTaskTimeout(Duration t) {
        return new CoordinatorOptions(members, clusterName, bind, port, advertise, joinTimeout, t, key);
    }

    public CoordinatorOptions withClusterName(String name) {
        return new CoordinatorOptions(members, name, bind, port, advertise, joinTimeout, taskTimeout, key);
    }

    public CoordinatorOptions withJoinTimeout(Duration t) {
        return new CoordinatorOptions(members, clusterName, bind, port, advertise, t, taskTimeout, key);
    }

    public CoordinatorOptions withBind(String address, int localPort) {
        return new CoordinatorOptions(members, clusterName, address, localPort, advertise, joinTimeout, taskTimeout, key);
    }

    public CoordinatorOptions withAdvertise(String address) {
        return new CoordinatorOptions(members, clusterName, bind, port, address, joinTimeout, taskTimeout, key);
    }

    public CoordinatorOptions withKey(KeyFile.Key k) {
        return new CoordinatorOptions(members, clusterName, bind, port, advertise, joinTimeout, taskTimeout, k);
    }

    /** The address to bind: {@link #bind} or the default described there. */
    public String bindAddress() {
        return bind != null ? bind : HostPort.defaultBind(members.stream().map(HostPort::parse).toList());
    }
}
