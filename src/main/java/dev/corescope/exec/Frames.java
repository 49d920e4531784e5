package dev.corescope.exec;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The coordinator ↔ worker-JVM protocol over stdin/stdout. Every message is a frame:
 * {@code int length, byte type, body[length-1]}. A result frame is followed by its payload as raw
 * bytes (length and CRC32C in the frame), written straight from the workload's buffer: bulk data is
 * never text-encoded or copied into the frame.
 *
 * <pre>
 * coordinator → worker   'T' task:  utf spec, int index, long size, long seed
 *                        'P' ping
 * worker → coordinator   'H' hello: long pid, long tid, long nanoTime
 *                        'p' pong:  long nanoTime
 *                        'R' result: byte ok, long received, long start, long end, long cpu, long wait,
 *                                    long invol, long checksum, utf error, long payloadLength,
 *                                    long payloadCrc, long crcNanos, long writeStart
 *                                    then payloadLength raw bytes, then long writeEnd (8 raw bytes)
 * </pre>
 * Worker timestamps ({@code received}, {@code start}, {@code end}, {@code writeStart}, {@code writeEnd})
 * are its {@link System#nanoTime()}; the coordinator maps them onto its own clock with the ping offset.
 * The payload's CRC32C is computed before {@code writeStart} and checked after the last byte is read,
 * so the transfer span holds only bytes in flight. A worker exits when its stdin closes.
 */
public final class Frames {
    public static final byte TASK = 'T';
    public static final byte PING = 'P';
    public static final byte HELLO = 'H';
    public static final byte PONG = 'p';
    public static final byte RESULT = 'R';
    /** Largest control frame accepted; payloads travel outside frames. */
    static final int MAX_FRAME = 1 << 20;

    private Frames() {
    }

    /** Builds a frame body with a {@link DataOutputStream}, then writes length, type and body. */
    public interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    public static void write(OutputStream out, byte type, Body body) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(64);
        DataOutputStream d = new DataOutputStream(buf);
        d.writeInt(0);
        d.writeByte(type);
        body.write(d);
        d.flush();
        byte[] bytes = buf.toByteArray();
        int len = bytes.length - 4;
        bytes[0] = (byte) (len >>> 24);
        bytes[1] = (byte) (len >>> 16);
        bytes[2] = (byte) (len >>> 8);
        bytes[3] = (byte) len;
        out.write(bytes);
    }

    /** Reads one frame: returns its type; the body is then read from {@code in} by the caller. */
    public static byte readType(DataInputStream in) throws IOException {
        int len;
        try {
            len = in.readInt();
        } catch (EOFException e) {
            throw new EOFException("worker closed its output");
        }
        if (len < 1 || len > MAX_FRAME) {
            throw new IOException("corrupt frame: length " + len);
        }
        return in.readByte();
    }

    /**
     * Bytes per write/read call of a payload. The JDK's stream natives copy through a native buffer of
     * the call's length (malloc'd above 8 KiB); one call per megabyte keeps that buffer small and
     * reused instead of mapping and faulting in a buffer as large as the payload.
     */
    static final int CHUNK = 1 << 20;

    /** Writes a payload's bytes straight from the workload's buffer (heap array: no copy in Java). */
    public static void writePayload(OutputStream out, ByteBuffer payload) throws IOException {
        ByteBuffer b = payload.duplicate();
        if (b.hasArray()) {
            byte[] a = b.array();
            int off = b.arrayOffset() + b.position();
            int end = off + b.remaining();
            while (off < end) {
                int n = Math.min(CHUNK, end - off);
                out.write(a, off, n);
                off += n;
            }
        } else {
            byte[] chunk = new byte[Math.min(CHUNK, b.remaining())];
            while (b.hasRemaining()) {
                int n = Math.min(chunk.length, b.remaining());
                b.get(chunk, 0, n);
                out.write(chunk, 0, n);
            }
        }
    }

    /**
     * Reads exactly {@code dst.length} bytes into {@code dst}, in {@link #CHUNK}-sized calls that go
     * straight through any {@link java.io.BufferedInputStream} (their length exceeds its buffer).
     *
     * @throws EOFException naming how many bytes arrived when the stream ends early
     */
    public static void readPayload(java.io.InputStream in, byte[] dst) throws IOException {
        int off = 0;
        while (off < dst.length) {
            int n = in.read(dst, off, Math.min(CHUNK, dst.length - off));
            if (n < 0) {
                throw new EOFException("result truncated: " + off + " of " + dst.length + " payload bytes arrived");
            }
            off += n;
        }
    }

    public static long crc(ByteBuffer payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload.duplicate());
        return crc.getValue();
    }
}
