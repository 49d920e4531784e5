package dev.corescope.cluster;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which member runs which task, kept apart from Hazelcast so it can be tested alone. Member {@code m}
 * has {@code thresholds[m]} permits: a task dispatched to it takes one when one is free and is sent,
 * else it waits in that member's queue, and the task that finishes there hands its permit to the next
 * waiting one. So no member ever has more tasks in flight than its threshold, re-dispatches included.
 * A member that is lost gives back the tasks waiting for it (to be dispatched elsewhere); its slots
 * are then served by the least loaded live member (the most free permits, the first on ties). Once
 * closed, nothing more is sent. Thread-safe.
 *
 * @param <J> a task
 */
final class SlotScheduler<J> {
    /** What became of a dispatched task. */
    enum DispatchOutcome { SEND, QUEUED, NO_MEMBER_LEFT, CLOSED }

    /** The outcome and the member it concerns ({@code -1} when none). */
    record Dispatch(DispatchOutcome outcome, int member) {
    }

    private final int[] thresholds;
    private final int[] inFlight;
    private final int[] maxInFlight;
    private final boolean[] lost;
    private final List<ArrayDeque<J>> waiting = new ArrayList<>();
    private final Set<J> running = new HashSet<>();
    private boolean closed;

    SlotScheduler(List<Integer> thresholds) {
        int n = thresholds.size();
        this.thresholds = thresholds.stream().mapToInt(Integer::intValue).toArray();
        this.inFlight = new int[n];
        this.maxInFlight = new int[n];
        this.lost = new boolean[n];
        for (int i = 0; i < n; i++) {
            waiting.add(new ArrayDeque<>());
        }
    }

    /**
     * Dispatches to {@code preferred}, or when it is lost to the least loaded live member: {@code SEND}
     * (a permit was taken: send the task there now), {@code QUEUED} (it waits there for a permit),
     * {@code NO_MEMBER_LEFT} or {@code CLOSED}.
     */
    synchronized Dispatch dispatch(J job, int preferred) {
        int m = lost[preferred] ? leastLoaded() : preferred;
        if (m < 0) {
            return new Dispatch(DispatchOutcome.NO_MEMBER_LEFT, -1);
        }
        if (closed) {
            return new Dispatch(DispatchOutcome.CLOSED, m);
        }
        if (inFlight[m] < thresholds[m]) {
            take(m, job);
            return new Dispatch(DispatchOutcome.SEND, m);
        }
        waiting.get(m).add(job);
        return new Dispatch(DispatchOutcome.QUEUED, m);
    }

    /** A task that was sent to {@code member} finished: the next task waiting there, to send now, or null. */
    synchronized J finished(int member, J job) {
        inFlight[member]--;
        running.remove(job);
        if (lost[member] || closed) {
            return null;
        }
        J next = waiting.get(member).poll();
        if (next != null) {
            take(member, next);
        }
        return next;
    }

    private void take(int m, J job) {
        inFlight[m]++;
        maxInFlight[m] = Math.max(maxInFlight[m], inFlight[m]);
        running.add(job);
    }

    /**
     * Marks a member lost: the tasks that were waiting for it, to dispatch again; null when it was lost
     * already (report it once).
     */
    synchronized List<J> lost(int member) {
        if (lost[member]) {
            return null;
        }
        lost[member] = true;
        List<J> moved = new ArrayList<>(waiting.get(member));
        waiting.get(member).clear();
        return moved;
    }

    /** The live member with the most free permits (the first on ties), or -1 when every one is lost. */
    synchronized int leastLoaded() {
        int best = -1;
        for (int m = 0; m < thresholds.length; m++) {
            if (!lost[m] && (best < 0 || free(m) > free(best))) {
                best = m;
            }
        }
        return best;
    }

    private int free(int m) {
        return thresholds[m] - inFlight[m] - waiting.get(m).size();
    }

    /** Stops dispatching: the tasks in flight and waiting, to cancel (empty when closed already). */
    synchronized List<J> close() {
        if (closed) {
            return List.of();
        }
        closed = true;
        List<J> all = new ArrayList<>(running);
        for (ArrayDeque<J> q : waiting) {
            all.addAll(q);
            q.clear();
        }
        return all;
    }

    synchronized boolean closed() {
        return closed;
    }

    synchronized boolean alive(int member) {
        return !lost[member];
    }

    /** The most tasks {@code member} had in flight at once. */
    synchronized int maxInFlight(int member) {
        return maxInFlight[member];
    }
}
