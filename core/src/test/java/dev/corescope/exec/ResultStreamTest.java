package dev.corescope.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The result path of the worker protocol, on crafted byte streams: round trip, corruption, truncation. */
class ResultStreamTest {
    private static final long RECEIVED = 1_000;

    private static byte[] payload(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }

    private static byte[] stream(TaskResult r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WorkerMain.writeResult(out, out, r, RECEIVED);
        return out.toByteArray();
    }

    private static TaskResult ok(byte[] data) {
        return new TaskResult(TaskStatus.OK, 2_000, 3_000, 900, 5, 1, 42, data.length,
                ByteBuffer.wrap(data).asReadOnlyBuffer(), null);
    }

    private static TaskResult read(byte[] bytes, long offset) throws IOException {
        return read(bytes, offset, 1 << 30);
    }

    private static TaskResult read(byte[] bytes, long offset, long maxPayload) throws IOException {
        return ProcessWorker.readResult(new DataInputStream(new ByteArrayInputStream(bytes)), offset, 500, maxPayload);
    }

    /** Where the payload length sits in a result stream whose error text is {@code errorBytes} long. */
    private static int payloadLengthAt(int errorBytes) {
        return 4 + 1 + 1 + 7 * Long.BYTES + 4 + errorBytes; // length, type, ok, 7 longs, the error string
    }

