package dev.corescope.cli;

import dev.corescope.cluster.ClusterConfigs;
import dev.corescope.cluster.HostPort;
import dev.corescope.cluster.KeyFile;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * What a coordinator ({@link ClusterOptions}) and a member ({@code corescope member}) both say about their
 * cluster: its name, its key, and the address the others reach this process on when it is not the bound one.
 * Each value is checked where the command asks for it, a bad one a one-line error (exit 2).
 */
public final class ClusterIdentityOptions {
    @Option(names = "--cluster-name", paramLabel = "NAME", defaultValue = ClusterConfigs.DEFAULT_CLUSTER_NAME,
            description = "Cluster name; members and coordinators must agree. Default: ${DEFAULT-VALUE}.")
    String clusterName;

    @Option(names = "--advertise", paramLabel = "HOST[:PORT]",
            description = "Address the others reach this process on, when it is not the bound one (NAT, tunnel).")
    String advertise;

    @Option(names = "--secret-file", paramLabel = "FILE",
            description = "Cluster key (default: $CORESCOPE_HOME/cluster.key, else ~/.corescope/cluster.key, created "
                    + "on first use). Every member and coordinator needs the same key.")
    Path secretFile;

    String clusterName() {
        if (clusterName == null || clusterName.isBlank()) {
            throw new UsageError("--cluster-name must not be empty");
        }
        return clusterName;
    }

    /** {@code --advertise} trimmed and checked (its port defaults to {@code port}), or null when not given. */
    String advertised(int port) {
        String advertised = advertise == null ? null : advertise.trim();
        if (advertised != null) {
            ClusterOptions.checked("--advertise: ", () -> HostPort.parse(advertised, port));
        }
        return advertised;
    }

    /** The cluster key, read (or created) from {@code --secret-file} or the default file. */
    KeyFile.Key key() {
        return ClusterOptions.checked("", () -> KeyFile.load(secretFile));
    }
}
