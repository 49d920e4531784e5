package dev.corescope.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuListTest {

    @Test
    void parsesRangesAndSingles() {
        assertThat(CpuList.parse("0-3,8,10-11\n")).containsExactly(0, 1, 2, 3, 8, 10, 11);
        assertThat(CpuList.parse("0,2-3")).containsExactly(0, 2, 3);
        assertThat(CpuList.parse("5")).containsExactly(5);
        assertThat(CpuList.parse("  ")).isEmpty();
    }

    @Test
    void rejectsGarbage() {
        assertThatThrownBy(() -> CpuList.parse("0-x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CpuList.parse("3-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CpuList.parse("ff")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsShortestRangeList() {
        assertThat(CpuList.format(List.of(0, 1, 2, 3, 8))).isEqualTo("0-3,8");
        assertThat(CpuList.format(List.of(8, 0, 2, 3, 1, 10, 11))).isEqualTo("0-3,8,10-11");
        assertThat(CpuList.format(List.of(0, 2))).isEqualTo("0,2");
        assertThat(CpuList.format(List.of())).isEmpty();
        assertThat(MachineProfile.formatCpuList(List.of(4))).isEqualTo("4");
    }

    @Test
    void roundTrips() {
        String text = "0-3,8,10-11,63";
        assertThat(CpuList.format(CpuList.parse(text))).isEqualTo(text);
    }
}
