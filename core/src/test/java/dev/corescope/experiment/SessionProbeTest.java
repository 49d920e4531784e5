package dev.corescope.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.exec.BatchPlan;
import dev.corescope.exec.Strategy;
import dev.corescope.exec.WorkerMode;
import dev.corescope.exec.pin.CpuAssignment;
import dev.corescope.machine.MachineProbe;
import dev.corescope.machine.MachineProfile;
import dev.corescope.store.RunDirectory;
import dev.corescope.workload.SpinWorkload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The machine is probed once per run, in its session, through the supplier it was given; the pinned CPUs come from it. */
class SessionProbeTest {
    @TempDir
    Path dir;

    /** 2 cores with SMT siblings (0,2) (1,3), all four allowed: pin order 0, 1, 2, 3. */
    static MachineProfile invented() {
        return new MachineProfile("invented", 4, 2, 1, 1, List.of(List.of(0, 2), List.of(1, 3)), List.of(0, 1, 2, 3),
                null, 4, null, "17", "v", List.of(), "Linux", "6", null, -1, "invented-host", List.of());
    }

    private Settings settings(boolean pin) {
        return new Settings("sweep", List.of(), WorkerMode.THREADS, null, Duration.ofMinutes(1), List.of(), 42, true)
                .pinned(pin);
    }

    @Test
    void theSessionProbesOnceAndPinsToTheCpusOfThatProfile() throws Exception {
        AtomicInteger probes = new AtomicInteger();
        MachineProfile p = invented();
        try (Session s = Session.open(settings(true), RunDirectory.create(dir.resolve("a"), "sweep"), null, r -> { },
                x -> { }, () -> {
                    probes.incrementAndGet();
                    return p;
                })) {
            s.run(new BatchPlan("sweep", 2, 0, SpinWorkload.spec(1000), Tasks.of(2, 0, 1), Strategy.ROUNDS));
            assertThat(s.profile()).isSameAs(p);
            // the profile's CPUs, the ones this machine's other programs leave idle first (its load now decides the order)
            assertThat(s.cpus().cpus()).containsExactlyInAnyOrderElementsOf(CpuAssignment.of(p).cpus())
                    .containsExactlyInAnyOrder(0, 1, 2, 3);
            s.pool(WorkerMode.PROCESSES); // a pool of another mode: the same profile, no second probe
            assertThat(Summaries.metadata(s).profile()).isSameAs(p);
        }
        assertThat(probes).hasValue(1);
    }

    @Test
    void unpinnedSettingsPinNothingAndAFailedProbeIsNoProfile() throws Exception {
        try (Session s = Session.open(settings(false), RunDirectory.create(dir.resolve("b"), "sweep"), null, r -> { },
                x -> { }, SessionProbeTest::invented)) {
            assertThat(s.cpus()).isEqualTo(CpuAssignment.NONE);
        }
        try (Session s = Session.open(settings(true), RunDirectory.create(dir.resolve("c"), "sweep"), null, r -> { },
                x -> { }, () -> {
                    throw new IllegalStateException("no /proc");
                })) {
            assertThat(s.profile()).isNull();
            assertThat(s.cpus()).isEqualTo(CpuAssignment.NONE);
        }
    }

    @Test
    void onceProbesOnFirstUseOnly() {
        AtomicInteger probes = new AtomicInteger();
        var once = MachineProbe.once(() -> {
            probes.incrementAndGet();
            return invented();
        });
        assertThat(probes).hasValue(0);
        assertThat(once.get()).isSameAs(once.get());
        assertThat(probes).hasValue(1);
    }

    @Test
    void anExplicitWorkerCountProbesNothing() {
        AtomicInteger probes = new AtomicInteger();
        var ctx = WorkerCount.Context.live(() -> {
            probes.incrementAndGet();
            return invented();
        }, null, null);
        assertThat(WorkerCount.resolve("3", ctx).workers()).isEqualTo(3);
        assertThat(probes).hasValue(0);
    }
}
