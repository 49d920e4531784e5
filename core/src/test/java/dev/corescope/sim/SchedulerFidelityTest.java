package dev.corescope.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.corescope.exec.BatchPlan;
import dev.corescope.exec.BatchRunner;
import dev.corescope.exec.PoolSpec;
import dev.corescope.exec.RecordSink;
import dev.corescope.exec.RunClock;
import dev.corescope.exec.Strategy;
import dev.corescope.exec.TaskRecord;
import dev.corescope.exec.WorkerMode;
import dev.corescope.exec.WorkerPool;
import dev.corescope.exec.pin.CpuAssignment;
import dev.corescope.machine.MachineSpec;
import dev.corescope.workload.SpinWorkload;
import dev.corescope.api.TaskInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simulated machine does what Linux's scheduler does, read off the task records it produces: time
 * slicing as run-queue wait, SMT as CPU time, the quota per period, other programs pinned and unpinned.
 * Tasks are 20 ms of work on a core of their own; noise is off unless a test says otherwise.
 */
class SchedulerFidelityTest {
    static final double TASK = 0.020;

    /** A batch of {@code rounds} rounds of {@code level} spin tasks on pinned (or not) thread workers. */
    static List<TaskRecord> run(SimulatedMachine m, int level, int rounds, boolean pin, double seconds) {
        CpuAssignment cpus = pin ? CpuAssignment.of(m.profile()) : CpuAssignment.NONE;
        WorkerPool pool = m.pool(WorkerMode.THREADS, PoolSpec.threads(Duration.ofMinutes(1), cpus));
        BatchRunner runner = new BatchRunner(pool, new RunClock(m::nanoTime), RecordSink.NONE, "test");
        List<TaskInput> tasks = new ArrayList<>();
        for (int i = 0; i < level * rounds; i++) {
            tasks.add(new TaskInput(i, 0, i));
        }
        long loops = Math.round(seconds * 1e9 / TaskCost.NANOS_PER_SPIN_LOOP);
        return runner.run(new BatchPlan("test", level, 0, SpinWorkload.spec(loops), tasks, Strategy.ROUNDS)).records();
    }

    static SimulatedMachine quiet(MachineSpec spec) {
        return SimulatedMachine.of(spec.noise(0));
    }

    @Test
    void oneWorkerMoreThanCpusSlowsExactlyTheTwoThatShareACpuAndAsRunQueueWait() {
        int n = 8;
        List<TaskRecord> rs = run(quiet(MachineSpec.cores(n)), n + 1, 5, true, TASK);
        assertThat(rs).hasSize(5 * (n + 1));
        for (TaskRecord r : rs) {
            assertThat(r.cpuSeconds()).as("CPU time is the work").isCloseTo(TASK, within(TASK * 0.001));
            assertThat(r.wallNanos()).isCloseTo(r.cpuNanos() + r.waitNanos(), within(2L));
            boolean shared = r.cpu() == 0; // slots 0 and 8 are both pinned to CPU 0
            if (shared) {
                assertThat(r.wallSeconds() / TASK).as("sharing %s", r).isBetween(1.8, 2.0);
                assertThat(r.waitSeconds()).isCloseTo(r.wallSeconds() - TASK, within(1e-6));
                assertThat(r.involuntarySwitches()).isGreaterThan(1);
            } else {
                assertThat(r.wallSeconds()).as("alone %s", r).isCloseTo(TASK, within(1e-6));
                assertThat(r.waitSeconds()).isZero();
            }
        }
        assertThat(rs.stream().filter(r -> r.cpu() == 0).count()).isEqualTo(10);
    }

    @Test
    void smtSiblingsBusyTogetherTakeSmtSlowdownTimesTheCpuTimeWithoutWaiting() {
        SimulatedMachine m = quiet(MachineSpec.cores(4).smt(1.3));
        List<TaskRecord> onePerCore = run(m, 4, 3, true, TASK);
        assertThat(onePerCore).allSatisfy(r -> {
            assertThat(r.cpu()).isBetween(0, 3);
            assertThat(r.cpuSeconds()).isCloseTo(TASK, within(1e-6));
        });
        List<TaskRecord> siblings = run(m, 8, 3, true, TASK);
        assertThat(siblings).allSatisfy(r -> {
            assertThat(r.cpuSeconds()).isCloseTo(1.3 * TASK, within(1e-5));
            assertThat(r.waitSeconds()).isZero();
            assertThat(r.wallSeconds()).isCloseTo(r.cpuSeconds(), within(1e-6));
        });
    }

