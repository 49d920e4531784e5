package dev.corescope.cluster;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 proof of the cluster's shared key on every message: tasks, clock probes and member cards.
 *
 * <p>The MAC covers canonical bytes of a domain tag, the message kind ({@code task}, {@code clock},
 * {@code card}: a signature of one kind never verifies as another), the content, a random nonce and
 * the signer's wall-clock time in milliseconds. {@link #verify} checks the MAC with a constant-time
 * comparison, then that the timestamp lies within {@code ±window} of this clock, then that the nonce was
 * not seen before. Seen nonces are kept until their timestamp leaves the window, at most
 * {@code replayCapacity} of them: when the cache is full the oldest is evicted and every message not
 * newer than it is refused from then on, so an eviction never re-opens a replay.
 *
 * <p>Member cards are long-lived state that coordinators read again and again: they are checked with
 * {@link #verifySignature} (MAC only, no window, no replay cache).
 */
public final class MessageAuth {
    /** Messages may be this far from the verifier's clock (either way): clocks of the machines must agree. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);
    public static final int DEFAULT_REPLAY_CAPACITY = 200_000;
    private static final String DOMAIN = "corescope-cluster-v1";
    private static final String ALGORITHM = "HmacSHA256";

    /** The proof attached to a message; {@code mac} is null on an unsigned one. */
    public record Seal(String nonce, long timestampMillis, String mac) {
        public boolean present() {
            return nonce != null && mac != null;
        }
    }

    public enum AuthOutcome { OK, UNSIGNED, BAD_SIGNATURE, OUT_OF_WINDOW, REPLAYED }

    /** Result of a check; {@code reason} is one line for a log. */
    public record AuthVerdict(AuthOutcome outcome, String reason) {
        static final AuthVerdict OK = new AuthVerdict(AuthOutcome.OK, "ok");

        public boolean ok() {
            return outcome == AuthOutcome.OK;
        }
    }

    private record Seen(long timestampMillis, String nonce) {
    }

    private final SecretKeySpec key;
    private final String fingerprint;
    private final LongSupplier clockMillis;
    private final long windowMillis;
    private final int replayCapacity;
    private final SecureRandom random = new SecureRandom();
    private final PriorityQueue<Seen> byAge = new PriorityQueue<>((a, b) -> Long.compare(a.timestampMillis, b.timestampMillis));
    private final Set<String> seen = new HashSet<>();
    /** Messages with a timestamp at or below this are refused: their nonces may have been evicted. */
    private long floorMillis = Long.MIN_VALUE;

    public MessageAuth(byte[] key, LongSupplier clockMillis, Duration window, int replayCapacity) {
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("empty key");
        }
        if (replayCapacity < 1) {
            throw new IllegalArgumentException("replay capacity must be positive");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
        this.fingerprint = fingerprintOf(key);
        this.clockMillis = clockMillis;
        this.windowMillis = window.toMillis();
        this.replayCapacity = replayCapacity;
    }

    /** With the system clock, the default window and replay capacity. */
    public MessageAuth(byte[] key) {
        this(key, System::currentTimeMillis, DEFAULT_WINDOW, DEFAULT_REPLAY_CAPACITY);
    }

    /**
     * A short public name of the key: 8 hex digits of an HMAC of a fixed text under the key. Lets two
     * machines see whether they hold the same key without showing it.
     */
    public String fingerprint() {
        return fingerprint;
    }

    public Seal sign(String kind, byte[] content) {
        byte[] n = new byte[16];
        random.nextBytes(n);
        String nonce = HexFormat.of().formatHex(n);
        long now = clockMillis.getAsLong();
        return new Seal(nonce, now, HexFormat.of().formatHex(mac(canonical(kind, content, nonce, now))));
    }

    /** MAC, time window and replay: for messages that must be acted on at most once. */
    public AuthVerdict verify(String kind, byte[] content, Seal seal) {
        AuthVerdict v = verifySignature(kind, content, seal);
        if (!v.ok()) {
            return v;
        }
        long now = clockMillis.getAsLong();
        long skew = seal.timestampMillis() - now;
        if (Math.abs(skew) > windowMillis) {
            return new AuthVerdict(AuthOutcome.OUT_OF_WINDOW, "its timestamp is " + Math.abs(skew) / 1000 + " s "
                    + (skew < 0 ? "old" : "in the future") + " (at most " + windowMillis / 1000
                    + " s allowed: are the machines' clocks synchronised?)");
        }
        synchronized (this) {
            while (!byAge.isEmpty() && byAge.peek().timestampMillis < now - windowMillis) {
                seen.remove(byAge.poll().nonce);
            }
            if (seal.timestampMillis() <= floorMillis) {
                return new AuthVerdict(AuthOutcome.REPLAYED, "it is older than the oldest message this member still remembers "
                        + "(replay cache full)");
            }
            if (!seen.add(seal.nonce())) {
                return new AuthVerdict(AuthOutcome.REPLAYED, "its nonce was seen before (a replayed message)");
            }
            byAge.add(new Seen(seal.timestampMillis(), seal.nonce()));
            while (byAge.size() > replayCapacity) {
                Seen oldest = byAge.poll();
                seen.remove(oldest.nonce);
                floorMillis = Math.max(floorMillis, oldest.timestampMillis);
            }
        }
        return AuthVerdict.OK;
    }

    /** The MAC only (constant-time comparison). */
    public AuthVerdict verifySignature(String kind, byte[] content, Seal seal) {
        if (seal == null || !seal.present()) {
            return new AuthVerdict(AuthOutcome.UNSIGNED, "it is not signed");
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(seal.mac());
        } catch (IllegalArgumentException e) {
            return new AuthVerdict(AuthOutcome.BAD_SIGNATURE, "its signature is malformed");
        }
        byte[] expected = mac(canonical(kind, content, seal.nonce(), seal.timestampMillis()));
        if (!MessageDigest.isEqual(expected, given)) {
            return new AuthVerdict(AuthOutcome.BAD_SIGNATURE, "its signature does not match this key (" + fingerprint
                    + "): signed with another key, or altered");
        }
        return AuthVerdict.OK;
    }

    /** Number of nonces remembered (for tests). */
    synchronized int remembered() {
        return seen.size();
    }

    /**
     * Unambiguous bytes of a message: every variable-length part is length-prefixed, so no two
     * different (kind, content, nonce, time) give the same bytes.
     */
    static byte[] canonical(String kind, byte[] content, String nonce, long timestampMillis) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + content.length);
        try (DataOutputStream d = new DataOutputStream(bytes)) {
            writeBytes(d, DOMAIN.getBytes(StandardCharsets.UTF_8));
            writeBytes(d, kind.getBytes(StandardCharsets.UTF_8));
            writeBytes(d, content);
            writeBytes(d, nonce.getBytes(StandardCharsets.UTF_8));
            d.writeLong(timestampMillis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeBytes(DataOutputStream d, byte[] b) throws IOException {
        d.writeInt(b.length);
        d.write(b);
    }

    private byte[] mac(byte[] data) {
        try {
            Mac m = Mac.getInstance(ALGORITHM);
            m.init(key);
            return m.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable: " + e.getMessage(), e);
        }
    }

    private static String fingerprintOf(byte[] key) {
        try {
            Mac m = Mac.getInstance(ALGORITHM);
            m.init(new SecretKeySpec(key, ALGORITHM));
            byte[] f = m.doFinal("corescope key fingerprint".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(f, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable: " + e.getMessage(), e);
        }
    }
}
