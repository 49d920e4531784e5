package dev.corescope.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corescope.store.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The coordinator's view of invented member cards: which it uses, ignores, or refuses for their version. */
class RosterTest {
    private static final MessageAuth OURS = new MessageAuth("our cluster key, long enough for a key".getBytes(StandardCharsets.UTF_8));
    private static final MessageAuth THEIRS = new MessageAuth("someone else's key, also long enough".getBytes(StandardCharsets.UTF_8));

    static MemberCard card(String uuid, String address, boolean allowCmd, boolean allowClass) {
        return card(uuid, address, Protocol.version(), Protocol.NUMBER, allowCmd, allowClass);
    }

    static MemberCard card(String uuid, String address, String version, int protocol, boolean allowCmd, boolean allowClass) {
        return new MemberCard(uuid, address, 42, "host", 2, "--threshold", true, 4, "key", "CPU", null,
                "2026-12-01T00:00:00Z", version, protocol, allowCmd, allowClass);
    }

    private static Roster.Candidate<String> candidate(String uuid, String address, String envelope) {
        return new Roster.Candidate<>(uuid, uuid, address, envelope);
    }

    private static Roster<String> roster(List<Roster.Candidate<String>> candidates) {
        return Roster.of(candidates, OURS, Protocol.version(), Protocol.NUMBER);
    }

    @Test
    void cardsSignedWithOurKeyAreUsedOthersIgnoredMissingOnesPending() {
        String good = CardEnvelope.seal(card("u1", "10.0.0.1:5701", false, false), OURS).toJson();
        String foreign = CardEnvelope.seal(card("u2", "10.0.0.2:5701", false, false), THEIRS).toJson();
        Roster<String> r = roster(List.of(candidate("u1", "10.0.0.1:5701", good),
                candidate("u2", "10.0.0.2:5701", foreign), candidate("u3", "10.0.0.3:5701", null)));
        assertThat(r.accepted()).extracting(Roster.Accepted::member).containsExactly("u1");
        assertThat(r.accepted().get(0).card().threshold()).isEqualTo(2);
        assertThat(r.ignored()).singleElement().asString().contains("10.0.0.2:5701")
                .contains("not signed with this coordinator's key")
                .contains("card key " + THEIRS.fingerprint()).contains("ours " + OURS.fingerprint());
        assertThat(r.pending()).isEqualTo(1);
        assertThat(r.settled()).isFalse();
    }

    @Test
    void aTamperedOrUnsignedCardIsIgnored() throws Exception {
        CardEnvelope env = CardEnvelope.seal(card("u1", "10.0.0.1:5701", false, false), OURS);
        String raised = env.card().replace("\"threshold\":2", "\"threshold\":64");
        CardEnvelope tampered = new CardEnvelope(raised, env.key(), env.version(), env.protocol(), env.nonce(),
                env.timestamp(), env.mac());
        CardEnvelope unsigned = new CardEnvelope(env.card(), null, env.version(), env.protocol(), null, 0, null);
        Roster<String> r = roster(List.of(candidate("u1", "10.0.0.1:5701", tampered.toJson()),
                candidate("u1", "10.0.0.1:5701", unsigned.toJson()), candidate("u1", "10.0.0.1:5701", "{not json")));
        assertThat(r.accepted()).isEmpty();
        assertThat(r.ignored()).hasSize(3);
        assertThat(r.ignored().get(1)).contains("unsigned");
        assertThat(r.ignored().get(2)).contains("no readable corescope card");
        assertThat(r.settled()).isTrue();
    }

    @Test
    void aGenuineCardCopiedUnderAnotherMembersUuidOrAddressIsIgnored() {
        String good = CardEnvelope.seal(card("u1", "10.0.0.1:5701", false, false), OURS).toJson();
        Roster<String> r = roster(List.of(candidate("evil", "10.0.0.1:5701", good), candidate("u1", "10.6.6.6:5701", good)));
        assertThat(r.accepted()).isEmpty();
        assertThat(r.ignored()).hasSize(2).allMatch(s -> s.contains("belongs to another member"));
    }

    @Test
    void anotherVersionOrProtocolIsAMismatchNamingBoth() {
        String newer = CardEnvelope.seal(card("u1", "10.0.0.1:5701", "9.9.9", Protocol.NUMBER, false, false), OURS).toJson();
        String otherProtocol = CardEnvelope.seal(card("u2", "10.0.0.2:5701", Protocol.version(), Protocol.NUMBER + 1,
                false, false), OURS).toJson();
        Roster<String> r = roster(List.of(candidate("u1", "10.0.0.1:5701", newer),
                candidate("u2", "10.0.0.2:5701", otherProtocol)));
        assertThat(r.accepted()).isEmpty();
        assertThat(r.mismatches()).containsExactly(
                "member 10.0.0.1:5701 runs corescope 9.9.9 (protocol " + Protocol.NUMBER + "), this coordinator "
                        + Protocol.describeSelf() + ": run the same corescope on every machine",
                "member 10.0.0.2:5701 runs corescope " + Protocol.version() + " (protocol " + (Protocol.NUMBER + 1)
                        + "), this coordinator " + Protocol.describeSelf() + ": run the same corescope on every machine");
    }

    @Test
    void aCardWhoseSignatureFormatChangedWithItsProtocolIsStillReportedAsAVersionMismatch() {
        CardEnvelope future = new CardEnvelope("{\"uuid\":\"u1\"}", "abcd0123", "3.0.0", Protocol.NUMBER + 5, "n", 1, "00");
        Roster<String> r = roster(List.of(candidate("u1", "10.0.0.1:5701", future.toJson())));
        assertThat(r.mismatches()).singleElement().asString().contains("corescope 3.0.0 (protocol " + (Protocol.NUMBER + 5));
    }

    @Test
    void unknownFieldsFromANewerCorescopeAreTolerated() throws Exception {
        ObjectNode card = (ObjectNode) Json.MAPPER.readTree(card("u1", "10.0.0.1:5701", true, false).toJson());
        card.put("gpuCount", 8).putObject("futureBlock").put("x", 1);
        String json = Json.LINE.writeValueAsString(card);
        MessageAuth.Seal s = OURS.sign(CardEnvelope.KIND, json.getBytes(StandardCharsets.UTF_8));
        ObjectNode env = (ObjectNode) Json.MAPPER.readTree(new CardEnvelope(json, OURS.fingerprint(), Protocol.version(),
                Protocol.NUMBER, s.nonce(), s.timestampMillis(), s.mac()).toJson());
        env.put("compression", "none");
        Roster<String> r = roster(List.of(candidate("u1", "10.0.0.1:5701", Json.LINE.writeValueAsString(env))));
        assertThat(r.ignored()).isEmpty();
        assertThat(r.accepted()).singleElement().satisfies(a -> assertThat(a.card().allowCmd()).isTrue());
    }
}
