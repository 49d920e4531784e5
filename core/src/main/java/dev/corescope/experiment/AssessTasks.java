package dev.corescope.experiment;

import dev.corescope.api.TaskInput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The (size, repeat) tasks of an assessment. Task index = sizeIndex × repeats + repeat; its seed
 * depends only on (base seed, size, repeat), so every algorithm gets identical inputs, and the one-worker
 * verification runs the very same inputs. The run order is a seeded shuffle, so a drift of the machine
 * (load, temperature, frequency) spreads over all sizes instead of biasing the ones that run last.
 */
public final class AssessTasks {
    private AssessTasks() {
    }

    /** SplitMix64-mixed seed of (base, size, repeat). */
    public static long seed(long base, long size, int repeat) {
        long z = base ^ (size * 0x9E3779B97F4A7C15L) ^ ((repeat + 1L) * 0xC2B2AE3D27D4EB4FL);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** All (size, repeat) tasks with {@code repeat < limit}, in index order (size-major). */
    public static List<TaskInput> inOrder(List<Long> sizes, int repeats, int limit, long base) {
        List<TaskInput> tasks = new ArrayList<>();
        for (int s = 0; s < sizes.size(); s++) {
            for (int r = 0; r < Math.min(repeats, limit); r++) {
                tasks.add(new TaskInput(s * repeats + r, sizes.get(s), seed(base, sizes.get(s), r)));
            }
        }
        return tasks;
    }

    /** The same tasks in a seeded random order. */
    public static List<TaskInput> shuffled(List<TaskInput> tasks, long orderSeed) {
        List<TaskInput> copy = new ArrayList<>(tasks);
        Collections.shuffle(copy, new Random(orderSeed));
        return copy;
    }

    /** The repeat number of a task index. */
    public static int repeatOf(int index, int repeats) {
        return index % repeats;
    }
}
