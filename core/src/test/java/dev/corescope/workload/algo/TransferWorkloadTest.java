package dev.corescope.workload.algo;

import dev.corescope.workload.SpinWorkload;
import dev.corescope.api.TaskInput;
import dev.corescope.api.TaskOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransferWorkloadTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 9, 1000, 1 << 20})
    void payloadHasExactlyTheRequestedBytes(int bytes) {
        TaskOutput out = new TransferWorkload(10, bytes).run(new TaskInput(0, 0, 5));

        assertThat(out.payloadBytes()).isEqualTo(bytes);
        assertThat(out.payload().isReadOnly()).isTrue();
        assertThat(out.checksum())
                .isEqualTo(31 * SpinWorkload.spin(10, 5) + TransferWorkload.payloadChecksum(out.payload()));
    }

    @Test
    void sameSeedSamePayloadOtherSeedOtherPayload() {
        TransferWorkload workload = new TransferWorkload(100, 4096);
        TaskOutput first = workload.run(new TaskInput(0, 0, 1));
        TaskOutput again = workload.run(new TaskInput(1, 0, 1));
        TaskOutput other = workload.run(new TaskInput(0, 0, 2));

        assertThat(again.payload()).isEqualTo(first.payload());
        assertThat(again.checksum()).isEqualTo(first.checksum());
        assertThat(other.payload()).isNotEqualTo(first.payload());
        assertThat(other.checksum()).isNotEqualTo(first.checksum());
    }

    @Test
    void payloadChecksumDetectsAFlippedByte() {
        ByteBuffer payload = TransferWorkload.payload(1001, 7);
        long expected = TransferWorkload.payloadChecksum(payload);
        assertThat(payload.position()).isZero();

        for (int index : new int[] {0, 500, 1000}) {
            ByteBuffer copy = ByteBuffer.allocate(payload.remaining()).put(payload.duplicate()).flip();
            copy.put(index, (byte) (copy.get(index) ^ 0x10));

            assertThat(TransferWorkload.payloadChecksum(copy)).as("flip at " + index).isNotEqualTo(expected);
        }
    }

    @Test
    void parametersAreReadAndValidated() {
        TaskOutput out = new TransferWorkload(Map.of("loops", "0", "bytes", "123")).run(new TaskInput(0, 0, 1));

        assertThat(out.payloadBytes()).isEqualTo(123);
        assertThat(new TransferWorkload(Map.of("loops", "0")).run(TaskInput.of(0, 1)).payloadBytes())
                .isEqualTo(TransferWorkload.DEFAULT_BYTES);
        assertThatThrownBy(() -> new TransferWorkload(Map.of("bytes", "-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bytes");
        assertThatThrownBy(() -> new TransferWorkload(Map.of("loops", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loops");
    }
}
