package dev.corescope.exec;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The coordinator ↔ worker-JVM protocol. The worker keeps it on private descriptors: it duplicates
 * its stdin and stdout to new close-on-exec descriptors, points fd 0 at {@code /dev/null} and fd 1 at
 * its stderr, and talks only over the duplicates ({@link WorkerChannel}). Whatever the JVM (e.g.
 * {@code -Xlog:gc}), native code or child processes print then lands in the worker log, not in a
 * frame. Output the JVM printed before {@code main} ran precedes {@link #SYNC}: the coordinator
 * skips it (into the worker log, at most {@link #MAX_NOISE} bytes).
 *
 * <p>After {@link #SYNC}, every message is a frame: {@code int length, byte type, body[length-1]},
 * {@code length} at most {@link #MAX_FRAME}, checked before anything is allocated. Strings are
 * {@code int byteLength} + UTF-8 bytes, their length checked against what is left of the frame. A
 * result frame is followed by its payload as raw bytes (length and CRC32C in the frame), written
 * straight from the workload's buffer: bulk data is never text-encoded or copied into the frame.
 *
 * <pre>
 * coordinator → worker   'T' task:  string spec, int index, long size, long seed
 *                        'P' ping
 * worker → coordinator   SYNC, then
 *                        'H' hello: long pid, long tid, long nanoTime
 *                        'p' pong:  long nanoTime
 *                        'R' result: byte ok, long received, long start, long end, long cpu, long wait,
 *                                    long invol, long checksum, string error, long payloadLength,
 *                                    long payloadCrc, long crcNanos, long writeStart, long gcCount,
 *                                    long gcMillis, long jitMillis (the worker JVM's, during the task)
 *                                    then payloadLength raw bytes, then long writeEnd (8 raw bytes)
 * </pre>
 * Worker timestamps ({@code received}, {@code start}, {@code end}, {@code writeStart}, {@code writeEnd})
 * are its {@link System#nanoTime()}; the coordinator maps them onto its own clock with the ping offset.
 * The payload's CRC32C is computed before {@code writeStart} and checked after the last byte is read,
 * so the transfer span holds only bytes in flight. The coordinator accepts a payload of at most
 * {@link #payloadCap()} bytes, checked before it allocates the array. A worker exits when its
 * protocol input closes.
 */
public final class Frames {
    public static final byte TASK = 'T';
    public static final byte PING = 'P';
    public static final byte HELLO = 'H';
    public static final byte PONG = 'p';
    public static final byte RESULT = 'R';
    /** Largest frame (type and body) accepted or sent; payloads travel outside frames. */
    public static final int MAX_FRAME = 16 << 20;
    /** Marks the start of the protocol on the worker's output: what came before it is not a frame. */
    private static final byte[] SYNC = "\0corescope\0worker\0".getBytes(StandardCharsets.US_ASCII);
    /** Writes {@link #SYNC}: the worker's protocol output starts after it. */
    static void writeSync(java.io.OutputStream out) throws IOException {
        out.write(SYNC);
    }

    /** Most bytes a worker JVM may print on its protocol output before {@link #SYNC}. */
    static final int MAX_NOISE = 4 << 20;
    /** Largest payload one result can carry: one Java array (the VM refuses slightly less than 2^31). */
    static final long MAX_PAYLOAD = Integer.MAX_VALUE - 8;

    private Frames() {
    }

    /** Builds a frame body with a {@link DataOutputStream}. */
    public interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    /**
     * One frame as bytes: length, type and body.
     *
     * @throws IOException when the frame is over {@link #MAX_FRAME}
     */
    static byte[] encode(byte type, Body body) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(64);
        DataOutputStream d = new DataOutputStream(buf);
        d.writeInt(0);
        d.writeByte(type);
        body.write(d);
        d.flush();
        byte[] bytes = buf.toByteArray();
        int len = bytes.length - 4;
        if (len > MAX_FRAME) {
            throw new FrameTooLarge(len);
        }
        bytes[0] = (byte) (len >>> 24);
        bytes[1] = (byte) (len >>> 16);
        bytes[2] = (byte) (len >>> 8);
        bytes[3] = (byte) len;
        return bytes;
    }

    public static void write(OutputStream out, byte type, Body body) throws IOException {
        out.write(encode(type, body));
    }

    /** A frame that would exceed {@link #MAX_FRAME}: nothing of it was written. */
    static final class FrameTooLarge extends IOException {
        FrameTooLarge(int len) {
            super("a frame of " + len + " bytes is over the " + (MAX_FRAME >> 20) + " MiB limit");
        }
    }

    /** Writes {@code s} as {@code int byteLength} + UTF-8 bytes (no length limit but the frame's). */
    public static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /** One frame read from the stream: its type and its body. */
    public record Frame(byte type, Reader body) {
    }

    /**
     * Reads one frame. The length is checked against {@link #MAX_FRAME} before anything is allocated,
     * and the body is read in chunks, so a corrupt length costs at most what actually arrives.
     *
     * @throws EOFException when the stream ends (before or inside the frame)
     * @throws IOException  when the length is out of range
     */
    public static Frame read(DataInputStream in) throws IOException {
        int len;
        try {
            len = in.readInt();
        } catch (EOFException e) {
            throw new EOFException("worker closed its output");
        }
        if (len < 1 || len > MAX_FRAME) {
            throw new IOException("corrupt frame: length " + len + " (1.." + MAX_FRAME + " expected)");
        }
        byte[] frame = in.readNBytes(len);
        if (frame.length < len) {
            throw new EOFException("frame truncated: " + frame.length + " of " + len + " bytes arrived");
        }
        return new Frame(frame[0], new Reader(ByteBuffer.wrap(frame, 1, len - 1).slice()));
    }

    /** Reads the fields of a frame body; reading past its end is a corrupt frame, not an allocation. */
    public static final class Reader {
        private final ByteBuffer b;

        Reader(ByteBuffer b) {
            this.b = b;
        }

        public boolean readBoolean() throws IOException {
            return readByte() != 0;
        }

        public byte readByte() throws IOException {
            try {
                return b.get();
            } catch (BufferUnderflowException e) {
                throw shortFrame();
            }
        }

        public int readInt() throws IOException {
            try {
                return b.getInt();
            } catch (BufferUnderflowException e) {
                throw shortFrame();
            }
        }

        public long readLong() throws IOException {
            try {
                return b.getLong();
            } catch (BufferUnderflowException e) {
                throw shortFrame();
            }
        }

        /** A string written by {@link #writeString}; its length must fit in what is left of the frame. */
        public String readString() throws IOException {
            int n = readInt();
            if (n < 0 || n > b.remaining()) {
                throw new IOException("corrupt frame: a string of " + n + " bytes in the " + b.remaining()
                        + " bytes left of its frame");
            }
            String s = new String(b.array(), b.arrayOffset() + b.position(), n, StandardCharsets.UTF_8);
            b.position(b.position() + n);
            return s;
        }

        private IOException shortFrame() {
            return new IOException("corrupt frame: its fields run past its end");
        }
    }

    /**
     * Skips the stream up to and including {@link #SYNC}, handing what came before to {@code noise}.
     *
     * @return how many bytes were skipped
     * @throws EOFException when the stream ends first
     * @throws IOException  when more than {@code maxNoise} bytes come before it
     */
    static long awaitSync(InputStream in, long maxNoise, OutputStream noise) throws IOException {
        byte[] window = new byte[SYNC.length];
        int filled = 0;
        long skipped = 0;
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("worker closed its output before its hello"
                        + (skipped + filled > 0 ? " (it printed " + (skipped + filled) + " bytes)" : ""));
            }
            if (filled == window.length) {
                noise.write(window[0]);
                skipped++;
                if (skipped > maxNoise) {
                    throw new IOException("worker printed over " + maxNoise + " bytes on its protocol output "
                            + "before its hello");
                }
                System.arraycopy(window, 1, window, 0, window.length - 1);
                filled--;
            }
            window[filled++] = (byte) c;
            if (filled == window.length && Arrays.equals(window, SYNC)) {
                return skipped;
            }
        }
    }

    /**
     * Most payload bytes one result may announce: one Java array, and at most half this JVM's heap, so
     * a corrupt or hostile length is refused before anything is allocated.
     */
    static long payloadCap() {
        return Math.min(MAX_PAYLOAD, Runtime.getRuntime().maxMemory() / 2);
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
    public static void readPayload(InputStream in, byte[] dst) throws IOException {
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
