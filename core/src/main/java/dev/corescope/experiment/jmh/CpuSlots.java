package dev.corescope.experiment.jmh;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The CPUs the scheduler hands out ({@link JmhScheduler}): a job that runs beside others gets free CPUs among the
 * first {@code width} of the pin order; a job that runs alone gets its CPUs from the start of the pin order, a control
 * in turn over the level's CPUs. Without pinning, only slots are counted: a job alone takes the whole level.
 */
final class CpuSlots {
    private final List<Integer> pinOrder;
    private final int cpus;
    private final Set<Integer> busy = new HashSet<>();
    private int slotsUsed;
    private int soloTurn;

    /**
     * @param pinOrder the CPUs in pin order (one per physical core first), empty: jobs are not pinned
     * @param cpus     the CPUs there are (a job needs at most this many)
     */
    CpuSlots(List<Integer> pinOrder, int cpus) {
        this.pinOrder = List.copyOf(pinOrder);
        this.cpus = Math.max(1, cpus);
    }

    /** Whether {@code job} finds its CPUs free among the level's, to run beside the others. */
    boolean fits(JmhJob job, int width) {
        return pinOrder.isEmpty() ? width - slotsUsed >= job.cores() : shared(width).size() >= job.cores();
    }

    /** The CPUs a job needs: its threads, at most the CPUs there are. */
    int needs(JmhJob job) {
        return Math.min(job.cores(), cpus);
    }

    /**
     * Takes {@code job}'s CPUs (empty when not pinned).
     *
     * @param alone it runs with nothing beside it (for now): it takes the level's slots
     * @return the CPUs, and in {@code slots[0]} the slots taken
     */
    List<Integer> take(JmhJob job, int width, boolean alone, int[] slots) {
        int n = needs(job);
        if (pinOrder.isEmpty()) {
            slots[0] = alone ? Math.max(width, n) : n;
            slotsUsed += slots[0];
            return List.of();
        }
        List<Integer> out = new ArrayList<>();
        if (alone) {
            int span = Math.min(pinOrder.size(), Math.max(width, n));
            int first = job.kind() == JmhJob.Kind.CONTROL ? soloTurn++ % span : 0;
            for (int k = 0; k < Math.min(n, pinOrder.size()); k++) {
                out.add(pinOrder.get((first + k) % span));
            }
        } else {
            out.addAll(shared(width).subList(0, n));
        }
        busy.addAll(out);
        slots[0] = n;
        return out;
    }

    /** A job alone from now on shares the level: it keeps its own CPUs, and gives back the slots beyond them. */
    int share(JmhJob job, int slots) {
        int n = needs(job);
        if (pinOrder.isEmpty() && slots > n) {
            slotsUsed -= slots - n;
            return n;
        }
        return slots;
    }

    /** Gives back what {@link #take} took. */
    void give(List<Integer> cpusOf, int slots) {
        busy.removeAll(cpusOf);
        if (pinOrder.isEmpty()) {
            slotsUsed -= slots;
        }
    }

    /** The free CPUs of the level: the first {@code width} of the pin order not in use. */
    private List<Integer> shared(int width) {
        return pinOrder.subList(0, Math.min(width, pinOrder.size())).stream().filter(c -> !busy.contains(c)).toList();
    }
}
