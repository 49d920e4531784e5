package dev.corescope.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Signing and checking invented messages, on an injected clock. */
class MessageAuthTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8);
    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);

    private MessageAuth auth(byte[] key, int capacity) {
        return new MessageAuth(key, now::get, Duration.ofMinutes(5), capacity);
    }

    /** The same text with its first character changed. */
    private static String flip(String s) {
        return (s.charAt(0) == 'a' ? 'b' : 'a') + s.substring(1);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSignedMessageVerifiesOnceAndIsThenAReplay() {
        MessageAuth signer = auth(KEY, 100);
        MessageAuth member = auth(KEY, 100);
        MessageAuth.Seal seal = signer.sign("task", bytes("spin loops=10|3|0|42"));
        assertThat(member.verify("task", bytes("spin loops=10|3|0|42"), seal).ok()).isTrue();
        MessageAuth.AuthVerdict again = member.verify("task", bytes("spin loops=10|3|0|42"), seal);
        assertThat(again.outcome()).isEqualTo(MessageAuth.AuthOutcome.REPLAYED);
        assertThat(again.reason()).contains("seen before");
    }

    @Test
    void anyChangeOrAnotherKeyBreaksTheSignature() {
        MessageAuth signer = auth(KEY, 100);
        MessageAuth member = auth(KEY, 100);
        MessageAuth.Seal seal = signer.sign("task", bytes("empty"));
        assertThat(member.verify("task", bytes("emptY"), seal).outcome()).isEqualTo(MessageAuth.AuthOutcome.BAD_SIGNATURE);
        assertThat(member.verify("clock", bytes("empty"), seal).outcome())
                .as("a signature of one kind never verifies as another").isEqualTo(MessageAuth.AuthOutcome.BAD_SIGNATURE);
        assertThat(member.verify("task", bytes("empty"), new MessageAuth.Seal(flip(seal.nonce()),
                seal.timestampMillis(), seal.mac())).outcome()).isEqualTo(MessageAuth.AuthOutcome.BAD_SIGNATURE);
        assertThat(member.verify("task", bytes("empty"), new MessageAuth.Seal(seal.nonce(), seal.timestampMillis() + 1,
                seal.mac())).outcome()).isEqualTo(MessageAuth.AuthOutcome.BAD_SIGNATURE);
        assertThat(member.verify("task", bytes("empty"), new MessageAuth.Seal(seal.nonce(), seal.timestampMillis(),
                "not hex")).outcome()).isEqualTo(MessageAuth.AuthOutcome.BAD_SIGNATURE);
        MessageAuth.AuthVerdict foreign = auth(OTHER_KEY, 100).verify("task", bytes("empty"), seal);
        assertThat(foreign.outcome()).isEqualTo(MessageAuth.AuthOutcome.BAD_SIGNATURE);
        assertThat(foreign.reason()).contains("does not match this key");
        // and the failed attempts did not use up the nonce: the genuine message still verifies once
        assertThat(member.verify("task", bytes("empty"), seal).ok()).isTrue();
    }

    @Test
    void unsignedMessagesAreRefused() {
        MessageAuth member = auth(KEY, 100);
        assertThat(member.verify("task", bytes("x"), null).outcome()).isEqualTo(MessageAuth.AuthOutcome.UNSIGNED);
        assertThat(member.verify("task", bytes("x"), new MessageAuth.Seal(null, now.get(), null)).outcome())
                .isEqualTo(MessageAuth.AuthOutcome.UNSIGNED);
    }

    @Test
    void messagesOutsideTheTimeWindowAreRefusedEitherWay() {
        MessageAuth signer = auth(KEY, 100);
        MessageAuth member = auth(KEY, 100);
        MessageAuth.Seal old = signer.sign("task", bytes("x"));
        now.addAndGet(Duration.ofMinutes(5).plusSeconds(1).toMillis());
        MessageAuth.AuthVerdict late = member.verify("task", bytes("x"), old);
        assertThat(late.outcome()).isEqualTo(MessageAuth.AuthOutcome.OUT_OF_WINDOW);
        assertThat(late.reason()).contains("301 s old").contains("clocks");
        MessageAuth.Seal future = signer.sign("task", bytes("x"));
        now.addAndGet(-Duration.ofMinutes(6).toMillis());
        assertThat(member.verify("task", bytes("x"), future).reason()).contains("in the future");
        now.addAndGet(Duration.ofMinutes(2).toMillis()); // 4 min ahead of the member: within the window
        MessageAuth.Seal fresh = signer.sign("task", bytes("y"));
        now.addAndGet(-Duration.ofMinutes(4).toMillis());
        assertThat(member.verify("task", bytes("y"), fresh).ok()).isTrue();
    }

    @Test
    void theReplayCacheForgetsNoncesOnlyOnceTheirWindowHasPassed() {
        MessageAuth signer = auth(KEY, 1000);
        MessageAuth member = auth(KEY, 1000);
        for (int i = 0; i < 50; i++) {
            assertThat(member.verify("task", bytes("t" + i), signer.sign("task", bytes("t" + i))).ok()).isTrue();
        }
        assertThat(member.remembered()).isEqualTo(50);
        now.addAndGet(Duration.ofMinutes(6).toMillis());
        MessageAuth.Seal next = signer.sign("task", bytes("n"));
        assertThat(member.verify("task", bytes("n"), next).ok()).isTrue();
        assertThat(member.remembered()).as("the 50 old nonces are outside the window: dropped").isEqualTo(1);
    }

    @Test
    void aFullReplayCacheRefusesWhatItCanNoLongerRememberInsteadOfForgettingIt() {
        MessageAuth signer = auth(KEY, 100);
        MessageAuth member = auth(KEY, 3);
        MessageAuth.Seal first = signer.sign("task", bytes("a"));
        assertThat(member.verify("task", bytes("a"), first).ok()).isTrue();
        now.addAndGet(1000);
        MessageAuth.Seal delayed = signer.sign("task", bytes("d")); // signed now, delivered later
        for (int i = 0; i < 3; i++) {
            now.addAndGet(1000);
            assertThat(member.verify("task", bytes("b" + i), signer.sign("task", bytes("b" + i))).ok()).isTrue();
        }
        assertThat(member.remembered()).isEqualTo(3);
        // "a" was evicted: replaying it must still fail, as must anything as old as the evicted entries
        assertThat(member.verify("task", bytes("a"), first).outcome()).isEqualTo(MessageAuth.AuthOutcome.REPLAYED);
        assertThat(member.verify("task", bytes("d"), delayed).ok()).as("newer than the evicted nonce").isTrue();
        now.addAndGet(1000);
        assertThat(member.verify("task", bytes("c"), signer.sign("task", bytes("c"))).ok()).isTrue();
    }

    @Test
    void fingerprintsNameTheKeyWithoutShowingIt() {
        assertThat(auth(KEY, 1).fingerprint()).hasSize(8).isEqualTo(auth(KEY, 1).fingerprint())
                .isNotEqualTo(auth(OTHER_KEY, 1).fingerprint());
        assertThat(new String(KEY, StandardCharsets.UTF_8)).doesNotContain(auth(KEY, 1).fingerprint());
    }

    @Test
    void canonicalBytesAreUnambiguous() {
        assertThat(MessageAuth.canonical("ta", bytes("sk"), "n", 1))
                .isNotEqualTo(MessageAuth.canonical("t", bytes("ask"), "n", 1));
        assertThat(MessageAuth.canonical("task", bytes("x"), "ab", 1))
                .isNotEqualTo(MessageAuth.canonical("task", bytes("xa"), "b", 1));
    }
}
