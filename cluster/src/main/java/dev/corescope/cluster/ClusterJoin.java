package dev.corescope.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.map.IMap;
import dev.corescope.exec.ClockSync;
import dev.corescope.exec.WorkerStartException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How a coordinator joins a cluster: as a <em>lite member</em> (no partitions, runs no tasks), not as a
 * client, so that it shares the members' view of the cluster (a member that leaves fails the invocations
 * sent to it at once) and is configured by the same hardened {@link ClusterConfigs}; it listens on an
 * ephemeral port of the bind address. It then waits for the members' {@link MemberCard}s, keeps the
 * members whose card is signed with its key and whose version and protocol are its own ({@link Roster}),
 * and syncs with each one's clock ({@link ClockSync} over signed {@link ClockProbe}s).
 */
final class ClusterJoin {
    private static final int PINGS = 5;

    private ClusterJoin() {
    }

    /** A member as the coordinator knows it: slot order index, Hazelcast member, card and clock. */
    record Node(int index, Member member, MemberCard card, ClockSync clock) {
        String name() {
            return "node-" + (index + 1);
        }

        /** e.g. {@code node-2@10.0.0.2:5701}. */
        String label() {
            return name() + "@" + card.address();
        }
    }

    /** The joined instance, the members it kept (in slot order), how long joining took, and what it ignored. */
    record Joined(HazelcastInstance hz, List<Node> nodes, long joinNanos, MessageAuth auth, List<String> events) {
    }

    /**
     * Joins the cluster as a lite member and reads the members' cards and clocks.
     *
     * @throws WorkerStartException when no member with a card answers within the join timeout
     */
    static Joined join(CoordinatorOptions o) {
        if (o.members().isEmpty()) {
            throw new IllegalArgumentException("no cluster member address given");
        }
        KeyFile.Key key = o.key() != null ? o.key() : KeyFile.load(null);
        MessageAuth auth = key.auth();
        long t0 = System.nanoTime();
        HazelcastInstance hz;
        try {
            hz = Hazelcast.newHazelcastInstance(ClusterConfigs.coordinator(new ClusterConfigs.Network(o.clusterName(),
                    o.bindAddress(), o.port(), o.advertise(), o.members())));
        } catch (RuntimeException e) {
            throw new WorkerStartException("cannot join the cluster at " + String.join(",", o.members()) + ": "
                    + e.getMessage(), e);
        }
        try {
            List<String> startEvents = new ArrayList<>();
            Map<Member, MemberCard> cards = awaitCards(hz, o, auth, key, startEvents);
            long joinNanos = System.nanoTime() - t0;
            IExecutorService exec = hz.getExecutorService(ClusterConfigs.EXECUTOR);
            List<Node> nodes = new ArrayList<>();
            for (Map.Entry<Member, MemberCard> e : cards.entrySet()) {
                nodes.add(new Node(nodes.size(), e.getKey(), e.getValue(), syncClock(exec, e.getKey(), auth)));
            }
            return new Joined(hz, nodes, joinNanos, auth, startEvents);
        } catch (RuntimeException e) {
            hz.shutdown();
            throw e;
        }
    }

    /**
     * Waits until every data member in view has a card (or the join timeout), then keeps the members
     * whose card this coordinator can verify ({@link Roster}).
     *
     * @throws WorkerStartException when a member runs another version, or no member has a verifiable card
     */
    private static Map<Member, MemberCard> awaitCards(HazelcastInstance hz, CoordinatorOptions o, MessageAuth auth, KeyFile.Key key,
                                                      List<String> startEvents) {
        IMap<String, String> map = hz.getMap(ClusterConfigs.MEMBERS_MAP);
        long deadline = System.nanoTime() + o.joinTimeout().toNanos();
        while (true) {
            List<Member> data = hz.getCluster().getMembers().stream().filter(m -> !m.isLiteMember()).toList();
            List<Roster.Candidate<Member>> candidates = new ArrayList<>();
            for (Member m : data) {
                candidates.add(new Roster.Candidate<>(m, m.getUuid().toString(),
                        m.getAddress().getHost() + ":" + m.getAddress().getPort(), map.get(m.getUuid().toString())));
            }
            Roster<Member> roster = Roster.of(candidates, auth, Protocol.version(), Protocol.NUMBER);
            boolean timedOut = System.nanoTime() > deadline;
            if (!data.isEmpty() && roster.settled() && data.size() >= o.members().size() || timedOut) {
                if (!roster.mismatches().isEmpty()) {
                    throw new WorkerStartException(roster.mismatches().get(0)
                            + (roster.mismatches().size() > 1 ? " (and " + (roster.mismatches().size() - 1) + " more)" : ""),
                            null);
                }
                if (roster.accepted().isEmpty()) {
                    if (!roster.ignored().isEmpty()) {
                        throw new WorkerStartException(roster.ignored().size() + " member(s) answered at "
                                + String.join(",", o.members()) + " but none has a card signed with this coordinator's key "
                                + key.path() + " (fingerprint " + auth.fingerprint() + "): copy the members' cluster.key "
                                + "here or pass --secret-file; nothing was run", null);
                    }
                    throw new WorkerStartException("no corescope member answered at " + String.join(",", o.members())
                            + " (cluster name '" + o.clusterName() + "') within " + o.joinTimeout().toSeconds()
                            + " s; start them with 'corescope member'", null);
                }
                roster.ignored().forEach(why -> startEvents.add("ignored " + why));
                if (timedOut && (roster.pending() > 0 || data.size() < o.members().size())) {
                    startEvents.add("only " + roster.accepted().size() + " member(s) with a corescope card answered within "
                            + o.joinTimeout().toSeconds() + " s (" + o.members().size() + " address(es) given, "
                            + data.size() + " data member(s) in the cluster); running on those");
                }
                Map<Member, MemberCard> cards = new LinkedHashMap<>();
                roster.accepted().forEach(a -> cards.put(a.member(), a.card()));
                return cards;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WorkerStartException("interrupted while joining the cluster", e);
            }
        }
    }

    /** The member's clock against ours ({@link ClockSync}): a few signed {@link ClockProbe}s. */
    private static ClockSync syncClock(IExecutorService exec, Member m, MessageAuth auth) {
        return ClockSync.measure(PINGS, () -> {
            try {
                return exec.submitToMember(ClockProbe.signed(auth), m).get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WorkerStartException("interrupted while syncing clocks", e);
            } catch (ExecutionException e) {
                Throwable cause = ClusterDispatch.unwrap(e);
                throw new WorkerStartException("member " + m.getAddress() + " did not answer a clock probe: "
                        + (cause instanceof SecurityException ? cause.getMessage() : cause.toString()), e);
            } catch (TimeoutException e) {
                throw new WorkerStartException("member " + m.getAddress() + " did not answer a clock probe within 30 s", e);
            }
        });
    }
}
