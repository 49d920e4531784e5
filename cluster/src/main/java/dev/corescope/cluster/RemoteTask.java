package dev.corescope.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * One task sent to a member: the workload spec as text, the {@link TaskInput} fields and the task
 * timeout, no code, signed with the cluster key ({@link MessageAuth}, kind {@value #KIND}). On the member
 * it hands itself to the member's {@link TaskGate} (found in the Hazelcast user context), which checks
 * the protocol, the signature, the time window and replay, and the member's {@link MemberPolicy} before
 * anything runs; an instance that is not a corescope member refuses it.
 */
public final class RemoteTask implements Callable<RemoteResult>, Serializable, HazelcastInstanceAware {
    private static final long serialVersionUID = 2L;
    static final String KIND = "task";

    private final int protocol;
    private final String spec;
    private final int index;
    private final long size;
    private final long seed;
    private final long timeoutMillis;
    private final String nonce;
    private final long timestamp;
    private final String mac;
    private transient HazelcastInstance instance;

    RemoteTask(int protocol, String spec, int index, long size, long seed, long timeoutMillis, MessageAuth.Seal seal) {
        this.protocol = protocol;
        this.spec = spec;
        this.index = index;
        this.size = size;
        this.seed = seed;
        this.timeoutMillis = timeoutMillis;
        this.nonce = seal == null ? null : seal.nonce();
        this.timestamp = seal == null ? 0 : seal.timestampMillis();
        this.mac = seal == null ? null : seal.mac();
    }

    /** A task signed with {@code auth}; {@code timeout} null or zero = none. */
    static RemoteTask signed(WorkloadSpec spec, TaskInput input, Duration timeout, MessageAuth auth) {
        long t = timeout == null ? 0 : timeout.toMillis();
        byte[] content = content(Protocol.NUMBER, spec.text(), input.index(), input.size(), input.seed(), t);
        return new RemoteTask(Protocol.NUMBER, spec.text(), input.index(), input.size(), input.seed(), t,
                auth.sign(KIND, content));
    }

    /** The bytes the signature covers. */
    static byte[] content(int protocol, String spec, int index, long size, long seed, long timeoutMillis) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        try (DataOutputStream d = new DataOutputStream(b)) {
            d.writeInt(protocol);
            d.writeUTF(spec == null ? "" : spec);
            d.writeInt(index);
            d.writeLong(size);
            d.writeLong(seed);
            d.writeLong(timeoutMillis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    byte[] content() {
        return content(protocol, spec, index, size, seed, timeoutMillis);
    }

    MessageAuth.Seal seal() {
        return new MessageAuth.Seal(nonce, timestamp, mac);
    }

    int protocol() {
        return protocol;
    }

    String spec() {
        return spec;
    }

    TaskInput input() {
        return new TaskInput(index, size, seed);
    }

    int index() {
        return index;
    }

    /** Null when the coordinator set none. */
    Duration timeout() {
        return timeoutMillis > 0 ? Duration.ofMillis(timeoutMillis) : null;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hz) {
        this.instance = hz;
    }

    @Override
    public RemoteResult call() {
        TaskGate gate = TaskGate.of(instance);
        if (gate == null) {
            return RemoteResult.refused("this Hazelcast instance is not a corescope member");
        }
        return gate.run(this);
    }

    @Override
    public String toString() {
        return "RemoteTask[" + index + ": " + spec + "]";
    }
}
