package dev.corescope.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.MemberLeftException;
import dev.corescope.cluster.ClusterJoin.Node;
import dev.corescope.exec.TaskResult;
import dev.corescope.exec.Worker;
import dev.corescope.exec.WorkerInfo;
import dev.corescope.exec.WorkerMode;
import dev.corescope.exec.WorkerPool;
import dev.corescope.exec.WorkerStartException;
import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link WorkerPool} whose workers are slots on the members of a Hazelcast cluster, so every
 * experiment runs on a cluster unchanged.
 *
 * <p><b>Joining</b> ({@link ClusterJoin}). The coordinator joins as a <em>lite member</em> (no partitions,
 * runs no tasks), not as a client: it then shares the members' view of the cluster, so a member that
 * leaves fails the invocations sent to it at once with {@link MemberLeftException} (a client would retry
 * its invocation for up to the client's invocation timeout), and it is configured by the same hardened
 * {@link ClusterConfigs} as the members. A lite member owns no data, so its arrival and departure move
 * no partitions. It listens on an ephemeral port of the bind address.
 *
 * <p><b>Slots.</b> It reads every member's {@link MemberCard} and exposes Σ thresholds slots
 * ({@link SlotMap}); slot {@code i} is bound to (member, slot-in-member) and its worker id is e.g.
 * {@code node-2/slot-1}, its pid the member's. Every dispatch takes one of the member's
 * {@code threshold} permits (a task waits in the coordinator when none is free), so no member ever runs
 * more tasks at once than its threshold, re-dispatches included ({@link SlotScheduler}).
 *
 * <p><b>Trust.</b> It uses only members whose card is signed with its cluster key and whose corescope
 * version and protocol are its own ({@link Roster}); a member of another version stops the connect with
 * one line naming both, and when no card verifies (another key) it fails with one line and sends nothing.
 * Every task and clock probe it sends is signed; a member that refuses a task (its {@link MemberPolicy})
 * answers {@code refused}, recorded as a failed task with the member's reason and listed once per member
 * and reason in {@link #events()}.
 *
 * <p><b>Tasks.</b> {@code submit} sends a {@link RemoteTask} (workload spec text, task input and timeout,
 * no code) with {@link IExecutorService#submitToMember}; the member runs it in one of its worker JVMs and
 * returns the result fields, timed on its own clock. Start and end are mapped onto the coordinator's
 * clock with the member's offset, measured at connect time like the worker JVMs' ({@link ClockSync}). On
 * one host the offset is ~0 (one monotonic clock); across hosts its error is at most half the shortest
 * round trip (tens of µs on a LAN): wall and CPU times are the member's own measurements and do not
 * depend on it.
 *
 * <p><b>Faults</b> ({@link ClusterDispatch}). A task in flight on a member that leaves fails inside the pool; it is re-dispatched
 * to a live member (a free permit of the least loaded one) and noted in {@link #events()}. Each task
 * has one result future, completed once, by the attempt that succeeded: a task is never lost nor
 * counted twice. Slots of a member that left are served by live members from then on. A task that
 * runs past the task timeout is cancelled and recorded as {@code timeout}; the member kills the worker
 * JVM that ran it (on the cancellation, or on its own copy of the timeout).
 *
 * <p><b>Stopping.</b> {@link #close()} (also called by the session on Ctrl-C) cancels every in-flight
 * task's future with interruption: a queued task is dropped by the member, a started one is stopped by
 * killing its worker JVM.
 */
public final class ClusterWorkerPool implements WorkerPool {
    /** A member as the coordinator sees it. */
    public record NodeInfo(String name, String label, String address, long pid, int threshold, boolean measured,
                           String thresholdSource, String cpuModel, long clockOffsetNanos, long bestRoundTripNanos,
                           boolean alive, int maxInFlight) {
    }

    private final class ClusterWorker implements Worker {
        final Node home;
        final WorkerInfo info;
        final AtomicBoolean rebound = new AtomicBoolean();

        ClusterWorker(SlotMap.Slot slot, Node home) {
            this.home = home;
            this.info = new WorkerInfo(home.name() + "/slot-" + slot.slot(), home.card().pid(), -1, 0);
        }

        @Override
        public WorkerInfo info() {
            return info;
        }

        @Override
        public CompletableFuture<TaskResult> submit(WorkloadSpec workload, TaskInput input) {
            return dispatch.submit(home, info.id(), rebound, workload, input);
        }

        @Override
        public boolean alive() {
            return !scheduler.closed();
        }

        @Override
        public void close() {
            // slots belong to the pool
        }
    }

    private final HazelcastInstance hz;
    private final List<Node> nodes;
    private final SlotScheduler<ClusterDispatch.Job> scheduler;
    private final ClusterDispatch dispatch;
    private final Map<UUID, Node> byUuid = new LinkedHashMap<>();
    private final List<ClusterWorker> workers = new ArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<Long> startCosts;
    private final AtomicBoolean closing = new AtomicBoolean();

    private ClusterWorkerPool(ClusterJoin.Joined joined, Duration taskTimeout) {
        this.hz = joined.hz();
        this.nodes = List.copyOf(joined.nodes());
        this.scheduler = new SlotScheduler<>(nodes.stream().map(n -> n.card().threshold()).toList());
        this.dispatch = new ClusterDispatch(hz, nodes, scheduler, taskTimeout, joined.auth(), events::add);
        this.startCosts = List.of(joined.joinNanos());
        events.addAll(joined.events());
        for (Node n : nodes) {
            byUuid.put(n.member().getUuid(), n);
        }
        for (SlotMap.Slot s : SlotMap.of(nodes.stream().map(n -> n.card().threshold()).toList())) {
            workers.add(new ClusterWorker(s, nodes.get(s.member())));
        }
        hz.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent e) {
                if (!e.getMember().isLiteMember()) {
                    events.add("member " + e.getMember().getAddress() + " joined during the run; it is not used by this run");
                }
            }

            @Override
            public void memberRemoved(MembershipEvent e) {
                Node n = byUuid.get(e.getMember().getUuid());
                if (n != null) {
                    dispatch.lost(n, "left the cluster");
                }
            }
        });
        for (Node n : nodes) { // a member may have left between reading the cards and adding the listener
            if (!hz.getCluster().getMembers().contains(n.member())) {
                dispatch.lost(n, "left the cluster");
            }
        }
    }

    /**
     * Joins the cluster as a lite member and reads the members' cards and clocks ({@link ClusterJoin}).
     *
     * @throws WorkerStartException when no member with a card answers within the join timeout
     */
    public static ClusterWorkerPool connect(CoordinatorOptions o) {
        ClusterJoin.Joined joined = ClusterJoin.join(o);
        try {
            return new ClusterWorkerPool(joined, o.taskTimeout());
        } catch (RuntimeException e) {
            joined.hz().shutdown();
            throw e;
        }
    }

    // ---- WorkerPool ----

    @Override
    public WorkerMode mode() {
        return WorkerMode.CLUSTER;
    }

    @Override
    public void ensure(int n) {
        if (scheduler.closed()) {
            throw new IllegalStateException("worker pool is closed");
        }
        if (n > workers.size()) {
            throw new WorkerStartException(n + " workers asked for, but the cluster offers " + workers.size()
                    + " slot(s) (the sum of its members' thresholds: " + describeThresholds() + ")", null);
        }
    }

    private String describeThresholds() {
        return String.join(" + ", nodes.stream().map(n -> n.name() + " " + n.card().threshold()).toList());
    }

    @Override
    public Worker worker(int index) {
        ensure(index + 1);
        return workers.get(index);
    }

    @Override
    public int size() {
        return workers.size();
    }

    /** Join time of the coordinator, in ns (members are started beforehand with {@code corescope member}). */
    @Override
    public List<Long> startCosts() {
        return startCosts;
    }

    @Override
    public List<String> events() {
        return Collections.unmodifiableList(events);
    }

    /** The members, in slot order, with their threshold, clock offset and highest number of tasks in flight. */
    public List<NodeInfo> nodes() {
        return nodes.stream().map(n -> new NodeInfo(n.name(), n.label(), n.card().address(), n.card().pid(),
                n.card().threshold(), n.card().measured(), n.card().thresholdSource(), n.card().cpuModel(),
                n.clock().offsetNanos(), n.clock().bestRoundTripNanos(), scheduler.alive(n.index()),
                scheduler.maxInFlight(n.index()))).toList();
    }

    /**
     * The members that would refuse one of {@code specs}, by what their cards say they run, one line each
     * ({@code node-1@10.0.0.1:5701 refuses --cmd tasks: ...}); empty when all accept. Lets a command stop
     * before it starts; the members check again whatever this says.
     */
    public List<String> refusals(List<WorkloadSpec> specs) {
        List<String> out = new ArrayList<>();
        for (Node n : nodes) {
            for (WorkloadSpec spec : specs) {
                String why = MemberPolicy.refusalByCard(n.card(), spec);
                if (why != null) {
                    out.add(n.label() + " refuses " + MemberPolicy.label(MemberPolicy.kind(spec)) + " tasks: " + why);
                    break;
                }
            }
        }
        return out;
    }

    /** Cancels every in-flight task on the members, fails the waiting ones, and leaves the cluster. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        dispatch.close();
        try {
            hz.shutdown();
        } catch (RuntimeException e) {
            // already down
        }
    }
}
