package dev.corescope.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * What a coordinator makes of the cards of the data members it sees: the members it may use (card
 * signed with its key, card of that very member, same corescope version and protocol), the ones it
 * ignores (unverifiable or foreign cards: anyone who can reach the port can join a Hazelcast cluster and
 * write to its maps), the ones whose version differs, and how many have no card yet. No Hazelcast here.
 *
 * @param <M> the coordinator's handle of a member
 */
public final class Roster<M> {
    /** A data member as seen in the cluster view, with the raw envelope stored under its UUID (null if none yet). */
    public record Candidate<M>(M member, String uuid, String address, String envelope) {
    }

    public record Accepted<M>(M member, MemberCard card) {
    }

    private final List<Accepted<M>> accepted = new ArrayList<>();
    private final List<String> ignored = new ArrayList<>();
    private final List<String> mismatches = new ArrayList<>();
    private int pending;

    private Roster() {
    }

    public static <M> Roster<M> of(List<Candidate<M>> candidates, MessageAuth auth, String version, int protocol) {
        Roster<M> r = new Roster<>();
        for (Candidate<M> c : candidates) {
            r.add(c, auth, version, protocol);
        }
        return r;
    }

    private void add(Candidate<M> c, MessageAuth auth, String version, int protocol) {
        if (c.envelope() == null) {
            pending++;
            return;
        }
        CardEnvelope env;
        try {
            env = CardEnvelope.fromJson(c.envelope());
        } catch (IllegalArgumentException e) {
            ignored.add("member " + c.address() + " has no readable corescope card (" + e.getMessage() + ")");
            return;
        }
        if (!env.verify(auth).ok()) {
            if (env.protocol() != protocol) { // unsigned claim, used only to explain the refusal
                mismatches.add(mismatch(c.address(), env.version(), env.protocol(), version, protocol));
            } else {
                ignored.add("member " + c.address() + ": its card is not signed with this coordinator's key ("
                        + (env.key() == null ? "unsigned" : "card key " + env.key()) + ", ours " + auth.fingerprint() + ")");
            }
            return;
        }
        MemberCard card;
        try {
            card = MemberCard.fromJson(env.card());
        } catch (IllegalArgumentException e) {
            ignored.add("member " + c.address() + ": " + e.getMessage());
            return;
        }
        if (!c.uuid().equals(card.uuid()) || !c.address().equals(card.address())) {
            ignored.add("member " + c.address() + ": its card belongs to another member (" + card.address() + ")");
            return;
        }
        if (card.protocol() != protocol || !version.equals(card.version())) {
            mismatches.add(mismatch(c.address(), card.version(), card.protocol(), version, protocol));
            return;
        }
        accepted.add(new Accepted<>(c.member(), card));
    }

    private static String mismatch(String address, String theirVersion, int theirProtocol, String version, int protocol) {
        return "member " + address + " runs " + Protocol.describe(theirVersion, theirProtocol) + ", this coordinator "
                + Protocol.describe(version, protocol) + ": run the same corescope on every machine";
    }

    public List<Accepted<M>> accepted() {
        return List.copyOf(accepted);
    }

    public List<String> ignored() {
        return List.copyOf(ignored);
    }

    public List<String> mismatches() {
        return List.copyOf(mismatches);
    }

    /** Members without a card yet (starting, or not corescope). */
    public int pending() {
        return pending;
    }

    /** Every member seen has a card, good or bad. */
    public boolean settled() {
        return pending == 0;
    }
}
