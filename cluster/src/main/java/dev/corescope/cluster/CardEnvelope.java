package dev.corescope.cluster;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.corescope.store.Json;
import java.nio.charset.StandardCharsets;

/**
 * A member card as stored in the members map: the card's exact JSON text, signed with the cluster key
 * over those bytes (so fields a newer corescope adds are covered too, and reading tolerates them). The
 * key's fingerprint, version and protocol are repeated outside the signature only to explain a refusal
 * ("signed with key 1a2b3c4d, ours is 5e6f7a8b"); nothing unsigned is trusted.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CardEnvelope(String card, String key, String version, int protocol, String nonce, long timestamp,
                           String mac) {
    static final String KIND = "card";

    public static CardEnvelope seal(MemberCard card, MessageAuth auth) {
        String json = card.toJson();
        MessageAuth.Seal s = auth.sign(KIND, json.getBytes(StandardCharsets.UTF_8));
        return new CardEnvelope(json, auth.fingerprint(), card.version(), card.protocol(), s.nonce(),
                s.timestampMillis(), s.mac());
    }

    public String toJson() {
        try {
            return Json.LINE.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws IllegalArgumentException when the text is not an envelope */
    public static CardEnvelope fromJson(String json) {
        try {
            CardEnvelope e = Json.MAPPER.readValue(json, CardEnvelope.class);
            if (e.card() == null) {
                throw new IllegalArgumentException("no card in the envelope");
            }
            return e;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable card envelope: " + e.getOriginalMessage(), e);
        }
    }

    MessageAuth.AuthVerdict verify(MessageAuth auth) {
        return auth.verifySignature(KIND, card.getBytes(StandardCharsets.UTF_8),
                new MessageAuth.Seal(nonce, timestamp, mac));
    }
}