    @Test
    void aQuotaThrottlesTheGroupEveryPeriodAndCapsItsCpuTimePerPeriod() {
        SimulatedMachine m = quiet(MachineSpec.cores(4).quota(1.5));
        List<TaskRecord> rs = run(m, 4, 2, true, 0.2);
        List<Quota.Period> periods = m.quotaPeriods();
        assertThat(periods).isNotEmpty();
        assertThat(periods.stream().filter(Quota.Period::throttled).count()).isGreaterThanOrEqualTo(10);
        assertThat(periods).allSatisfy(p -> assertThat(p.groupCpuNanos()).isLessThanOrEqualTo(150_000_000L + 1));
        double cpu = rs.stream().mapToDouble(TaskRecord::cpuSeconds).sum();
        double span = (rs.stream().mapToLong(TaskRecord::endNanos).max().orElseThrow()
                - rs.stream().mapToLong(TaskRecord::startNanos).min().orElseThrow()) / 1e9;
        // 1.5 CPUs in every whole period; a little more over a span that ends early in a fresh period
        assertThat(cpu / span).as("CPUs used on average").isBetween(1.4, 1.6);
        assertThat(rs).allSatisfy(r -> {
            assertThat(r.waitSeconds()).as("throttled time is waiting").isGreaterThan(0.1);
            assertThat(r.cpuSeconds()).isCloseTo(0.2, within(1e-6));
        });
    }

    @Test
    void aPinnedHogTakesHalfTheCpuOfTheWorkerPinnedBesideIt() {
        SimulatedMachine m = quiet(MachineSpec.cores(2).busy(1));
        List<TaskRecord> rs = run(m, 2, 5, true, TASK);
        for (TaskRecord r : rs) {
            assertThat(r.cpuSeconds()).isCloseTo(TASK, within(1e-6));
            if (r.cpu() == 1) {
                assertThat(r.wallSeconds() / TASK).as("beside the hog").isBetween(1.85, 2.15);
                assertThat(r.waitSeconds()).isCloseTo(r.wallSeconds() - TASK, within(1e-6));
            } else {
                assertThat(r.wallSeconds()).isCloseTo(TASK, within(1e-6));
            }
        }
    }

    @Test
    void unpinnedLoadGoesToIdleCpusFirst() {
        // one other program running all the time, unpinned, and two pinned workers on CPUs 0 and 1 of 4:
        // the program keeps to CPUs 2-3, the workers never wait
        SimulatedMachine m = quiet(MachineSpec.cores(4).background(1));
        var before = m.perCpuLoad().orElseThrow();
        List<TaskRecord> rs = run(m, 2, 20, true, TASK);
        double[] busy = m.perCpuLoad().orElseThrow().busySince(before);
        assertThat(rs).allSatisfy(r -> assertThat(r.waitSeconds()).isZero());
        assertThat(busy[0]).isGreaterThan(0.95);
        assertThat(busy[1]).isGreaterThan(0.95);
        assertThat(busy[2] + busy[3]).isGreaterThan(0.95);
        // unpinned workers too: 3 workers and 1 other program on 4 CPUs all find a CPU of their own
        List<TaskRecord> free = run(m, 3, 20, false, TASK);
        assertThat(free).allSatisfy(r -> assertThat(r.waitSeconds()).isLessThan(1e-3));
    }

    @Test
    void theSameMachineAndSeedGiveTheSameRecords() {
        MachineSpec spec = MachineSpec.cores(4).smt(1.2).background(1.5).busy(2).drift(0.05).noise(0.03).seed(9);
        List<TaskRecord> a = run(SimulatedMachine.of(spec), 9, 4, true, TASK);
        List<TaskRecord> b = run(SimulatedMachine.of(spec), 9, 4, true, TASK);
        List<TaskRecord> c = run(SimulatedMachine.of(spec.seed(10)), 9, 4, true, TASK);
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }
}
