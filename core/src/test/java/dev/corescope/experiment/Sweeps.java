package dev.corescope.experiment;

import dev.corescope.analysis.LevelSample;
import dev.corescope.analysis.LevelSamples;
import dev.corescope.analysis.LevelVerdict;
import dev.corescope.analysis.SpendingDesign;
import dev.corescope.analysis.ThresholdDetector;
import dev.corescope.analysis.Verdict;
import dev.corescope.exec.TaskRecord;
import dev.corescope.exec.WorkerMode;
import dev.corescope.machine.MachineSpec;
import dev.corescope.sim.LevelSampler;
import dev.corescope.sim.MachineFile;
import dev.corescope.sim.SimulatedMachine;
import dev.corescope.store.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The threshold's sweeps over seeds of simulated machines, shared by the tests (a few seeds) and the
 * benchmark {@link ThresholdSweep} (20 and 1000 seeds): whole investigations on the machines of
 * docs/method.md's table, one level's decision under the sequential design on invented slowdowns, and the
 * cache's quick check beside a hogged CPU.
 */
final class Sweeps {
    /** A simulated machine of the table: its name, its file's keys (without the seed) and the true threshold. */
    record Machine(String name, String json, int truth) {
        MachineSpec spec(long seed, Path dir) throws IOException {
            Path f = Files.createTempFile(dir, "machine", ".json");
            Files.writeString(f, "{" + json + ", \"seed\": " + seed + "}");
            return MachineFile.read(f);
        }
    }

    /** The six machines, then six of our own with noise and drift. */
    static final List<Machine> MACHINES = List.of(
            new Machine("64 cores", "\"cores\": 64", 64),
            new Machine("16 cores x 2 SMT, slowdown 1.25", "\"cores\": 16, \"threadsPerCore\": 2, \"smtSlowdown\": 1.25", 16),
            new Machine("16 cores x 2 SMT, slowdown 1.02", "\"cores\": 16, \"threadsPerCore\": 2, \"smtSlowdown\": 1.02", 32),
            new Machine("64 cores, quota 12.5 CPUs", "\"cores\": 64, \"quotaCpus\": 12.5", 12),
            new Machine("64 cores, CPUs 5, 17, 40 busy", "\"cores\": 64, \"busyCpus\": [5, 17, 40]", 61),
            new Machine("8 cores, background 0.5 CPUs", "\"cores\": 8, \"backgroundCpus\": 0.5", 7),
            new Machine("32 cores, noise 4%, drift +5%/min", "\"cores\": 32, \"noiseCv\": 0.04, \"driftPerMinute\": 0.05", 32),
            new Machine("12 cores x 2 SMT 1.3, noise 4%, drift -3%/min",
                    "\"cores\": 12, \"threadsPerCore\": 2, \"smtSlowdown\": 1.3, \"noiseCv\": 0.04, \"driftPerMinute\": -0.03", 12),
            new Machine("24 cores, CPU 3 busy, noise 3%, drift +10%/min",
                    "\"cores\": 24, \"busyCpus\": [3], \"noiseCv\": 0.03, \"driftPerMinute\": 0.1", 23),
            new Machine("16 cores, quota 6.5, noise 3%, drift +2%/min",
                    "\"cores\": 16, \"quotaCpus\": 6.5, \"noiseCv\": 0.03, \"driftPerMinute\": 0.02", 6),
            new Machine("128 cores, noise 3%, drift +2%/min", "\"cores\": 128, \"noiseCv\": 0.03, \"driftPerMinute\": 0.02", 128),
            new Machine("4 cores, background 1.0 CPU, noise 3%", "\"cores\": 4, \"backgroundCpus\": 1.0, \"noiseCv\": 0.03", 3));

    private Sweeps() {
    }

