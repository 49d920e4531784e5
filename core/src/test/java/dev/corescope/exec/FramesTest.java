package dev.corescope.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Frames on crafted byte streams: strings with no 64 KiB cap, the frame limit, the hello sync marker. */
class FramesTest {
    private static Frames.Frame roundTrip(byte[] frame) throws IOException {
        return Frames.read(new DataInputStream(new ByteArrayInputStream(frame)));
    }

    @Test
    void aStringOver64KiBRoundTripsInUtf8() throws IOException {
        // DataOutputStream.writeUTF refuses anything over 65,535 bytes of modified UTF-8
        String spec = "dev.example.Big pad=" + "ü𝄞x".repeat(40_000); // 280,000 bytes of UTF-8
        byte[] frame = Frames.encode(Frames.TASK, d -> {
            Frames.writeString(d, spec);
            d.writeInt(7);
        });
        Frames.Frame f = roundTrip(frame);
        assertThat(f.type()).isEqualTo(Frames.TASK);
        assertThat(f.body().readString()).isEqualTo(spec);
        assertThat(f.body().readInt()).isEqualTo(7);
    }

    @Test
    void aFrameOverTheLimitIsNotEncoded() {
        String big = "x".repeat(Frames.MAX_FRAME);
        assertThatThrownBy(() -> Frames.encode(Frames.TASK, d -> Frames.writeString(d, big)))
                .isInstanceOf(Frames.FrameTooLarge.class).hasMessageContaining("over the 16 MiB limit");
    }

    @Test
    void whatAWorkerJvmPrintedBeforeItsHelloIsSkippedAndKept() throws IOException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        byte[] noise = "[0.004s][info][gc] Using Serial\n\0corescope\0 almost a marker\n".getBytes(StandardCharsets.UTF_8);
        stream.write(noise);
        Frames.writeSync(stream);
        Frames.write(stream, Frames.HELLO, d -> d.writeLong(42));
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(stream.toByteArray()));
        ByteArrayOutputStream kept = new ByteArrayOutputStream();

        assertThat(Frames.awaitSync(in, 1000, kept)).isEqualTo(noise.length);
        assertThat(kept.toByteArray()).isEqualTo(noise);
        Frames.Frame hello = Frames.read(in);
        assertThat(hello.type()).isEqualTo(Frames.HELLO);
        assertThat(hello.body().readLong()).isEqualTo(42);
    }

    @Test
    void endlessNoiseOrAnEarlyEndIsAFailedStartNotAHang() {
        byte[] lots = new byte[5000];
        assertThatThrownBy(() -> Frames.awaitSync(new ByteArrayInputStream(lots), 1000, new ByteArrayOutputStream()))
                .isInstanceOf(IOException.class).hasMessageContaining("printed over 1000 bytes");
        byte[] some = "Error: Could not find or load main class\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Frames.awaitSync(new ByteArrayInputStream(some), 1000, new ByteArrayOutputStream()))
                .isInstanceOf(EOFException.class).hasMessageContaining("before its hello")
                .hasMessageContaining("printed " + some.length + " bytes");
    }
}
