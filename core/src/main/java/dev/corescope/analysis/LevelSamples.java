package dev.corescope.analysis;

import dev.corescope.exec.JvmActivity;
import dev.corescope.exec.TaskRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A level's {@link LevelSample} from its task records, labelled as the threshold needs them: the worker
 * of each task (its worker id), its round (the record's trial and round: the tasks of one round of one
 * trial ran at the same time; investigate's trials are its blocks, so one worker's rounds and a level's
 * measured in the same block carry the same number) and its CPU.
 *
 * <p>The run-queue wait counts the workers' own competition only: the time the task's JVM spent compiling
 * and collecting garbage while the task ran ({@link JvmActivity}: corescope's own threads, which share the
 * worker's CPU when the JVM is pinned whole, or the coordinator's CPUs in threads mode) is taken off the
 * task's wait, down to 0.
 */
public final class LevelSamples {
    private LevelSamples() {
    }

    /** The successful records of {@code records} as level {@code level}. */
    public static LevelSample of(int level, List<TaskRecord> records) {
        return of(level, records, null);
    }

    /**
     * As {@link #of(int, List)}, every time of task i multiplied by {@code factor[i]} (null: 1), e.g. to pool
     * sizes by dividing each by one worker's median at its size.
     */
    public static LevelSample of(int level, List<TaskRecord> records, double[] factor) {
        List<TaskRecord> ok = records.stream().filter(TaskRecord::ok).toList();
        double[] f = new double[ok.size()];
        int[] worker = new int[ok.size()];
        int[] round = new int[ok.size()];
        int[] cpu = new int[ok.size()];
        Map<String, Integer> workers = new HashMap<>();
        int k = 0;
        for (int i = 0; i < records.size(); i++) {
            TaskRecord r = records.get(i);
            if (!r.ok()) {
                continue;
            }
            f[k] = factor == null ? 1 : factor[i];
            worker[k] = slot(r.workerId(), workers);
            round[k] = roundId(r.trial(), r.round());
            cpu[k] = r.cpu();
            k++;
        }
        return new LevelSample(level, times(ok, TaskRecord::wallSeconds, f), times(ok, TaskRecord::cpuSeconds, f),
                times(ok, LevelSamples::ownWait, f), worker, round, cpu);
    }

    /**
     * The worker's slot (0-based) from its id ({@code thread-3}, {@code jvm-3}: slot 2); an id without a number
     * gets a label of its own above any slot.
     */
    static int slot(String id, Map<String, Integer> others) {
        String s = id == null ? "" : id;
        int i = s.length();
        while (i > 0 && Character.isDigit(s.charAt(i - 1))) {
            i--;
        }
        if (i < s.length() && s.length() - i < 9) {
            return Integer.parseInt(s.substring(i)) - 1;
        }
        return others.computeIfAbsent(s, x -> 1_000_000 + others.size());
    }

    /** One number per (trial, round): investigate's blocks are its trials, each of one round per size. */
    public static int roundId(int trial, int round) {
        return trial * 4096 + Math.floorMod(round, 4096);
    }

    /** The task's run-queue wait without the time its JVM spent compiling or collecting garbage; NaN if unknown. */
    static double ownWait(TaskRecord r) {
        double w = r.waitSeconds();
        JvmActivity j = r.jvm();
        if (!Double.isFinite(w) || j == null) {
            return w;
        }
        long own = Math.max(0, j.jitMillis()) + Math.max(0, j.gcMillis());
        return Math.max(0, w - own / 1e3);
    }

    private static double[] times(List<TaskRecord> rs, ToDoubleFunction<TaskRecord> get, double[] factor) {
        double[] out = new double[rs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = get.applyAsDouble(rs.get(i)) * factor[i];
        }
        return out;
    }
}
