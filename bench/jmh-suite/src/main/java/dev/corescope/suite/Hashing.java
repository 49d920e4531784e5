package dev.corescope.suite;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.zip.CRC32;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Hashing a buffer: SHA-256 (the JDK's provider), CRC-32 (an intrinsic), 64-bit FNV-1a and a MurmurHash3-style
 * mix of 8-byte words. Throughput, in operations per second; the largest buffer (256 KiB) still fits the core's L2.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
public class Hashing {
    @Param({"64", "4096", "262144"})
    public int bytes;

    private byte[] data;
    private MessageDigest sha;

    @Setup
    public void setUp() throws NoSuchAlgorithmException {
        data = Inputs.bytes(bytes, 3);
        sha = MessageDigest.getInstance("SHA-256");
    }

    @Benchmark
    public byte[] sha256() {
        return sha.digest(data);
    }

    @Benchmark
    public long crc32() {
        CRC32 c = new CRC32();
        c.update(data, 0, data.length);
        return c.getValue();
    }

    @Benchmark
    public long fnv1a() {
        long h = 0xcbf29ce484222325L;
        for (byte x : data) {
            h ^= x & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    @Benchmark
    public long murmurMix() {
        long h = 0x9e3779b97f4a7c15L ^ data.length;
        int i = 0;
        for (; i + 8 <= data.length; i += 8) {
            long k = (data[i] & 0xffL) | (data[i + 1] & 0xffL) << 8 | (data[i + 2] & 0xffL) << 16
                    | (data[i + 3] & 0xffL) << 24 | (data[i + 4] & 0xffL) << 32 | (data[i + 5] & 0xffL) << 40
                    | (data[i + 6] & 0xffL) << 48 | (data[i + 7] & 0xffL) << 56;
            k *= 0x87c37b91114253d5L;
            k = Long.rotateLeft(k, 31);
            k *= 0x4cf5ad432745937fL;
            h ^= k;
            h = Long.rotateLeft(h, 27) * 5 + 0x52dce729;
        }
        for (; i < data.length; i++) {
            h ^= (data[i] & 0xffL) * 0x87c37b91114253d5L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