    @Test
    void aResultRoundTripsWithItsPayloadAndTimeline() throws IOException {
        byte[] data = payload(3 * Frames.CHUNK + 17);
        TaskResult r = read(stream(ok(data)), 10);

        assertThat(r.ok()).isTrue();
        assertThat(r.bytes()).isEqualTo(data.length);
        byte[] back = new byte[data.length];
        r.payload().duplicate().get(back);
        assertThat(back).isEqualTo(data);
        assertThat(r.checksum()).isEqualTo(42);
        assertThat(r.startNanos()).isEqualTo(2_010);
        assertThat(r.endNanos()).isEqualTo(3_010);
        TaskResult.Timeline t = r.timeline();
        assertThat(t.sent()).isEqualTo(500);
        assertThat(t.received()).isEqualTo(RECEIVED + 10);
        assertThat(t.writeEnd()).isGreaterThanOrEqualTo(t.writeStart());
        assertThat(t.usable()).isGreaterThanOrEqualTo(t.payloadRead());
        assertThat(t.crcNanos()).isGreaterThanOrEqualTo(0);
        TransferTiming timing = r.transferTiming();
        assertThat(timing.dispatchNanos()).isEqualTo(2_010 - 500);
        assertThat(timing.serializeNanos()).isGreaterThanOrEqualTo(0);
        assertThat(timing.deserializeNanos()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void anEmptyResultAndAFailureTravelToo() throws IOException {
        TaskResult empty = read(stream(ok(new byte[0])), 0);
        assertThat(empty.ok()).isTrue();
        assertThat(empty.payload()).isNull();
        assertThat(empty.bytes()).isZero();

        TaskResult failed = read(stream(new TaskResult(TaskStatus.FAILED, 1, 2, 1, 0, 0, 0, 0, null, "boom")), 0);
        assertThat(failed.ok()).isFalse();
        assertThat(failed.error()).isEqualTo("boom");
    }

    @Test
    void aCorruptedPayloadIsDetectedByItsChecksum() throws IOException {
        byte[] data = payload(100_000);
        byte[] bytes = stream(ok(data));
        for (int at : new int[] {0, 50_000, 99_999}) {
            byte[] bad = bytes.clone();
            int pos = bytes.length - Long.BYTES - data.length + at; // payload sits before the 8-byte stamp
            bad[pos] ^= 0x01;

            TaskResult r = read(bad, 0);

            assertThat(r.ok()).as("flip at " + at).isFalse();
            assertThat(r.error()).contains("CRC32C mismatch");
            assertThat(r.payload()).isNull();
        }
    }

    @Test
    void aTruncatedResultThrowsInsteadOfHanging() throws IOException {
        byte[] bytes = stream(ok(payload(1 << 20)));
        byte[] cut = Arrays.copyOf(bytes, bytes.length - 1000);

        assertThatThrownBy(() -> read(cut, 0)).isInstanceOf(EOFException.class).hasMessageContaining("truncated");
        byte[] headerOnly = Arrays.copyOf(bytes, 20);
        assertThatThrownBy(() -> read(headerOnly, 0)).isInstanceOf(EOFException.class);
    }

    @Test
    void aCorruptHeaderIsRejected() throws IOException {
        byte[] bytes = stream(ok(payload(10)));
        byte[] badLength = bytes.clone();
        badLength[0] = (byte) 0x7f; // frame length far above the control-frame limit
        assertThatThrownBy(() -> read(badLength, 0)).isInstanceOf(IOException.class).hasMessageContaining("corrupt frame");
        byte[] badType = bytes.clone();
        badType[4] = 'p';
        assertThatThrownBy(() -> read(badType, 0)).isInstanceOf(IOException.class).hasMessageContaining("unexpected frame");
    }

    @Test
    void aPayloadLengthOverTheCapIsRefusedBeforeAnythingIsAllocated() throws IOException {
        byte[] bytes = stream(ok(payload(10)));
        assertThatThrownBy(() -> read(bytes, 0, 9)).isInstanceOf(IOException.class)
                .hasMessageContaining("payload length 10").hasMessageContaining("the limit is 9 bytes");

        // A header that announces 2 GiB with nothing behind it: refused by the cap, not an OutOfMemoryError.
        byte[] huge = Arrays.copyOf(stream(ok(new byte[0])), payloadLengthAt(0) + Long.BYTES + 6 * Long.BYTES);
        ByteBuffer.wrap(huge).putLong(payloadLengthAt(0), Frames.MAX_PAYLOAD);
        assertThatThrownBy(() -> read(huge, 0, 64 << 20)).isInstanceOf(IOException.class)
                .hasMessageContaining("payload length " + Frames.MAX_PAYLOAD);
        ByteBuffer.wrap(huge).putLong(payloadLengthAt(0), -1);
        assertThatThrownBy(() -> read(huge, 0, 64 << 20)).isInstanceOf(IOException.class)
                .hasMessageContaining("payload length -1");
    }

    @Test
    void theCoordinatorsPayloadCapIsHalfItsHeapAndOneArray() {
        assertThat(Frames.payloadCap()).isPositive().isLessThanOrEqualTo(Runtime.getRuntime().maxMemory() / 2)
                .isLessThanOrEqualTo(Integer.MAX_VALUE - 8L);
    }

    @Test
    void anErrorTextOfAnyLengthAndScriptTravelsAsUtf8() throws IOException {
        String error = "échec ✗ 𝄞 ".repeat(300); // 3,300 characters of 1- to 4-byte UTF-8
        TaskResult r = read(stream(new TaskResult(TaskStatus.FAILED, 1, 2, 1, 0, 0, 0, 0, null, error)), 0);
        // cut to MAX_ERROR characters, never inside a surrogate pair
        assertThat(error).startsWith(r.error());
        assertThat(r.error().length()).isBetween(WorkerMain.MAX_ERROR - 1, WorkerMain.MAX_ERROR);
        assertThat(r.error()).doesNotContain("?").endsWith("✗ ");
    }

    @Test
    void aStringThatRunsPastItsFrameIsACorruptFrameNotAnAllocation() throws IOException {
        byte[] bytes = stream(ok(payload(10)));
        byte[] bad = bytes.clone();
        ByteBuffer.wrap(bad).putInt(payloadLengthAt(0) - 4, Integer.MAX_VALUE); // the error string's length
        assertThatThrownBy(() -> read(bad, 0)).isInstanceOf(IOException.class)
                .hasMessageContaining("a string of " + Integer.MAX_VALUE + " bytes");
        byte[] negative = bytes.clone();
        ByteBuffer.wrap(negative).putInt(payloadLengthAt(0) - 4, -5);
        assertThatThrownBy(() -> read(negative, 0)).isInstanceOf(IOException.class).hasMessageContaining("corrupt frame");
        byte[] shortFrame = bytes.clone();
        ByteBuffer.wrap(shortFrame).putInt(0, 20); // the header says its fields end early
        assertThatThrownBy(() -> read(shortFrame, 0)).isInstanceOf(IOException.class)
                .hasMessageContaining("run past its end");
    }

    @Test
    void aFrameLengthBeyondTheLimitOrTheStreamIsRejected() {
        for (int len : new int[] {0, -1, Frames.MAX_FRAME + 1, Integer.MAX_VALUE}) {
            byte[] b = ByteBuffer.allocate(16).putInt(len).put(Frames.RESULT).array();
            assertThatThrownBy(() -> read(b, 0)).as("length " + len).isInstanceOf(IOException.class)
                    .hasMessageContaining("corrupt frame: length " + len);
        }
        // within the limit, but the stream ends first: only what arrived was read
        byte[] cut = ByteBuffer.allocate(100).putInt(Frames.MAX_FRAME).put(Frames.RESULT).array();
        assertThatThrownBy(() -> read(cut, 0)).isInstanceOf(EOFException.class)
                .hasMessageContaining("frame truncated: 96 of " + Frames.MAX_FRAME);
    }

    @Test
    void payloadReadsAssembleShortReads() throws IOException {
        byte[] data = payload(10_000);
        InputStream trickle = new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 333));
            }
        };
        byte[] back = new byte[data.length];
        Frames.readPayload(trickle, back);
        assertThat(back).isEqualTo(data);
    }
}
