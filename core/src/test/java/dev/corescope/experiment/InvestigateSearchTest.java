package dev.corescope.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corescope.exec.Machine;
import dev.corescope.exec.PoolSpec;
import dev.corescope.exec.WorkerMode;
import dev.corescope.exec.WorkerPool;
import dev.corescope.machine.CpuQuota;
import dev.corescope.machine.MachineProfile;
import dev.corescope.machine.MachineSpec;
import dev.corescope.machine.ProcFs;
import dev.corescope.sim.SimulatedMachine;
import dev.corescope.store.RunDirectory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole adaptive investigation on simulated machines ({@link SimulatedMachine}): profile, calibration,
 * adaptive levels, added samples, verdict and explanation — no real timing.
 */
class InvestigateSearchTest {
    @TempDir
    Path tmp;
    private int runs;

    static MachineProfile profile(int cores, boolean smt, double quota, int allowed) {
        List<List<Integer>> siblings = new ArrayList<>();
        for (int c = 0; c < cores; c++) {
            siblings.add(smt ? List.of(c, c + cores) : List.of(c));
        }
        int logical = smt ? 2 * cores : cores;
        List<Integer> allowedCpus = new ArrayList<>();
        for (int i = 0; i < Math.min(allowed, logical); i++) {
            allowedCpus.add(i);
        }
        CpuQuota q = Double.isInfinite(quota) ? CpuQuota.unlimited(100_000, "test")
                : CpuQuota.limited(Math.round(quota * 100_000), 100_000, "test");
        return new MachineProfile("synthetic", logical, cores, 1, 1, siblings, allowedCpus, q, logical, null,
                "17", "test", List.of(), "Linux", "test", "performance", -1, "host", List.of());
    }

    /** A simulated machine of {@code cores} cores (with SMT: 2 threads each), a quota, {@code busy} last CPUs busy. */
    static SimulatedMachine machine(int cores, boolean smt, double quota, int busy) {
        MachineSpec spec = MachineSpec.cores(cores);
        spec = smt ? spec.smt(MachineSpec.DEFAULT_SMT_SLOWDOWN) : spec;
        spec = Double.isInfinite(quota) ? spec : spec.quota(quota);
        int logical = spec.logicalCpus();
        Integer[] last = new Integer[busy];
        for (int i = 0; i < busy; i++) {
            last[i] = logical - busy + i;
        }
        return SimulatedMachine.of(spec.busy(last));
    }

    private InvestigateExperiment.Result investigate(Machine machine, boolean full) throws Exception {
        return investigate(machine, full, Duration.ofMillis(50));
    }

    private InvestigateExperiment.Result investigate(Machine machine, boolean full, Duration task) throws Exception {
        Settings settings = new Settings("investigate", List.of(), WorkerMode.THREADS, null, Duration.ofMinutes(1), List.of(), 42, true);
        RunDirectory dir = RunDirectory.create(tmp.resolve("run-" + (++runs)), "investigate");
        int max = 2 * machine.profile().logicalCpus() + 2;
        try (Session s = Session.open(settings.pinned(true), dir, null, r -> { }, x -> { }, machine)) {
            return InvestigateExperiment.run(s, new InvestigateExperiment.InvestigateConfig(new SpinSetup(null, task), 0.05, full, max,
                    InvestigateExperiment.InvestigateConfig.DEFAULT_MIN_SAMPLES, InvestigateExperiment.InvestigateConfig.DEFAULT_MAX_SAMPLES,
                    false), Progress.NONE);
        }
    }

    /** {@code machine} as it is, but with {@code profile} as what its profile says. */
    static Machine misdescribed(Machine machine, MachineProfile profile) {
        return new Machine() {
            @Override
            public MachineSpec simulated() {
                return machine.simulated();
            }

            @Override
            public WorkerPool pool(WorkerMode mode, PoolSpec spec) {
                return machine.pool(mode, spec);
            }

            @Override
            public long nanoTime() {
                return machine.nanoTime();
            }

            @Override
            public void sleep(Duration d) throws InterruptedException {
                machine.sleep(d);
            }

            @Override
            public ProcFs procFs() {
                return machine.procFs();
            }

            @Override
            public MachineProfile profile() {
                return profile;
            }

            @Override
            public long awaitJitQuiet(long maxMillis) {
                return 0;
            }

            @Override
            public int availableProcessors() {
                return profile.availableProcessors();
            }
        };
    }

