package dev.corescope.experiment;

import dev.corescope.exec.BatchPlan;
import dev.corescope.exec.BatchResult;
import dev.corescope.exec.CoordinatorCpu;
import dev.corescope.exec.JvmActivity;
import dev.corescope.exec.Strategy;
import dev.corescope.exec.TaskRecord;
import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.util.List;

/**
 * The stretches of one algorithm's certified run, through the session: parallel stretches on the level's
 * workers kept busy to the end by fillers, one-worker stretches on worker 0. Keeps what the harness cost
 * while the parallel stretches ran (corescope's own CPU time against the workers', the coordinator JVM's JIT
 * and GC) and the wall time of every stretch.
 */
final class Stretches {
    static final String CONTROL = "control";
    static final String EXTEND = "extend";

    private final Session session;
    private final String algorithm;
    private final WorkloadSpec workload;
    private final int trial;
    private double wall;
    private double controlWall;
    private long coordinatorCpu;
    private long workersCpu;
    private double worstShare;
    private int measured;
    private JvmActivity jvm = new JvmActivity(0, 0, 0);

    Stretches(Session session, String algorithm, WorkloadSpec workload, int trial) {
        this.session = session;
        this.algorithm = algorithm;
        this.workload = workload;
        this.trial = trial;
    }

    /** Tasks on {@code level} workers from one queue; with {@code fill}, every worker busy until the last one ends. */
    BatchResult parallel(String experiment, int level, List<TaskInput> tasks, boolean fill) {
        JvmActivity before = JvmActivity.sample();
        CoordinatorCpu cpuBefore = CoordinatorCpu.sample();
        BatchResult b = session.run(new BatchPlan(experiment + "/" + algorithm, level, trial, workload, tasks,
                Strategy.QUEUE, 0, fill));
        long coordinator = CoordinatorCpu.sample().coordinatorSince(cpuBefore);
        jvm = jvm.plus(JvmActivity.sample().minus(before));
        wall += b.wallSeconds();
        long workers = b.records().stream().mapToLong(TaskRecord::cpuNanos).filter(c -> c >= 0).sum()
                + (b.occupancy() == null ? 0 : Math.max(0, b.occupancy().fillerCpuNanos()));
        if (coordinator >= 0 && workers > 0) {
            coordinatorCpu += coordinator;
            workersCpu += workers;
            worstShare = Math.max(worstShare, (double) coordinator / workers);
            measured++;
        }
        return b;
    }

    /** Controls: the tasks one at a time on worker 0, the level's other workers idle. */
    BatchResult alone(List<TaskInput> tasks) {
        BatchResult b = session.run(new BatchPlan(CONTROL + "/" + algorithm, 1, trial, workload, tasks, Strategy.QUEUE, 0));
        wall += b.wallSeconds();
        controlWall += b.wallSeconds();
        return b;
    }

    /** Wall time of every stretch so far, seconds. */
    double wallSeconds() {
        return wall;
    }

    /** Wall time of the one-worker control stretches so far, seconds. */
    double controlWallSeconds() {
        return controlWall;
    }

    JvmActivity coordinatorJvm() {
        return jvm;
    }

    /** What the harness cost during the parallel stretches, or null when it could not be measured. */
    Assessment.Harness harness() {
        if (measured == 0) {
            return null;
        }
        return new Assessment.Harness(coordinatorCpu / 1e9, workersCpu / 1e9, (double) coordinatorCpu / workersCpu,
                worstShare, measured, jvm.jitMillis(), jvm.gcCount(), jvm.gcMillis());
    }
}
