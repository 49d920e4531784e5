package dev.corescope.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoundsPlanTest {
    @Test
    void fullRoundsThenRemainder() {
        assertThat(RoundsPlan.roundSizes(10, 4)).containsExactly(4, 4, 2);
        assertThat(RoundsPlan.roundSizes(20, 3)).containsExactly(3, 3, 3, 3, 3, 3, 2);
        assertThat(RoundsPlan.roundSizes(20, 20)).containsExactly(20);
    }

    @Test
    void exactMultipleHasNoRemainderRound() {
        assertThat(RoundsPlan.roundSizes(8, 4)).containsExactly(4, 4);
        assertThat(RoundsPlan.roundSizes(5, 1)).containsExactly(1, 1, 1, 1, 1);
    }

    @Test
    void moreWorkersThanTasksIsOneShortRound() {
        assertThat(RoundsPlan.roundSizes(3, 5)).containsExactly(3);
        assertThat(RoundsPlan.roundSizes(0, 5)).isEmpty();
    }

    @Test
    void everyTaskIsPlannedOnce() {
        for (int r = 0; r <= 50; r++) {
            for (int p = 1; p <= 12; p++) {
                assertThat(RoundsPlan.roundSizes(r, p).stream().mapToInt(Integer::intValue).sum()).isEqualTo(r);
                int workers = p;
                assertThat(RoundsPlan.roundSizes(r, p)).allSatisfy(s -> assertThat(s).isBetween(1, workers));
            }
        }
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> RoundsPlan.roundSizes(5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RoundsPlan.roundSizes(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
