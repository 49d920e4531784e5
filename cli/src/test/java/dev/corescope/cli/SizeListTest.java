package dev.corescope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SizeListTest {
    @Test
    void listsAndRanges() {
        assertThat(SizeList.parse("50..200:50, 75,50")).containsExactly(50L, 75L, 100L, 150L, 200L);
        assertThat(SizeList.parse("1..3")).containsExactly(1L, 2L, 3L);
        assertThat(SizeList.parse("10..25:10")).containsExactly(10L, 20L);
    }

    @Test
    @Timeout(5)
    void aRangeAtTheTopOfTheLongsEndsInsteadOfOverflowing() {
        long top = dev.corescope.experiment.Limits.MAX_SIZE;
        assertThat(SizeList.parse((top - 10) + ".." + top + ":5")).containsExactly(top - 10, top - 5, top);
        assertThatThrownBy(() -> SizeList.parse("9223372036854775800..9223372036854775807:5"))
                .isInstanceOf(UsageError.class).hasMessageContaining("above the largest size");
    }

    @Test
    void badListsAreOneLineUsageErrors() {
        assertThatThrownBy(() -> SizeList.parse(",")).isInstanceOf(UsageError.class).hasMessage("--sizes is empty");
        assertThatThrownBy(() -> SizeList.parse("0")).hasMessageContaining("positive");
        assertThatThrownBy(() -> SizeList.parse("5..1")).hasMessageContaining("empty size range");
        assertThatThrownBy(() -> SizeList.parse("1..10:0")).hasMessageContaining("step must be positive");
        assertThatThrownBy(() -> SizeList.parse("1..100000")).hasMessageContaining("more than 10000 sizes");
        assertThatThrownBy(() -> SizeList.parse(String.join(",", java.util.stream.LongStream.rangeClosed(1, 10_001)
                .mapToObj(Long::toString).toList()))).hasMessageContaining("more than 10000 sizes");
        assertThatThrownBy(() -> SizeList.parse("ten")).hasMessageContaining("bad size 'ten'");
    }
}
