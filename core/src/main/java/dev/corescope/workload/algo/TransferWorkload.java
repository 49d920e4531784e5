package dev.corescope.workload.algo;

import dev.corescope.workload.BuiltIn;
import dev.corescope.workload.SpinWorkload;
import dev.corescope.api.TaskInput;
import dev.corescope.api.TaskOutput;
import dev.corescope.api.Workload;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

/**
 * A task that computes a little and returns a lot: {@code loops} iterations of
 * {@link SpinWorkload#spin} followed by a payload of exactly {@code bytes} bytes, filled
 * deterministically from the seed (an xorshift64 sequence, little-endian). It serves experiments where moving results back costs more than
 * parallel computing saves.
 *
 * <p>Parameters: {@code loops} (default 1,000,000) and {@code bytes} (default 1 MiB). The checksum
 * combines the spin result with {@link #payloadChecksum}, which a receiver can recompute to detect
 * a corrupted payload.
 */
public final class TransferWorkload implements Workload {
    public static final String NAME = "transfer";
    static final long DEFAULT_LOOPS = 1_000_000;
    static final long DEFAULT_BYTES = 1 << 20;
    static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    private final long loops;
    private final int bytes;

    /** Parameters and heap per task: the payload, built in the worker and returned to the coordinator. */
    static BuiltIn info() {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("loops", "spin loops before the payload (default " + DEFAULT_LOOPS + ")");
        params.put("bytes", "payload bytes returned (default " + DEFAULT_BYTES + ")");
        return new BuiltIn(NAME, params, Long.MAX_VALUE, (n, p) -> {
            long bytes = Params.longParam(p, "bytes", DEFAULT_BYTES, 0, MAX_BYTES) + 16;
            return new BuiltIn.TaskMemory(bytes, bytes, "a payload of " + (bytes - 16) + " bytes");
        });
    }

    public TransferWorkload(long loops, int bytes) {
        if (loops < 0 || bytes < 0) {
            throw new IllegalArgumentException("loops and bytes must be >= 0, got " + loops + " and " + bytes);
        }
        this.loops = loops;
        this.bytes = bytes;
    }

    public TransferWorkload(Map<String, String> params) {
        this(Params.longParam(params, "loops", DEFAULT_LOOPS, 0, Long.MAX_VALUE),
                (int) Params.longParam(params, "bytes", DEFAULT_BYTES, 0, MAX_BYTES));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TaskOutput run(TaskInput input) {
        long spin = SpinWorkload.spin(loops, input.seed());
        ByteBuffer payload = payload(bytes, input.seed());
        return new TaskOutput(31 * spin + payloadChecksum(payload), payload);
    }

    /**
     * A read-only buffer of exactly {@code bytes} bytes from an xorshift64 sequence seeded by
     * {@code seed}, written eight bytes at a time.
     */
    static ByteBuffer payload(int bytes, long seed) {
        byte[] data = new byte[bytes];
        long x = new SplittableRandom(seed).nextLong();
        if (x == 0) {
            x = 0x9E3779B97F4A7C15L; // xorshift must not start at zero
        }
        int i = 0;
        // Plain long stores into the array (native order): about twice the speed of ByteBuffer.putLong.
        for (int end = bytes - Long.BYTES; i <= end; i += Long.BYTES) {
            x = xorshift(x);
            LONGS.set(data, i, x);
        }
        x = xorshift(x);
        for (; i < bytes; i++) {
            data[i] = (byte) x;
            x >>>= 8;
        }
        return ByteBuffer.wrap(data).asReadOnlyBuffer();
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /**
     * CRC32C of the bytes between {@code payload}'s position and limit; the buffer's position is left
     * unchanged.
     */
    public static long payloadChecksum(ByteBuffer payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload.duplicate());
        return crc.getValue();
    }

    private static long xorshift(long x) {
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        return x;
    }
}
