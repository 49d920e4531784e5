package dev.corescope.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SlotMapTest {
    @Test
    void slotsInterleaveMembersAndNeverExceedAThreshold() {
        List<SlotMap.Slot> slots = SlotMap.of(List.of(2, 1, 3));
        assertThat(slots).hasSize(6);
        assertThat(slots).extracting(SlotMap.Slot::index).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(slots).extracting(s -> s.member() + "/" + s.slot())
                .containsExactly("0/0", "1/0", "2/0", "0/1", "2/1", "2/2");
        Map<Integer, Long> perMember = slots.stream().collect(Collectors.groupingBy(SlotMap.Slot::member, Collectors.counting()));
        assertThat(perMember).containsEntry(0, 2L).containsEntry(1, 1L).containsEntry(2, 3L);
    }

    @Test
    void levelPWithEqualThresholdsUsesPMembers() {
        List<SlotMap.Slot> slots = SlotMap.of(List.of(2, 2, 2));
        assertThat(slots.subList(0, 3)).extracting(SlotMap.Slot::member).containsExactly(0, 1, 2);
        assertThat(slots.subList(0, 2)).extracting(SlotMap.Slot::member).doesNotHaveDuplicates();
    }

    @Test
    void noMembersNoSlots() {
        assertThat(SlotMap.of(List.of())).isEmpty();
    }
}
