package dev.corescope.sim;

import dev.corescope.analysis.LevelSample;
import dev.corescope.analysis.LevelSamples;
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
import dev.corescope.workload.WorkloadSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Level samples of the spin kernel from a simulated machine, measured as investigate measures them but
 * without a session, a run directory or a calibration: rounds of P tasks on P thread workers pinned as
 * investigate pins them (idle CPUs first: {@link CpuAssignment#of}), every task of a round a sample of level P. Cheap (a
 * simulated second costs milliseconds), so that statistics can be tested over many seeds:
 * {@code new LevelSampler(MachineSpec.cores(64).seed(s)).levels(new int[] {1, 64, 65}, 40)}.
 */
public final class LevelSampler {
    /** Investigate's spin task: 20 ms, or two quota periods (200 ms) under a quota. */
    public static Duration taskFor(MachineSpec spec) {
        return Duration.ofMillis(spec.quotaCpus() == null ? 20 : 200);
    }

    private final SimulatedMachine machine;
    private final BatchRunner runner;
    private final WorkloadSpec spin;
    private int trial;

    /** Investigate's task length, pinned workers. */
    public LevelSampler(MachineSpec spec) {
        this(spec, taskFor(spec), true);
    }

    /**
     * @param task the spin task's length on a core of its own, before noise
     * @param pin  pin worker k as investigate does; false: the scheduler places them
     */
    public LevelSampler(MachineSpec spec, Duration task, boolean pin) {
        machine = SimulatedMachine.of(spec);
        CpuAssignment cpus = pin
                ? CpuAssignment.of(machine.profile(), machine.cpuBusy(CpuAssignment.WATCH).orElse(null))
                : CpuAssignment.NONE;
        WorkerPool pool = machine.pool(WorkerMode.THREADS, PoolSpec.threads(Duration.ofMinutes(10), cpus));
        runner = new BatchRunner(pool, new RunClock(machine::nanoTime), RecordSink.NONE, "simulated");
        spin = SpinWorkload.spec(Math.max(1, Math.round(task.toNanos() / TaskCost.NANOS_PER_SPIN_LOOP)));
    }

    public SimulatedMachine machine() {
        return machine;
    }

    /** The records of {@code rounds} rounds of {@code level} tasks at once. */
    public List<TaskRecord> rounds(int level, int rounds) {
        List<TaskInput> tasks = new ArrayList<>();
        for (int i = 0; i < level * rounds; i++) {
            tasks.add(new TaskInput(i, 0, 1000L * trial + i));
        }
        return runner.run(new BatchPlan("simulated", level, trial++, spin, tasks, Strategy.ROUNDS)).records();
    }

    /**
     * One round of {@code level} tasks at once, labelled as block {@code block} (the records' trial), as
     * investigate measures its levels and one worker interleaved in blocks. A sampler is driven either by
     * blocks or by {@link #rounds} (whose trials count from 0), not both: their trials would share numbers.
     */
    public List<TaskRecord> round(int level, int block) {
        List<TaskInput> tasks = new ArrayList<>();
        for (int i = 0; i < level; i++) {
            tasks.add(new TaskInput(i, 0, 1000L * block + i));
        }
        return runner.run(new BatchPlan("simulated", level, block, spin, tasks, Strategy.ROUNDS)).records();
    }

    /** At least {@code samples} samples of {@code level}: whole rounds, every task of them. */
    public LevelSample level(int level, int samples) {
        return sample(level, rounds(level, Math.max(1, (samples + level - 1) / level)));
    }

    /** {@link #level} for each of {@code levels}, in that order. */
    public List<LevelSample> levels(int[] levels, int samples) {
        List<LevelSample> out = new ArrayList<>();
        for (int p : levels) {
            out.add(level(p, samples));
        }
        return out;
    }

    /** 1, 2, ..., max. */
    public static int[] range(int max) {
        int[] r = new int[max];
        for (int i = 0; i < max; i++) {
            r[i] = i + 1;
        }
        return r;
    }

    /**
     * The wall, CPU and run-queue times of {@code records}, as level {@code level}, labelled with each task's
     * worker, round and CPU ({@link LevelSamples}).
     */
    public static LevelSample sample(int level, List<TaskRecord> records) {
        return LevelSamples.of(level, records);
    }
}
