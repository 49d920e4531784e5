package dev.corescope.cli;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import dev.corescope.cluster.ClusterConfigs;
import dev.corescope.cluster.ClusterMember;
import dev.corescope.cluster.HostPort;
import dev.corescope.cluster.KeyFile;
import dev.corescope.cluster.MemberCard;
import dev.corescope.cluster.MemberPolicy;
import dev.corescope.cluster.Protocol;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code corescope member}: an embedded Hazelcast member that runs corescope tasks up to its threshold. */
@Command(name = "member",
        description = {"Start a cluster member that runs corescope tasks for coordinators ('sweep --cluster', "
                + "'assess --cluster'), at most its threshold at once, each in a worker JVM. Runs until Ctrl-C.",
                "Security: runs only tasks signed with the cluster key (--secret-file, default "
                        + "$CORESCOPE_HOME/cluster.key, created 0600 on first use: copy it to every machine), and by "
                        + "default only built-in workloads. Binds one address (loopback by default), joins only the "
                        + "listed members. Everything travels in clear text: keep a cluster on a private network "
                        + "(docs/cluster.md)."})
public final class MemberCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    HelpOption help;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = ClusterConfigs.DEFAULT_BIND,
            description = "Local IPv4 address to bind (and to advertise unless --advertise). Default: ${DEFAULT-VALUE}.")
    String bind;

    @picocli.CommandLine.Mixin
    ClusterIdentityOptions identity;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "5701", description = "Port (no auto-increment). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--members", paramLabel = "HOST:PORT,...",
            description = "Other members to join (comma-separated); none for the first member.")
    List<String> members = new ArrayList<>();


    @Option(names = "--threshold", paramLabel = "N",
            description = "Tasks this member may run at once. Default: this machine's cached 'investigate' verdict, "
                    + "else the available processors (marked as not measured).")
    Integer threshold;


    @Option(names = "--allow-cmd", description = "Also run --cmd tasks: shell commands a coordinator sends, run as this "
            + "user. Off by default.")
    boolean allowCmd;

    @Option(names = "--allow-class", paramLabel = "PATH", split = ":", arity = "1..*",
            description = "Also run --class tasks, with classes from these jars or directories only (loaded from "
                    + "this member's copies). Off by default.")
    List<Path> allowClass = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        String clusterName = identity.clusterName();
        if (port < 1 || port > 65535) {
            throw new UsageError("--port must be between 1 and 65535, got " + port);
        }
        if (threshold != null && (threshold < 1 || threshold > dev.corescope.experiment.Limits.MAX_WORKERS)) {
            throw new UsageError("--threshold must be between 1 and " + dev.corescope.experiment.Limits.MAX_WORKERS + ", got " + threshold);
        }
        List<String> join = ClusterOptions.checked("", () -> HostPort.parseList(members, "--members")).stream()
                .map(HostPort::toString).toList();
        ClusterOptions.checked("--bind: ", () -> {
            HostPort.checkLocalAddress(bind.trim());
            return bind;
        });
        String advertised = identity.advertised(port);
        for (Path p : allowClass) {
            if (!Files.isDirectory(p) && !(Files.isRegularFile(p) && Files.isReadable(p))) {
                throw new UsageError("--allow-class " + p + ": no such jar or directory");
            }
        }
        KeyFile.Key key = identity.key();
        MemberPolicy policy = new MemberPolicy(allowCmd, allowClass);
        ClusterMember member = ClusterMember.start(new ClusterMember.MemberOptions(
                new ClusterConfigs.Network(clusterName, bind.trim(), port, advertised, join), threshold, key.auth(), policy,
                MemberCommand::log));
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
                log((e.getMember().isLiteMember() ? "coordinator " : "member ") + e.getMember().getAddress() + " joined");
            }

            @Override
            public void memberRemoved(MembershipEvent e) {
                log((e.getMember().isLiteMember() ? "coordinator " : "member ") + e.getMember().getAddress() + " left");
            }
        });
        System.out.println("corescope member " + card.address() + " (pid " + card.pid() + ", " + Protocol.describeSelf()
                + "), cluster '" + clusterName + "', " + member.clusterSize() + " member(s)");
        System.out.println("threshold: " + card.threshold() + " (" + card.thresholdSource() + "), one worker JVM per slot");
        System.out.println("cluster key: " + key.path() + " (fingerprint " + key.auth().fingerprint() + ")"
                + (key.created() ? " - created now: copy this file (mode 0600) to every machine of the cluster" : ""));
        System.out.println("runs: built-in workloads" + (allowCmd ? ", shell commands (--allow-cmd)" : "")
                + (policy.allowClass() ? ", classes from " + String.join(File.pathSeparator,
                policy.classPaths().stream().map(Path::toString).toList()) : ""));
        if (!card.measured()) {
            System.out.println("warning: the threshold was NOT measured; run 'corescope investigate' on this machine "
                    + "or pass --threshold");
        }
        System.out.println("ready; Ctrl-C to stop");
        System.out.flush();
        stopped.await();
        return 0;
    }

    /** One line of the member's log, on stdout. */
    static synchronized void log(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
