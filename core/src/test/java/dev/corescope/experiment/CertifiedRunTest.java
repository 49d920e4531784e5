package dev.corescope.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.analysis.Equivalence;
import dev.corescope.exec.TaskRecord;
import dev.corescope.exec.VirtualPool;
import dev.corescope.exec.WorkerMode;
import dev.corescope.machine.MachineSpec;
import dev.corescope.sim.SimulatedMachine;
import dev.corescope.store.RunDirectory;
import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.time.Duration;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-run proof on invented timings (a simulated pool, no real timing): clean, shifted, only wider, clean up
 * to a level, a level that never ran at P, a fixed level, unchecked; and on a simulated machine that schedules like
 * Linux (clean up to its cores, time-slicing beyond).
 */
class CertifiedRunTest {
    @TempDir
    Path tmp;

    CertifiedRun.CertifiedRunResult run(VirtualPool pool, int level, CertifiedRun.Policy policy, int repeats) {
        return SyntheticRuns.run(tmp, pool, SyntheticRuns.order(List.of(100L, 200L), repeats, 1), level, policy,
                Equivalence.Margins.DEFAULT, 5);
    }

    /** On a simulated machine, its workers pinned, sort-merge at 100,000 and 200,000 (about 7 and 14 ms). */
    CertifiedRun.CertifiedRunResult run(SimulatedMachine machine, int level, CertifiedRun.Policy policy, int repeats)
            throws Exception {
        Settings settings = new Settings("assess", List.of(), WorkerMode.THREADS, null, Duration.ofMinutes(1), List.of(), 42,
                true, true);
        RunDirectory dir = RunDirectory.create(tmp.resolve("sim-" + level + "-" + policy), "assess");
        List<TaskInput> order = AssessTasks.shuffled(AssessTasks.inOrder(List.of(100_000L, 200_000L), repeats, repeats, 1), 3);
        try (Session s = Session.open(settings, dir, null, r -> { }, x -> { }, machine)) {
            return new CertifiedRun(s, new CertifiedRun.Spec("x", WorkloadSpec.of("sort-merge"), 0, order, level, policy,
                    Equivalence.Margins.DEFAULT, ControlPlan.Shares.DEFAULT, Long.MAX_VALUE, 5), n -> { }, () -> { }).run();
        }
    }

    @Test
    void onASimulatedMachineALevelThatTimeSlicesIsHalvedToItsCoresAndCertifiedThere() throws Exception {
        // 2 cores: 4 pinned workers time-slice CPUs 0 and 1; 2 run clean, fillers keeping both busy
        CertifiedRun.CertifiedRunResult o = run(SimulatedMachine.of(MachineSpec.cores(2).seed(4)), 4, CertifiedRun.Policy.STEP_DOWN,
                100);
        var c = o.certification();
        assertThat(c.level()).as(c.verdict()).isEqualTo(2);
        assertThat(c.status()).isEqualTo("certified");
        assertThat(c.attempts()).extracting(Assessment.Attempt::level).containsExactly(4, 2);
        assertThat(c.attempts().get(1).occupancy()).isGreaterThan(0.9);
        assertThat(c.speed().speedup()).isBetween(1.8, 2.05);
    }

    @Test
    void onASimulatedMachineACleanLevelIsCertified() throws Exception {
        CertifiedRun.CertifiedRunResult o = run(SimulatedMachine.of(MachineSpec.cores(8).seed(2)), 8, CertifiedRun.Policy.FIXED, 100);
        var c = o.certification();
        assertThat(c.status()).as(c.verdict()).isEqualTo("certified");
        assertThat(c.attempts().get(0).occupancy()).isGreaterThan(0.9);
    }

    @Test
    void cleanWorkloadIsCertifiedAtTheLevelAskedForWithItsSpeedup() {
        CertifiedRun.CertifiedRunResult o = run(new VirtualPool(SyntheticRuns.lognormal(0.02, 0, 0, 1.0), 1), 2,
                CertifiedRun.Policy.STEP_DOWN, 100);
        var c = o.certification();
        assertThat(c.level()).isEqualTo(2);
        assertThat(c.status()).as(c.verdict()).isEqualTo("certified");
        assertThat(c.verdict()).matches("2 workers, certified: location ×(0\\.9[89]|1\\.0[012]) \\[.*against 1 worker.*");
        assertThat(c.attempts()).hasSize(1);
        assertThat(c.attempts().get(0).occupancy()).isGreaterThan(0.99);
        assertThat(c.attempts().get(0).blocks()).isEqualTo(10);
        assertThat(o.measured()).hasSize(200).allMatch(r -> r.level() == 2 && r.experiment().equals("assess/x"));
        assertThat(o.controls()).hasSize(30).allMatch(r -> r.level() == 1 && r.experiment().equals("control/x"));
        assertThat(c.speed().speedup()).isBetween(1.9, 2.1);
        assertThat(c.speed().low()).isLessThan(c.speed().speedup());
        assertThat(c.disturbed().parallelTasks()).isEqualTo(200);
        assertSameTasks(o);
    }

