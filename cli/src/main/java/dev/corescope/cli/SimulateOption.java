package dev.corescope.cli;

import dev.corescope.experiment.AssessExperiment;
import dev.corescope.sim.SimulatedMachine;
import dev.corescope.sim.TaskCost;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --simulate MACHINE.json}: run on a simulated machine instead of this one (investigate, assess,
 * sweep). The file is read and checked before anything runs: a bad one is a usage error of one line.
 */
public final class SimulateOption {
    @Option(names = "--simulate", paramLabel = "MACHINE.json",
            description = "Run on a SIMULATED machine described by this file instead of this one: "
                    + "{\"cores\": 16, \"threadsPerCore\": 2, \"smtSlowdown\": 1.25, \"quotaCpus\": null, "
                    + "\"busyCpus\": [3], \"backgroundCpus\": 0.5, \"noiseCv\": 0.02, \"driftPerMinute\": 0.01, "
                    + "\"seed\": 1} (see docs/method.md). Every time is simulated; nothing is cached.")
    Path file;

    private SimulatedMachine machine;

    /** The simulated machine, or null when {@code --simulate} is not given. */
    SimulatedMachine machine() {
        if (file == null) {
            return null;
        }
        if (machine == null) {
            try {
                machine = SimulatedMachine.read(file);
            } catch (IllegalArgumentException e) {
                throw new UsageError(e.getMessage());
            }
        }
        return machine;
    }

    boolean given() {
        return file != null;
    }

    /** Refuses, under {@code --simulate}, a workload the simulated machine cannot run (a class, a command). */
    void checkWorkloads(List<AssessExperiment.Algo> algos) {
        if (file == null) {
            return;
        }
        for (AssessExperiment.Algo a : algos) {
            if (!TaskCost.simulable(a.spec())) {
                throw new UsageError("--simulate runs only the built-in workloads (spin, sort-*, matmul-*, transfer): "
                        + "the simulated machine cannot know what a --class or --cmd workload costs");
            }
        }
    }

    /** Refuses {@code --simulate} together with a cluster: a simulated machine is one machine. */
    void checkNotCluster(boolean cluster) {
        if (file != null && cluster) {
            throw new UsageError("--simulate cannot be combined with --cluster: the simulated machine is one machine");
        }
    }

    /** The default {@code --max}: 2 × the CPUs a JVM sees on the simulated machine + 2, else this machine's. */
    int defaultMax() {
        return machine() == null ? LevelOptions.defaultMax() : 2 * machine().availableProcessors() + 2;
    }
}