    @ParameterizedTest(name = "{0} cores, SMT {1}, quota {2}, {3} busy -> {4}")
    @CsvSource({
        "1, false, Infinity, 0, 1",
        "2, false, Infinity, 0, 2",
        "4, false, Infinity, 0, 4",
        "8, false, Infinity, 0, 8",
        "2, false, 1.5, 0, 1",
        "4, false, 2.5, 0, 2",
        "2, false, 0.5, 0, 1",
        "4, false, Infinity, 1, 3",
        "2, false, Infinity, 1, 1",
    })
    void adaptiveSearchFindsTheCapacity(int cores, boolean smt, double quota, int busy, int expected) throws Exception {
        var r = investigate(machine(cores, smt, quota, busy), false);
        assertThat(r.threshold()).isEqualTo(expected);
        assertThat(r.measuredLevels()).contains(1, expected);
        if (expected + 1 <= 2 * (smt ? 2 * cores : cores) + 2) {
            assertThat(r.measuredLevels()).contains(expected + 1);
        }
        // adaptive: a handful of levels, not the whole range
        assertThat(r.measuredLevels().size()).isLessThanOrEqualTo(12);
        assertThat(r.explanation()).contains("at most " + expected + " concurrent worker");
    }

    @ParameterizedTest(name = "{0} cores, SMT {1}, quota {2}, {3} busy -> {4}")
    @CsvSource({
        "16, false, Infinity, 0, 16",
        "64, false, Infinity, 0, 64",
        "4, true, Infinity, 0, 4",
        "8, true, Infinity, 0, 8",
    })
    void adaptiveSearchFindsTheCapacityOnBigAndSmtMachines(int cores, boolean smt, double quota, int busy, int expected)
            throws Exception {
        adaptiveSearchFindsTheCapacity(cores, smt, quota, busy, expected);
    }

    @ParameterizedTest(name = "full sweep agrees: {0} cores")
    @CsvSource({"1", "2", "4"})
    void fullSweepAgreesWithAdaptive(int cores) throws Exception {
        var adaptive = investigate(machine(cores, false, Double.POSITIVE_INFINITY, 0), false);
        var full = investigate(machine(cores, false, Double.POSITIVE_INFINITY, 0), true);
        assertThat(full.measuredLevels()).hasSize(2 * cores + 2);
        assertThat(full.threshold()).isEqualTo(adaptive.threshold()).isEqualTo(cores);
    }

    @ParameterizedTest(name = "profile misleads ({0}): measurement wins")
    @CsvSource({"busy", "quota"})
    void measurementBeatsTopology(String why) throws Exception {
        // the profile claims 4 free cores; the machine really offers 2. A quota the profile cannot see (a parent
        // cgroup's) is measured with tasks of two quota periods: shorter ones, interleaved with one worker, leave
        // most periods' quota unused and are throttled in few rounds
        SimulatedMachine really = why.equals("busy") ? machine(4, false, Double.POSITIVE_INFINITY, 2)
                : machine(4, false, 2.0, 0);
        var r = investigate(misdescribed(really, profile(4, false, Double.POSITIVE_INFINITY, 4)), false,
                Duration.ofMillis(why.equals("busy") ? 50 : 200));
        assertThat(r.threshold()).isEqualTo(2);
        assertThat(r.machine().predictedWorkers()).isEqualTo(4);
        assertThat(r.explanation()).contains("suggests 4").contains("the measurement is what counts");
    }

    @ParameterizedTest(name = "explanation attributes the slowdown to run-queue wait")
    @CsvSource({"2"})
    void explanationNamesRunQueueWait(int cores) throws Exception {
        var r = investigate(machine(cores, false, Double.POSITIVE_INFINITY, 0), false);
        assertThat(r.explanation()).contains("With 3 workers").contains("waiting on the run queue")
                .contains("pinned to CPUs 0-1");
    }

    @org.junit.jupiter.api.Test
    void underACpuQuotaTheTaskSpansTwoQuotaPeriods() {
        Duration target = InvestigateExperiment.InvestigateConfig.DEFAULT_TARGET;
        org.assertj.core.api.Assertions.assertThat(InvestigateExperiment.taskFor(target, profile(4, false, 1.5, 4)))
                .isEqualTo(Duration.ofMillis(200)); // 2 x the 100 ms period of the test profile
        org.assertj.core.api.Assertions.assertThat(InvestigateExperiment.taskFor(target,
                profile(4, false, Double.POSITIVE_INFINITY, 4))).isEqualTo(target);
        org.assertj.core.api.Assertions.assertThat(InvestigateExperiment.taskFor(Duration.ofSeconds(1),
                profile(4, false, 1.5, 4))).isEqualTo(Duration.ofSeconds(1));
    }
}
