package dev.corescope.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.corescope.experiment.ThresholdCache;
import dev.corescope.machine.MachineProbe;
import dev.corescope.machine.MachineProfile;
import dev.corescope.report.Json;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An embedded Hazelcast member that runs corescope tasks: at most {@code threshold} at once (its
 * executor has that many threads, and coordinators never send more). It publishes its
 * {@link MemberCard} under its UUID and removes it when closed.
 */
public final class ClusterMember implements AutoCloseable {
    /** Where a member's threshold comes from. */
    public record Threshold(int value, String source, boolean measured) {
    }

    private final HazelcastInstance hz;
    private final MemberCard card;

    private ClusterMember(HazelcastInstance hz, MemberCard card) {
        this.hz = hz;
        this.card = card;
    }

    /** {@code --threshold N}, else this machine's cached verdict, else the processor count (not measured). */
    public static Threshold threshold(Integer explicit, MachineProfile profile, ThresholdCache cache) {
        if (explicit != null) {
            return new Threshold(explicit, "--threshold", true);
        }
        if (profile != null) {
            Optional<ThresholdCache.Entry> e = cache.lookup(profile.key());
            if (e.isPresent()) {
                return new Threshold(e.get().threshold(), "cache (" + cache.file() + ", " + e.get().measuredAt() + ")", true);
            }
        }
        return new Threshold(Runtime.getRuntime().availableProcessors(), "not measured (available processors)", false);
    }

    public static ClusterMember start(String clusterName, String bind, int port, List<String> members,
                                      Integer explicitThreshold) {
        MachineProfile profile = null;
        try {
            profile = MachineProbe.probe();
        } catch (RuntimeException | LinkageError e) {
            // the card then says the profile is unknown
        }
        Threshold t = threshold(explicitThreshold, profile, ThresholdCache.defaultCache());
        HazelcastInstance hz = Hazelcast.newHazelcastInstance(
                ClusterConfigs.member(clusterName, bind, port, members, t.value()));
        Member self = hz.getCluster().getLocalMember();
        String profileJson = null;
        if (profile != null) {
            try {
                profileJson = Json.LINE.writeValueAsString(profile);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // leave it out
            }
        }
        MemberCard card = new MemberCard(self.getUuid().toString(),
                self.getAddress().getHost() + ":" + self.getAddress().getPort(), ProcessHandle.current().pid(),
                profile == null ? null : profile.hostname(), t.value(), t.source(), t.measured(),
                Runtime.getRuntime().availableProcessors(), profile == null ? null : profile.key(),
                profile == null ? null : profile.cpuModel(), profileJson, Instant.now().toString());
        hz.<String, String>getMap(ClusterConfigs.MEMBERS_MAP).set(card.uuid(), card.toJson());
        return new ClusterMember(hz, card);
    }

    public MemberCard card() {
        return card;
    }

    public HazelcastInstance instance() {
        return hz;
    }

    public int clusterSize() {
        return (int) hz.getCluster().getMembers().stream().filter(m -> !m.isLiteMember()).count();
    }

    @Override
    public void close() {
        try {
            if (hz.getLifecycleService().isRunning()) {
                hz.<String, String>getMap(ClusterConfigs.MEMBERS_MAP).remove(card.uuid());
            }
        } catch (RuntimeException e) {
            // the cluster is going away anyway
        }
        hz.shutdown();
    }
}
