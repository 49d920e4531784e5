package dev.corescope.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.corescope.machine.MachineProbe;
import dev.corescope.machine.MachineProfile;
import dev.corescope.store.Json;
import dev.corescope.store.ThresholdCache;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An embedded Hazelcast member that runs corescope tasks: at most {@code threshold} at once (its
 * executor has that many threads, each with its own worker JVM, and coordinators never send more). Every
 * task passes its {@link TaskGate} (signature, replay, {@link MemberPolicy}) before it runs. It publishes
 * its {@link MemberCard}, signed, under its UUID, removes it when closed, and removes the cards of members
 * that leave.
 */
public final class ClusterMember implements AutoCloseable {
    /** Where a member's threshold comes from. */
    public record Threshold(int value, String source, boolean measured) {
    }

    /**
     * How to start a member.
     *
     * @param threshold explicit {@code --threshold}, or null for the cached verdict / processor count
     * @param log       receives one line per event worth logging (dropped and refused messages, kills)
     */
    public record MemberOptions(ClusterConfigs.Network network, Integer threshold, MessageAuth auth, MemberPolicy policy,
                          Consumer<String> log) {
    }

    private final HazelcastInstance hz;
    private final MemberCard card;
    private final WorkerSlots slots;

    private ClusterMember(HazelcastInstance hz, MemberCard card, WorkerSlots slots) {
        this.hz = hz;
        this.card = card;
        this.slots = slots;
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

    public static ClusterMember start(MemberOptions o) {
        MachineProfile profile = null;
        try {
            profile = MachineProbe.probe();
        } catch (RuntimeException | LinkageError e) {
            // the card then says the profile is unknown
        }
        Threshold t = threshold(o.threshold(), profile, ThresholdCache.defaultCache());
        WorkerSlots slots = new WorkerSlots(t.value(), o.log());
        HazelcastInstance hz;
        try {
            slots.start();
            TaskGate gate = new TaskGate(o.auth(), o.policy(), slots, o.log());
            hz = Hazelcast.newHazelcastInstance(ClusterConfigs.member(o.network(), t.value(), gate));
        } catch (RuntimeException e) {
            slots.close();
            throw e;
        }
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
                profile == null ? null : profile.cpuModel(), profileJson, Instant.now().toString(),
                Protocol.version(), Protocol.NUMBER, o.policy().allowCmd(), o.policy().allowClass());
        hz.<String, String>getMap(ClusterConfigs.MEMBERS_MAP).set(card.uuid(), CardEnvelope.seal(card, o.auth()).toJson());
        hz.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent e) {
            }

            @Override
            public void memberRemoved(MembershipEvent e) { // a member that was killed cannot remove its own card
                try {
                    hz.<String, String>getMap(ClusterConfigs.MEMBERS_MAP).removeAsync(e.getMember().getUuid().toString());
                } catch (RuntimeException ignored) {
                    // shutting down
                }
            }
        });
        return new ClusterMember(hz, card, slots);
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
        slots.close();
    }
}