    @Test
    void shiftedWorkloadStepsDownByHalvingToOneWorkerAndSaysWhy() {
        CertifiedRun.CertifiedRunResult o = run(new VirtualPool(SyntheticRuns.lognormal(0.02, 0, 0, 1.15), 2), 3,
                CertifiedRun.Policy.STEP_DOWN, 100);
        var c = o.certification();
        assertThat(c.status()).isEqualTo("lowered");
        assertThat(c.level()).isEqualTo(1);
        assertThat(c.attempts()).extracting(Assessment.Attempt::level).containsExactly(3, 2);
        assertThat(c.attempts()).allMatch(a -> a.equivalence().verdict() == Equivalence.EquivalenceVerdict.DIFFERENT);
        assertThat(c.attempts()).allMatch(Assessment.Attempt::stoppedEarly).allMatch(a -> a.blocks() >= 5 && a.blocks() < 10);
        assertThat(c.verdict()).startsWith("lowered from 3 to 1 worker: at 3 workers location ×1.1").contains("spread")
                .contains("; at 2 workers location ×1.1");
        // one worker: every task measured once, the controls among them
        assertThat(o.measured()).hasSize(200).allMatch(r -> r.level() == 1);
        assertThat(o.measured().stream().map(TaskRecord::taskIndex).distinct()).hasSize(200);
    }

    @Test
    void onlyWiderWorkloadStepsDownOnItsSpread() {
        VirtualPool.Model wider = (task, running, worker, rng) -> 0.01 * task.size() / 100.0
                * Math.exp((running >= 2 ? 0.08 : 0.02) * SyntheticRuns.gaussian(rng));
        CertifiedRun.CertifiedRunResult o = run(new VirtualPool(wider, 3), 2, CertifiedRun.Policy.STEP_DOWN, 150);
        var c = o.certification();
        assertThat(c.level()).as(c.verdict()).isEqualTo(1);
        Equivalence e = c.attempts().get(0).equivalence();
        assertThat(e.reason()).contains("spread");
        assertThat(e.location().point()).isBetween(0.97, 1.03);
    }

    @Test
    void workloadCleanUpToTwoIsHalvedFromFourToTwoAndCertifiedThere() {
        CertifiedRun.CertifiedRunResult o = run(new VirtualPool(SyntheticRuns.cores(2), 4), 4, CertifiedRun.Policy.STEP_DOWN, 100);
        var c = o.certification();
        assertThat(c.level()).as(c.verdict()).isEqualTo(2);
        assertThat(c.status()).isEqualTo("certified");
        assertThat(c.attempts()).extracting(Assessment.Attempt::level).containsExactly(4, 2);
        assertThat(o.measured()).hasSize(200).allMatch(r -> r.level() == 2);
    }

    @Test
    void aLevelWhoseWorkersNeverAllRanAtOnceIsNotCertified() {
        // a machine that runs 4 tasks at a time: "8 workers" are 4, whatever the comparison says
        VirtualPool pool = new VirtualPool(SyntheticRuns.lognormal(0.02, 0, 0, 1.0), 6, 4);
        CertifiedRun.CertifiedRunResult o = run(pool, 8, CertifiedRun.Policy.FIXED, 100);
        var c = o.certification();
        assertThat(pool.peak()).isEqualTo(4);
        assertThat(c.status()).isEqualTo("not certified");
        assertThat(c.attempts().get(0).occupancy()).isLessThan(0.6);
        assertThat(c.verdict()).startsWith("8 workers (--workers), NOT certified").contains("busy only");
    }

    @Test
    void fixedLevelIsKeptAndReportedAsNotCertified() {
        CertifiedRun.CertifiedRunResult o = run(new VirtualPool(SyntheticRuns.lognormal(0.02, 0, 0, 1.15), 7), 2,
                CertifiedRun.Policy.FIXED, 60);
        var c = o.certification();
        assertThat(c.level()).isEqualTo(2);
        assertThat(c.status()).isEqualTo("not certified");
        assertThat(c.verdict()).startsWith("2 workers (--workers), NOT certified: location ×1.1");
        assertThat(c.attempts().get(0).stoppedEarly()).isFalse();
        assertThat(o.measured()).hasSize(120);
    }

    @Test
    void uncheckedRunsNoControls() {
        CertifiedRun.CertifiedRunResult o = run(new VirtualPool(SyntheticRuns.lognormal(0.02, 0, 0, 1.0), 8), 2,
                CertifiedRun.Policy.UNCHECKED, 20);
        assertThat(o.controls()).isEmpty();
        assertThat(o.certification().status()).isEqualTo("not checked");
        assertThat(o.measured()).hasSize(40);
    }

    /** Controls are the same (size, seed) inputs as measured tasks. */
    private static void assertSameTasks(CertifiedRun.CertifiedRunResult o) {
        Set<String> measured = new HashSet<>();
        o.measured().forEach(r -> measured.add(r.size() + "/" + r.taskIndex() + "/" + r.checksum()));
        assertThat(o.controls()).allMatch(r -> measured.contains(r.size() + "/" + r.taskIndex() + "/" + r.checksum()));
    }
}
