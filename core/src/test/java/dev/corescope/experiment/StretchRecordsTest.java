package dev.corescope.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.analysis.Equivalence;
import dev.corescope.exec.BatchPlan;
import dev.corescope.exec.Strategy;
import dev.corescope.exec.TaskRecord;
import dev.corescope.exec.VirtualPool;
import dev.corescope.exec.WorkerMode;
import dev.corescope.store.RecordLog;
import dev.corescope.store.RunDirectory;
import dev.corescope.workload.WorkloadSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records reach the file stretch by stretch; --budget stops extensions and step-downs. Simulated timings. */
class StretchRecordsTest {
    @TempDir
    Path tmp;

    @Test
    void aStretchsRecordsAreInTheFileBeforeTheNextStretchStarts() throws Exception {
        Settings settings = new Settings("assess", List.of(), WorkerMode.THREADS, null, Duration.ofMinutes(1), List.of(),
                1, true);
        RunDirectory dir = RunDirectory.create(tmp.resolve("r"), "assess");
        int[] inFileAtStart = new int[3];
        VirtualPool pool = new VirtualPool((t, running, w, rng) -> 0.01, 1);
        try (Session s = Session.open(settings, dir, pool, r -> { }, x -> { }, () -> null)) {
            for (int i = 0; i < 3; i++) {
                inFileAtStart[i] = RecordLog.read(dir.records()).size();
                s.run(new BatchPlan("assess/x", 2, 0, WorkloadSpec.of("spin"), Tasks.of(10, 0, 1), Strategy.QUEUE, 0, true));
            }
        }
        assertThat(inFileAtStart).containsExactly(0, 10, 20);
    }

    @Test
    void withNoBudgetLeftALevelThatFailsIsNotSteppedDownFromNorExtended() {
        VirtualPool pool = new VirtualPool(SyntheticRuns.lognormal(0.02, 0, 0, 1.15), 3);
        List<dev.corescope.api.TaskInput> order = SyntheticRuns.order(List.of(100L, 200L), 100, 1);
        Settings settings = new Settings("assess", List.of(), WorkerMode.THREADS, null, Duration.ofMinutes(1), List.of(),
                5, true);
        CertifiedRun.CertifiedRunResult o;
        try (Session s = Session.open(settings, RunDirectory.create(tmp.resolve("b"), "assess"), pool, r -> { }, x -> { },
                () -> null)) {
            o = new CertifiedRun(s, new CertifiedRun.Spec("x", WorkloadSpec.of("spin"), 0, order, 2,
                    CertifiedRun.Policy.STEP_DOWN, Equivalence.Margins.DEFAULT, ControlPlan.Shares.DEFAULT, 0, 5),
                    n -> { }, () -> { }).run();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        var c = o.certification();
        assertThat(c.status()).isEqualTo("not certified");
        assertThat(c.level()).isEqualTo(2);
        assertThat(c.attempts()).hasSize(1).allMatch(a -> a.extended() == 0);
        assertThat(c.verdict()).endsWith("no time left in --budget to step down to 1 worker");
        assertThat(o.measured()).allMatch(TaskRecord::ok).allMatch(r -> r.level() == 2);
    }
}