    /** A whole investigate of the spin kernel on {@code machine}, as the CLI runs it (its default settings). */
    static InvestigateExperiment.Result investigate(dev.corescope.exec.Machine machine, Path dir) throws IOException {
        Settings settings = new Settings("investigate", List.of(), WorkerMode.THREADS, null, Duration.ofMinutes(1),
                List.of(), 42, true);
        RunDirectory run = RunDirectory.create(Files.createTempDirectory(dir, "run"), "investigate");
        int max = 2 * machine.profile().logicalCpus() + 2;
        try (Session s = Session.open(settings.pinned(true), run, null, r -> { }, x -> { }, machine)) {
            return InvestigateExperiment.run(s, new InvestigateExperiment.InvestigateConfig(
                    new SpinSetup(null, InvestigateExperiment.InvestigateConfig.DEFAULT_TARGET), 0.05, false, max,
                    InvestigateExperiment.InvestigateConfig.DEFAULT_MIN_SAMPLES, InvestigateExperiment.InvestigateConfig.DEFAULT_MAX_SAMPLES,
                    true), Progress.NONE);
        }
    }

    static InvestigateExperiment.Result investigate(Machine m, long seed, Path dir) throws IOException {
        return investigate(SimulatedMachine.of(m.spec(seed, dir)), dir);
    }

    /** What one level is made of: every worker as measured, one worker's tasks slower, or all of them. */
    enum Slowdown { CLEAN, ONE_WORKER, ALL }

    /**
     * The final verdict on a level of {@code p} workers on a {@code p}-core machine (per-task CV 2%, 20 ms tasks),
     * measured as investigate measures it (a round of the level and a task alone per block, in random order) and
     * looked at under the sequential design (5, 10, 20, 40... rounds, the budget grown with P); the level's tasks (one worker's, or all) made
     * {@code factor} times slower. UNSETTLED at the budget's end is returned as it is (it is not OK).
     */
    static Verdict decision(int p, long seed, Slowdown kind, double factor) {
        LevelSampler sim = new LevelSampler(MachineSpec.cores(p).seed(seed));
        ThresholdDetector detector = new ThresholdDetector();
        SpendingDesign looks = SpendingDesign.of(InvestigateExperiment.InvestigateConfig.DEFAULT_MAX_SAMPLES, ThresholdDetector.DEFAULT_CONFIDENCE)
                .forWorkers(p);
        List<TaskRecord> base = new ArrayList<>();
        List<TaskRecord> level = new ArrayList<>();
        Random order = new Random(seed);
        int rounds = 0;
        LevelVerdict v = null;
        for (int look : looks.schedule()) {
            while (rounds < look) {
                boolean aloneFirst = order.nextBoolean();
                if (aloneFirst) {
                    base.addAll(sim.round(1, rounds));
                }
                level.addAll(sim.round(p, rounds));
                if (!aloneFirst) {
                    base.addAll(sim.round(1, rounds));
                }
                rounds++;
            }
            v = detector.judge(LevelSamples.of(1, base), slowed(LevelSamples.of(p, level), kind, factor),
                    looks.levelAt(rounds));
            if (v.verdict() != Verdict.UNSETTLED) {
                break;
            }
        }
        return v.verdict();
    }

    private static LevelSample slowed(LevelSample s, Slowdown kind, double factor) {
        double[] w = s.wallSeconds();
        int[] worker = s.worker();
        for (int i = 0; i < w.length; i++) {
            if (kind == Slowdown.ALL || (kind == Slowdown.ONE_WORKER && worker[i] == 0)) {
                w[i] *= factor;
            }
        }
        return new LevelSample(s.workers(), w, s.cpuSeconds(), s.waitSeconds(), s.worker(), s.round(), s.cpu());
    }

    /** The cache's quick check of {@code level} workers on {@code cores} cores with CPU {@code hogged} busy (-1: none). */
    static CacheCheck.QuickCheck.Result quickCheck(int cores, int hogged, int level, long seed) {
        MachineSpec spec = MachineSpec.cores(cores).seed(seed);
        SimulatedMachine m = SimulatedMachine.of(hogged < 0 ? spec : spec.busy(hogged));
        return new SpinQuickCheck(m, m::profile).check(level);
    }
}
