package dev.corescope.cli;

import dev.corescope.cluster.ClusterWorkerPool;
import dev.corescope.cluster.HostPort;
import dev.corescope.cluster.KeyFile;
import dev.corescope.workload.WorkloadSpec;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The coordinator side of a cluster run ({@code sweep}, {@code assess}): which members, the cluster
 * name, the address the members connect back to, and the cluster key. Every value is checked, and the
 * key read, before anything joins a cluster: bad input is a one-line error and exit code 2.
 */
public final class ClusterOptions {
    @Option(names = "--cluster", paramLabel = "HOST:PORT,...",
            description = "Run on the members of a corescope cluster ('corescope member') instead of this machine, "
                    + "each up to its own threshold ('sweep': --max defaults to the sum of their thresholds).")
    List<String> cluster;

    @picocli.CommandLine.Mixin
    ClusterIdentityOptions identity;

    @Option(names = "--bind", paramLabel = "ADDRESS[:PORT]",
            description = "Local address (and port) this coordinator listens on; the members connect back to it. "
                    + "Default: 127.0.0.1 when the members are on loopback, else the address that routes to them; "
                    + "any free port.")
    String bind;


    /**
     * Checks the options and reads the key.
     *
     * @throws UsageError with one line on any bad value
     */
    dev.corescope.cluster.CoordinatorOptions options(Duration taskTimeout) {
        if (cluster == null) {
            if (bind != null || identity.advertise != null || identity.secretFile != null) {
                throw new UsageError("--bind, --advertise and --secret-file apply only with --cluster");
            }
            return null;
        }
        List<HostPort> members = checked("", () -> HostPort.parseList(cluster, "--cluster"));
        if (members.isEmpty()) {
            throw new UsageError("--cluster needs at least one HOST:PORT of a member");
        }
        String clusterName = identity.clusterName();
        String address;
        int port = 0;
        if (bind != null) {
            String b = bind.trim();
            int colon = b.indexOf(':');
            address = colon < 0 ? b : b.substring(0, colon);
            if (colon >= 0) {
                port = parsePort(b.substring(colon + 1));
                if (port < 0 || port > 65535) {
                    throw new UsageError("--bind " + bind + ": the port must be 0 (any free port) to 65535");
                }
            }
            checked("--bind: ", () -> {
                HostPort.checkLocalAddress(address);
                return address;
            });
        } else {
            address = checked("", () -> HostPort.defaultBind(members));
        }
        String advertised = identity.advertised(1); // host and port checked; Hazelcast takes the text
        KeyFile.Key key = identity.key();
        if (key.created()) {
            System.err.println("corescope: created a new cluster key " + key.path()
                    + " (mode 0600); members need the same file, see docs/cluster.md");
        }
        return dev.corescope.cluster.CoordinatorOptions.of(members.stream().map(HostPort::toString).toList())
                .withClusterName(clusterName).withBind(address, port).withAdvertise(advertised)
                .withTaskTimeout(taskTimeout).withKey(key);
    }

    /** Runs a check, turning its {@link IllegalArgumentException} into a usage error (exit 2). */
    static <T> T checked(String prefix, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw new UsageError(prefix + Main.firstLine(e.getMessage()));
        }
    }

    private static int parsePort(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Connects to the cluster when {@code --cluster} was given (null otherwise), after checking every
     * option, and checks that the members accept {@code specs} ({@code --cmd} and {@code --class} need
     * members started with {@code --allow-cmd} / {@code --allow-class}).
     *
     * @throws UsageError on bad options, or when members would refuse the workload (naming them and why)
     */
    ClusterWorkerPool connect(Duration taskTimeout, List<WorkloadSpec> specs) {
        dev.corescope.cluster.CoordinatorOptions o = options(taskTimeout);
        if (o == null) {
            return null;
        }
        ClusterWorkerPool pool = ClusterWorkerPool.connect(o);
        List<String> refusals = pool.refusals(specs);
        if (!refusals.isEmpty()) {
            pool.close();
            throw new UsageError(String.join("; ", refusals));
        }
        return pool;
    }
}
