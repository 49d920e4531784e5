package dev.corescope.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * Worker slots of a cluster: Σ thresholds slots, slot {@code i} bound to (member, slot-in-member).
 * Slots are interleaved across members (member 1 slot 0, member 2 slot 0, ..., member 1 slot 1, ...),
 * so a level of P workers spreads over as many members as possible and level P uses the first P
 * slots: with equal thresholds, levels 1..k use 1..k members. No member has more slots than its
 * threshold.
 */
public final class SlotMap {
    /** Slot {@code index} of the pool is slot {@code slot} of member {@code member} (0-based). */
    public record Slot(int index, int member, int slot) {
    }

    private SlotMap() {
    }

    public static List<Slot> of(List<Integer> thresholds) {
        int max = thresholds.stream().mapToInt(Integer::intValue).max().orElse(0);
        List<Slot> slots = new ArrayList<>();
        for (int s = 0; s < max; s++) {
            for (int m = 0; m < thresholds.size(); m++) {
                if (s < thresholds.get(m)) {
                    slots.add(new Slot(slots.size(), m, s));
                }
            }
        }
        return List.copyOf(slots);
    }
}
