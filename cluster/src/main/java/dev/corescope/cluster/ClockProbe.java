package dev.corescope.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.concurrent.Callable;

/**
 * Returns the member's {@link System#nanoTime()}: the coordinator maps member clocks onto its own with
 * it. Signed like a task (kind {@value #KIND}); a member answers an unsigned or wrongly signed probe
 * with a {@link SecurityException}.
 */
public final class ClockProbe implements Callable<Long>, Serializable, HazelcastInstanceAware {
    private static final long serialVersionUID = 2L;
    static final String KIND = "clock";

    private final int protocol;
    private final String nonce;
    private final long timestamp;
    private final String mac;
    private transient HazelcastInstance instance;

    ClockProbe(int protocol, MessageAuth.Seal seal) {
        this.protocol = protocol;
        this.nonce = seal == null ? null : seal.nonce();
        this.timestamp = seal == null ? 0 : seal.timestampMillis();
        this.mac = seal == null ? null : seal.mac();
    }

    static ClockProbe signed(MessageAuth auth) {
        return new ClockProbe(Protocol.NUMBER, auth.sign(KIND, content(Protocol.NUMBER)));
    }

    static byte[] content(int protocol) {
        return ByteBuffer.allocate(4).putInt(protocol).array();
    }

    byte[] content() {
        return content(protocol);
    }

    int protocol() {
        return protocol;
    }

    MessageAuth.Seal seal() {
        return new MessageAuth.Seal(nonce, timestamp, mac);
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hz) {
        this.instance = hz;
    }

    @Override
    public Long call() {
        TaskGate gate = TaskGate.of(instance);
        if (gate == null) {
            throw new SecurityException("this Hazelcast instance is not a corescope member");
        }
        return gate.clock(this);
    }
}
