package dev.corescope.experiment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** transfer's plan check (moved here from TransferCommandTest with the check itself, assertions unchanged). */
class TransferPlanCheckTest {
    private static final long GIB = 1L << 30;

    @Test
    void sizesBeyondTheHeapOrOneArrayAreRefusedNamingTheLimit() {
        assertThatThrownBy(() -> TransferPlanCheck.checkHeap(List.of(0L, 3 * GIB), 2, 64 * GIB))
                .isInstanceOf(PlanRefused.class).hasMessageContaining("2 GiB limit of one Java array")
                .hasMessageContaining("2147483639");
        assertThatThrownBy(() -> TransferPlanCheck.checkHeap(List.of(GIB), 2, 2 * GIB))
                .isInstanceOf(PlanRefused.class).hasMessageContaining("Runtime.maxMemory()")
                .hasMessageContaining("3 results of 1 GiB").hasMessageContaining("2.00 GiB");
        TransferPlanCheck.checkHeap(List.of(0L, 64L << 20), 2, 2 * GIB);
    }

}
