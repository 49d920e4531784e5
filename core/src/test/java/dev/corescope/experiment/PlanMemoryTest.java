package dev.corescope.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corescope.workload.WorkloadSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plans checked against the heap they need: records, threads-mode tasks, worker-JVM tasks. */
class PlanMemoryTest {
    static final long GIB = 1L << 30;

    @Test
    void aWorkerJvmHeapComesFromItsOptionsElseTheDefault() {
        assertThat(WorkerHeap.of(List.of("-XX:+UseSerialGC", "-Xmx4g"), List.of(), 6 * GIB, 24 * GIB).bytes())
                .isEqualTo(4 * GIB);
        assertThat(WorkerHeap.of(List.of("-Xmx1g", "-XX:MaxHeapSize=2048m"), List.of(), 6 * GIB, 24 * GIB).bytes())
                .as("the last one wins, as in the JVM").isEqualTo(2 * GIB);
        var same = WorkerHeap.of(List.of("-XX:+UseSerialGC"), List.of("-Djava.awt.headless=true"), 6 * GIB, 24 * GIB);
        assertThat(same.bytes()).as("no heap option anywhere: the same default as this JVM's").isEqualTo(6 * GIB);
        assertThat(WorkerHeap.of(List.of(), List.of("-Xmx512m"), 512L << 20, 24 * GIB).bytes())
                .as("this JVM was sized: the worker gets 25% of memory").isEqualTo(6 * GIB);
        assertThat(WorkerHeap.of(List.of("-XX:MaxRAMPercentage=50"), List.of(), 6 * GIB, 24 * GIB).bytes())
                .isEqualTo(12 * GIB);
        assertThat(WorkerHeap.of(List.of("-XX:MaxRAM=8g"), List.of(), 6 * GIB, 24 * GIB).bytes()).isEqualTo(2 * GIB);
        assertThat(WorkerHeap.of(List.of("-Xms10g"), List.of(), 6 * GIB, 24 * GIB).bytes()).isEqualTo(10 * GIB);
        assertThatThrownBy(() -> WorkerHeap.of(List.of("-Xmxlots"), List.of(), 6 * GIB, 24 * GIB))
                .isInstanceOf(PlanRefused.class).hasMessageContaining("-Xmxlots");
        assertThatThrownBy(() -> WorkerHeap.of(List.of("-XX:MaxRAMPercentage=0"), List.of(), 6 * GIB, 24 * GIB))
                .isInstanceOf(PlanRefused.class);
    }

    @Test
    void threadsModeCountsEveryConcurrentTask() {
        PlanMemory m = new PlanMemory(false, 6 * GIB, null);
        WorkloadSpec matmul = WorkloadSpec.of("matmul-naive");
        m.checkTasks("matmul-naive", matmul, 10_000, 2, 100); // 2 x 2.2 GiB < 80% of 6 GiB
        assertThatThrownBy(() -> m.checkTasks("matmul-naive", matmul, 10_000, 3, 100))
                .isInstanceOf(PlanRefused.class)
                .hasMessageStartingWith("--sizes: 3 concurrent tasks of matmul-naive at size 10000 need 6.7 GiB "
                        + "(2.2 GiB each: three 10000x10000 double matrices)")
                .hasMessageContaining("heap limit of 6.0 GiB");
        assertThatThrownBy(() -> m.checkTasks("matmul-naive", matmul, 46_340, 1, 1))
                .hasMessageStartingWith("--sizes: one task of matmul-naive at size 46340 needs 48.0 GiB");
        assertThatThrownBy(() -> m.checkTasks("sort-jdk", WorkloadSpec.of("sort-jdk"), 4_294_967_296L, 1, 1))
                .isInstanceOf(PlanRefused.class).hasMessageContaining("beyond what sort-jdk can hold");
        m.checkTasks("sort-quick", WorkloadSpec.of("sort-quick"), 1_000_000_000, 1, 1); // 3.7 GiB: one int array
        assertThatThrownBy(() -> m.checkTasks("sort-merge", WorkloadSpec.of("sort-merge"), 1_000_000_000, 1, 1))
                .hasMessageContaining("2 int arrays of 1000000000");
    }

    @Test
    void processesModeChecksEachTaskAgainstTheWorkerHeapAndResultsHere() {
        PlanMemory m = new PlanMemory(true, 6 * GIB, new WorkerHeap.Limit(1 * GIB, "-Xmx1g from --worker-jvm-opt"));
        WorkloadSpec matmul = WorkloadSpec.of("matmul-ikj");
        m.checkTasks("matmul-ikj", matmul, 5_000, 16, 100); // 0.56 GiB per worker; nothing returned
        assertThatThrownBy(() -> m.checkTasks("matmul-ikj", matmul, 10_000, 1, 100))
                .isInstanceOf(PlanRefused.class).hasMessageContaining("a worker JVM's heap of 1.0 GiB (-Xmx1g")
                .hasMessageContaining("--worker-jvm-opt=-Xmx");
        WorkloadSpec payload = WorkloadSpec.of("transfer", "bytes", 700L << 20);
        m.checkTasks("transfer", payload, 0, 2, 10);
        assertThatThrownBy(() -> m.checkTasks("transfer", payload, 0, 8, 10))
                .isInstanceOf(PlanRefused.class).hasMessageContaining("the results of 8 concurrent task(s)");
    }

    @Test
    void undeclaredWorkloadsAreNotGuessed() {
        PlanMemory m = new PlanMemory(false, GIB, null);
        m.checkTasks("cmd", WorkloadSpec.of("dev.corescope.workload.CommandWorkload"), Long.MAX_VALUE / 4, 1000, 1);
    }

    @Test
    void recordsAreCappedAndMustFitInTheHeap() {
        PlanMemory big = new PlanMemory(false, 64 * GIB, null);
        big.checkRecords("plan", Limits.MAX_TASKS);
        assertThatThrownBy(() -> big.checkRecords("rounds: 2000000000 repeats", Limits.times(2_000_000_000, 2)))
                .isInstanceOf(PlanRefused.class)
                .hasMessage("rounds: 2000000000 repeats = 4000000000 tasks, more than the cap of 10000000 per run "
                        + "(every task record is kept until the summary is written)");
        PlanMemory small = new PlanMemory(false, 256L << 20, null);
        assertThatThrownBy(() -> small.checkRecords("plan", 1_000_000)).isInstanceOf(PlanRefused.class)
                .hasMessageContaining("their records need 488.3 MiB");
    }

    @Test
    void countsSaturateInsteadOfOverflowing() {
        assertThat(Limits.times(Long.MAX_VALUE / 2, 3)).isEqualTo(Long.MAX_VALUE);
        assertThat(Limits.times(4_000_000_000L, 4_000_000_000L)).isEqualTo(Long.MAX_VALUE);
        assertThat(Limits.times(1 << 20, 1 << 20)).isEqualTo(1L << 40);
        assertThat(Limits.plus(Long.MAX_VALUE, 1)).isEqualTo(Long.MAX_VALUE);
        assertThat(Limits.plus(2, 3)).isEqualTo(5);
        assertThatThrownBy(() -> Limits.checkTasks("x", Long.MAX_VALUE)).hasMessageContaining("is too many tasks");
    }
}
