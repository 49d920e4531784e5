package dev.corescope.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.analysis.DistributionComparison.Criteria;
import dev.corescope.analysis.Verdict;
import dev.corescope.exec.TaskRecord;
import dev.corescope.exec.WorkerMode;
import dev.corescope.machine.MachineSpec;
import dev.corescope.sim.SimulatedMachine;
import dev.corescope.store.RunDirectory;
import dev.corescope.workload.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-run proof on invented workload distributions (clean, shifted, only wider: {@link InterferencePool}) and on a
 * simulated machine (clean up to its cores). No real timing.
 */
class CertifiedRunTest {
    @TempDir
    Path tmp;
    private int runs;

    /** On a simulated machine, its workers pinned, sort-merge at 100,000 and 200,000 (about 7 and 14 ms). */
    CertifiedRun.Outcome run(SimulatedMachine machine, int level, CertifiedRun.Policy policy, int repeats)
            throws Exception {
        Settings settings = new Settings("assess", List.of(), WorkerMode.THREADS, null, Duration.ofMinutes(1), List.of(), 42,
                true, true);
        RunDirectory dir = RunDirectory.create(tmp.resolve("run-" + (++runs)), "assess");
        List<TaskInput> order = AssessTasks.shuffled(AssessTasks.inOrder(List.of(100_000L, 200_000L), repeats, repeats, 1), 3);
        try (Session s = Session.open(settings, dir, null, r -> { }, x -> { }, machine)) {
            return new CertifiedRun(s, new CertifiedRun.Spec("x", WorkloadSpec.of("sort-merge"), 0, order, level, policy,
                    Criteria.defaults(), ControlPlan.Shares.DEFAULT, 5), n -> { }, () -> { }).run();
        }
    }

    CertifiedRun.Outcome run(InterferencePool.Model model, int level, CertifiedRun.Policy policy, int repeats)
            throws Exception {
        Settings settings = new Settings("assess", List.of(), WorkerMode.THREADS, null, Duration.ofMinutes(1), List.of(), 42, true);
        RunDirectory dir = RunDirectory.create(tmp.resolve("run-" + (++runs)), "assess");
        List<TaskInput> order = AssessTasks.shuffled(AssessTasks.inOrder(List.of(100L, 200L), repeats, repeats, 1), 3);
        try (InterferencePool pool = new InterferencePool(model);
             Session s = Session.open(settings, dir, pool, r -> { }, x -> { })) {
            int[] warmed = {0};
            return new CertifiedRun(s, new CertifiedRun.Spec("x", WorkloadSpec.of("spin"), 0, order, level, policy,
                    Criteria.defaults(), ControlPlan.Shares.DEFAULT, 5), n -> warmed[0] = n, () -> { }).run();
        }
    }

    @Test
    void cleanWorkloadIsCertifiedAtTheLevelAskedFor() throws Exception {
        CertifiedRun.Outcome o = run(InterferencePool.lognormal(0, 0), 2, CertifiedRun.Policy.STEP_DOWN, 100);
        var c = o.certification();
        assertThat(c.level()).isEqualTo(2);
        assertThat(c.status()).isEqualTo("certified");
        assertThat(c.verdict()).matches("2 workers, certified: mean ×(0\\.9[89]|1\\.0[012]) \\[.*against 1 worker.*");
        assertThat(c.attempts()).hasSize(1);
        assertThat(o.measured()).hasSize(200).allMatch(r -> r.level() == 2 && r.experiment().equals("assess/x"));
        // settled early: the extra controls were skipped, only (about) the base share ran
        assertThat(o.controls()).hasSizeBetween(10, 39).allMatch(r -> r.level() == 1 && r.experiment().equals("control/x"));
        assertSameTasks(o);
    }

    @Test
    void shiftedWorkloadStepsDownToOneWorkerAndSaysWhy() throws Exception {
        CertifiedRun.Outcome o = run(InterferencePool.lognormal(0.15, 0), 3, CertifiedRun.Policy.STEP_DOWN, 100);
        var c = o.certification();
        assertThat(c.status()).isEqualTo("lowered");
        assertThat(c.level()).isEqualTo(1);
        assertThat(c.attempts()).extracting(Assessment.Attempt::level).containsExactly(3, 2);
        assertThat(c.attempts()).allMatch(a -> a.comparison().verdict() == Verdict.WORSE);
        assertThat(c.attempts()).allMatch(Assessment.Attempt::stoppedEarly);
        assertThat(c.verdict()).startsWith("lowered from 3 to 1 worker: at 3 workers mean ×1.").contains("median")
                .contains("; at 2 workers mean ×1.1");
        // one worker: every task measured once, the controls among them
        assertThat(o.measured()).hasSize(200).allMatch(r -> r.level() == 1);
        assertThat(o.measured().stream().map(TaskRecord::taskIndex).distinct()).hasSize(200);
    }

    @Test
    void onlyWiderWorkloadStepsDownOnItsSpread() throws Exception {
        CertifiedRun.Outcome o = run(InterferencePool.lognormal(0, 2.0), 2, CertifiedRun.Policy.STEP_DOWN, 150);
        var c = o.certification();
        assertThat(c.level()).as(c.verdict()).isEqualTo(1);
        assertThat(c.attempts().get(0).comparison().reason()).contains("spread");
        assertThat(c.attempts().get(0).comparison().median().point()).isBetween(0.97, 1.03);
    }

    @Test
    void workloadCleanUpToTwoIsLoweredFromFourToTwoAndCertifiedThere() throws Exception {
        // a simulated machine of 2 cores: 3 and 4 pinned workers time-slice CPU 0 (and 1)
        CertifiedRun.Outcome o = run(SimulatedMachine.of(MachineSpec.cores(2).seed(4)), 4, CertifiedRun.Policy.STEP_DOWN,
                100);
        var c = o.certification();
        assertThat(c.level()).as(c.verdict()).isEqualTo(2);
        assertThat(c.status()).isEqualTo("certified");
        assertThat(c.attempts()).extracting(Assessment.Attempt::level).containsExactly(4, 3, 2);
        assertThat(o.measured()).hasSize(200).allMatch(r -> r.level() == 2);
    }

    @Test
    void fixedLevelIsKeptAndReportedAsNotCertified() throws Exception {
        CertifiedRun.Outcome o = run(InterferencePool.lognormal(0.15, 0), 2, CertifiedRun.Policy.FIXED, 60);
        var c = o.certification();
        assertThat(c.level()).isEqualTo(2);
        assertThat(c.status()).isEqualTo("not certified");
        assertThat(c.verdict()).startsWith("2 workers (--workers), NOT certified: mean ×1.1");
        assertThat(c.attempts().get(0).stoppedEarly()).isFalse();
        assertThat(o.measured()).hasSize(120);
    }

    @Test
    void uncheckedRunsNoControls() throws Exception {
        CertifiedRun.Outcome o = run(InterferencePool.lognormal(0, 0), 2, CertifiedRun.Policy.UNCHECKED, 20);
        assertThat(o.controls()).isEmpty();
        assertThat(o.certification().status()).isEqualTo("not checked");
        assertThat(o.measured()).hasSize(40);
    }

    /** Controls are the same (size, seed) inputs as measured tasks. */
    private static void assertSameTasks(CertifiedRun.Outcome o) {
        Set<String> measured = new HashSet<>();
        o.measured().forEach(r -> measured.add(r.size() + "/" + r.taskIndex() + "/" + r.checksum()));
        assertThat(o.controls()).allMatch(r -> measured.contains(r.size() + "/" + r.taskIndex() + "/" + r.checksum()));
    }
}
