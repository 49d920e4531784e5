package dev.corescope.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.cluster.SlotScheduler.DispatchOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The permits of a cluster's members, without a cluster. */
class SlotSchedulerTest {
    @Test
    void aMemberNeverRunsMoreThanItsThresholdAndAFinishedTaskHandsItsPermitOn() {
        SlotScheduler<String> s = new SlotScheduler<>(List.of(2, 1));
        assertThat(s.dispatch("a", 0)).isEqualTo(new SlotScheduler.Dispatch(DispatchOutcome.SEND, 0));
        assertThat(s.dispatch("b", 0)).isEqualTo(new SlotScheduler.Dispatch(DispatchOutcome.SEND, 0));
        assertThat(s.dispatch("c", 0)).isEqualTo(new SlotScheduler.Dispatch(DispatchOutcome.QUEUED, 0));
        assertThat(s.dispatch("d", 1)).isEqualTo(new SlotScheduler.Dispatch(DispatchOutcome.SEND, 1));
        assertThat(s.dispatch("e", 1)).isEqualTo(new SlotScheduler.Dispatch(DispatchOutcome.QUEUED, 1));
        assertThat(s.finished(0, "a")).isEqualTo("c");
        assertThat(s.finished(0, "b")).isNull();
        assertThat(s.finished(1, "d")).isEqualTo("e");
        assertThat(s.maxInFlight(0)).isEqualTo(2);
        assertThat(s.maxInFlight(1)).isEqualTo(1);
    }

    @Test
    void aLostMemberGivesBackItsWaitingTasksOnceAndItsSlotsGoToTheLeastLoadedLiveMember() {
        SlotScheduler<String> s = new SlotScheduler<>(List.of(1, 2, 2));
        s.dispatch("a", 0);
        s.dispatch("b", 0);
        s.dispatch("c", 1);
        assertThat(s.lost(0)).containsExactly("b");
        assertThat(s.lost(0)).as("said once").isNull();
        assertThat(s.alive(0)).isFalse();
        // member 2 has two free permits, member 1 one
        assertThat(s.leastLoaded()).isEqualTo(2);
        assertThat(s.dispatch("b", 0)).isEqualTo(new SlotScheduler.Dispatch(DispatchOutcome.SEND, 2));
        // the task that was in flight on the lost member finishes: its permit goes to nobody
        assertThat(s.finished(0, "a")).isNull();
        // ties go to the first: members 1 and 2 have one free permit each
        assertThat(s.leastLoaded()).isEqualTo(1);
        s.lost(1);
        s.lost(2);
        assertThat(s.leastLoaded()).isEqualTo(-1);
        assertThat(s.dispatch("z", 1)).isEqualTo(new SlotScheduler.Dispatch(DispatchOutcome.NO_MEMBER_LEFT, -1));
    }

    @Test
    void closingReturnsEveryTaskInFlightOrWaitingOnceAndDispatchesNothingMore() {
        SlotScheduler<String> s = new SlotScheduler<>(List.of(1));
        s.dispatch("a", 0);
        s.dispatch("b", 0);
        assertThat(s.close()).containsExactlyInAnyOrder("a", "b");
        assertThat(s.close()).isEmpty();
        assertThat(s.closed()).isTrue();
        assertThat(s.dispatch("c", 0).outcome()).isEqualTo(DispatchOutcome.CLOSED);
        assertThat(s.finished(0, "a")).as("no permit handed on after close").isNull();
    }
}
