package dev.corescope.cli;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import dev.corescope.cluster.ClusterConfigs;
import dev.corescope.cluster.ClusterMember;
import dev.corescope.cluster.MemberCard;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code corescope member}: an embedded Hazelcast member that runs corescope tasks up to its threshold. */
@Command(name = "member", mixinStandardHelpOptions = true,
        description = {"Start a cluster member that runs corescope tasks for coordinators ('sweep --cluster'), "
                + "at most its threshold at once. Runs until Ctrl-C.",
                "Security: binds to one address (loopback by default), joins only the listed members (no multicast), "
                        + "phone-home off, only corescope's own task classes are deserialized. The open-source engine has "
                        + "no TLS and no member authentication: keep a cluster on a trusted network."})
public final class MemberCommand implements Callable<Integer> {
    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = ClusterConfigs.DEFAULT_BIND,
            description = "Address to bind and to advertise. Default: ${DEFAULT-VALUE}.")
    String bind;

    @Option(names = "--port", defaultValue = "5701", description = "Port (no auto-increment). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--members", paramLabel = "HOST:PORT", split = ",",
            description = "Other members to join (comma-separated); none for the first member.")
    List<String> members = new ArrayList<>();

    @Option(names = "--cluster-name", paramLabel = "NAME", defaultValue = ClusterConfigs.DEFAULT_CLUSTER_NAME,
            description = "Cluster name; members and coordinators must agree. Default: ${DEFAULT-VALUE}.")
    String clusterName;

    @Option(names = "--threshold", paramLabel = "N",
            description = "Tasks this member may run at once. Default: this machine's cached 'investigate' verdict, "
                    + "else the available processors (marked as not measured).")
    Integer threshold;

    @Override
    public Integer call() throws Exception {
        if (port < 1 || port > 65535) {
            throw new UsageError("--port must be between 1 and 65535, got " + port);
        }
        if (threshold != null && (threshold < 1 || threshold > Limits.MAX_WORKERS)) {
            throw new UsageError("--threshold must be between 1 and " + Limits.MAX_WORKERS + ", got " + threshold);
        }
        for (String m : members) {
            if (m.isBlank() || m.contains(" ")) {
                throw new UsageError("bad --members entry '" + m + "' (expected host:port)");
            }
        }
        ClusterMember member = ClusterMember.start(clusterName, bind, port, members, threshold);
        MemberCard card = member.card();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            member.close();
            System.out.println("corescope member " + card.address() + " stopped");
            System.out.flush();
            stopped.countDown();
        }, "corescope-member-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        member.instance().getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent e) {
                System.out.println((e.getMember().isLiteMember() ? "coordinator " : "member ") + e.getMember().getAddress()
                        + " joined");
            }

            @Override
            public void memberRemoved(MembershipEvent e) {
                System.out.println((e.getMember().isLiteMember() ? "coordinator " : "member ") + e.getMember().getAddress()
                        + " left");
            }
        });
        System.out.println("corescope member " + card.address() + " (pid " + card.pid() + "), cluster '" + clusterName
                + "', " + member.clusterSize() + " member(s)");
        System.out.println("threshold: " + card.threshold() + " (" + card.thresholdSource() + ")");
        if (!card.measured()) {
            System.out.println("warning: the threshold was NOT measured; run 'corescope investigate' on this machine "
                    + "or pass --threshold");
        }
        System.out.println("ready; Ctrl-C to stop");
        System.out.flush();
        stopped.await();
        return 0;
    }
}
