package dev.corescope.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.map.IMap;
import com.hazelcast.spi.exception.RetryableException;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import dev.corescope.exec.TaskResult;
import dev.corescope.exec.TaskStatus;
import dev.corescope.exec.Worker;
import dev.corescope.exec.WorkerInfo;
import dev.corescope.exec.WorkerMode;
import dev.corescope.exec.WorkerPool;
import dev.corescope.exec.WorkerStartException;
import dev.corescope.workload.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link WorkerPool} whose workers are slots on the members of a Hazelcast cluster, so every
 * experiment runs on a cluster unchanged.
 *
 * <p><b>Joining.</b> The coordinator joins as a <em>lite member</em> (no partitions, runs no tasks), not
 * as a client: it then shares the members' view of the cluster, so a member that leaves fails the
 * invocations sent to it at once with {@link MemberLeftException} (a client would retry its invocation
 * for up to the client's invocation timeout), and it is configured by the same hardened
 * {@link ClusterConfigs} as the members. A lite member owns no data, so its arrival and departure move
 * no partitions. It listens on an ephemeral port of the bind address.
 *
 * <p><b>Slots.</b> It reads every member's {@link MemberCard} and exposes Σ thresholds slots
 * ({@link SlotMap}); slot {@code i} is bound to (member, slot-in-member) and its worker id is e.g.
 * {@code node-2/slot-1}, its pid the member's. Every dispatch takes one of the member's
 * {@code threshold} permits (a task waits in the coordinator when none is free), so no member ever runs
 * more tasks at once than its threshold, re-dispatches included.
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
 * clock with the member's offset, measured at connect time like the worker JVMs do: a few
 * {@link ClockProbe} round trips, {@code offset = sent + rtt/2 - memberTime} of the shortest one. On one
 * host the offset is ~0 (one monotonic clock); across hosts its error is at most half that round trip
 * (tens of µs on a LAN) and it does not drift-correct: wall and CPU times are the member's own
 * measurements and do not depend on it.
 *
 * <p><b>Faults.</b> A task in flight on a member that leaves fails inside the pool; it is re-dispatched
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
    private static final int PINGS = 5;
    private static final int MAX_ATTEMPTS = 5;

    /**
     * How to reach the cluster.
     *
     * @param bind      local IPv4 address to bind, null = 127.0.0.1 when every member is on loopback, else
     *                  the address this machine routes to the first member from
     * @param port      local port, 0 = any free one
     * @param advertise address the members reach this coordinator on, null = the bound one
     * @param key       the cluster key; null = {@link KeyFile#load the default one}
     */
    public record Options(List<String> members, String clusterName, String bind, int port, String advertise,
                          Duration joinTimeout, Duration taskTimeout, KeyFile.Key key) {
        public Options {
            members = List.copyOf(members);
        }

        public static Options of(List<String> members) {
            return new Options(members, ClusterConfigs.DEFAULT_CLUSTER_NAME, null, 0, null, Duration.ofSeconds(30), null,
                    null);
        }

        public Options withTaskTimeout(Duration t) {
            return new Options(members, clusterName, bind, port, advertise, joinTimeout, t, key);
        }

        public Options withClusterName(String name) {
            return new Options(members, name, bind, port, advertise, joinTimeout, taskTimeout, key);
        }

        public Options withJoinTimeout(Duration t) {
            return new Options(members, clusterName, bind, port, advertise, t, taskTimeout, key);
        }

        public Options withBind(String address, int localPort) {
            return new Options(members, clusterName, address, localPort, advertise, joinTimeout, taskTimeout, key);
        }

        public Options withAdvertise(String address) {
            return new Options(members, clusterName, bind, port, address, joinTimeout, taskTimeout, key);
        }

        public Options withKey(KeyFile.Key k) {
            return new Options(members, clusterName, bind, port, advertise, joinTimeout, taskTimeout, k);
        }

        /** The address to bind: {@link #bind} or the default described there. */
        public String bindAddress() {
            return bind != null ? bind : HostPort.defaultBind(members.stream().map(HostPort::parse).toList());
        }
    }

    /** A member as the coordinator sees it. */
    public record NodeInfo(String name, String label, String address, long pid, int threshold, boolean measured,
                           String thresholdSource, String cpuModel, long clockOffsetNanos, long bestRoundTripNanos,
                           boolean alive, int maxInFlight) {
    }

    private static final class Node {
        final int index;
        final Member member;
        final MemberCard card;
        final String name;
        final String label;
        final long clockOffset;
        final long bestRtt;
        volatile boolean alive = true;
        int inFlight;
        int maxInFlight;
        final ArrayDeque<Job> waiting = new ArrayDeque<>();

        Node(int index, Member member, MemberCard card, long clockOffset, long bestRtt) {
            this.index = index;
            this.member = member;
            this.card = card;
            this.name = "node-" + (index + 1);
            this.label = name + "@" + card.address();
            this.clockOffset = clockOffset;
            this.bestRtt = bestRtt;
        }

        int free() {
            return card.threshold() - inFlight - waiting.size();
        }
    }

    private static final class Job {
        final WorkloadSpec spec;
        final TaskInput input;
        final CompletableFuture<TaskResult> result = new CompletableFuture<>();
        int attempts;
        volatile Future<RemoteResult> future;

        Job(WorkloadSpec spec, TaskInput input) {
            this.spec = spec;
            this.input = input;
        }
    }

    private final class ClusterWorker implements Worker {
        final Node home;
        final WorkerInfo info;
        volatile boolean rebound;

        ClusterWorker(SlotMap.Slot slot, Node home) {
            this.home = home;
            this.info = new WorkerInfo(home.name + "/slot-" + slot.slot(), home.card.pid(), -1, 0);
        }

        @Override
        public WorkerInfo info() {
            return info;
        }

        @Override
        public CompletableFuture<TaskResult> submit(WorkloadSpec workload, TaskInput input) {
            return ClusterWorkerPool.this.submit(this, workload, input);
        }

        @Override
        public boolean alive() {
            return !closed;
        }

        @Override
        public void close() {
            // slots belong to the pool
        }
    }

    private final HazelcastInstance hz;
    private final IExecutorService executor;
    private final List<Node> nodes;
    private final Map<UUID, Node> byUuid = new LinkedHashMap<>();
    private final List<ClusterWorker> workers = new ArrayList<>();
    private final Set<Job> running = new HashSet<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<Long> startCosts;
    private final Duration taskTimeout;
    private final MessageAuth auth;
    private final Set<String> refusalsSeen = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "corescope-cluster-timer");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    private ClusterWorkerPool(HazelcastInstance hz, List<Node> nodes, long joinNanos, Duration taskTimeout,
                              MessageAuth auth, List<String> startEvents) {
        this.hz = hz;
        this.auth = auth;
        this.executor = hz.getExecutorService(ClusterConfigs.EXECUTOR);
        this.nodes = List.copyOf(nodes);
        this.taskTimeout = taskTimeout;
        this.startCosts = List.of(joinNanos);
        events.addAll(startEvents);
        for (Node n : nodes) {
            byUuid.put(n.member.getUuid(), n);
        }
        List<SlotMap.Slot> slots = SlotMap.of(nodes.stream().map(n -> n.card.threshold()).toList());
        for (SlotMap.Slot s : slots) {
            workers.add(new ClusterWorker(s, nodes.get(s.member())));
        }
        hz.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent e) {
                if (!e.getMember().isLiteMember()) {
                    event("member " + e.getMember().getAddress() + " joined during the run; it is not used by this run");
                }
            }

            @Override
            public void memberRemoved(MembershipEvent e) {
                Node n = byUuid.get(e.getMember().getUuid());
                if (n != null) {
                    lost(n, "left the cluster");
                }
            }
        });
        for (Node n : nodes) { // a member may have left between reading the cards and adding the listener
            if (!hz.getCluster().getMembers().contains(n.member)) {
                lost(n, "left the cluster");
            }
        }
    }

    /**
     * Joins the cluster as a lite member and reads the members' cards and clocks.
     *
     * @throws WorkerStartException when no member with a card answers within the join timeout
     */
    public static ClusterWorkerPool connect(Options o) {
        if (o.members().isEmpty()) {
            throw new IllegalArgumentException("no cluster member address given");
        }
        KeyFile.Key key = o.key() != null ? o.key() : KeyFile.load(null);
        MessageAuth auth = key.auth();
        long t0 = System.nanoTime();
        HazelcastInstance hz;
        try {
            hz = Hazelcast.newHazelcastInstance(ClusterConfigs.coordinator(new ClusterConfigs.Network(o.clusterName(),
                    o.bindAddress(), o.port(), o.advertise(), o.members())));
        } catch (RuntimeException e) {
            throw new WorkerStartException("cannot join the cluster at " + String.join(",", o.members()) + ": "
                    + e.getMessage(), e);
        }
        try {
            List<String> startEvents = new ArrayList<>();
            Map<Member, MemberCard> cards = awaitCards(hz, o, auth, key, startEvents);
            long joinNanos = System.nanoTime() - t0;
            IExecutorService exec = hz.getExecutorService(ClusterConfigs.EXECUTOR);
            List<Node> nodes = new ArrayList<>();
            for (Map.Entry<Member, MemberCard> e : cards.entrySet()) {
                long[] sync = syncClock(exec, e.getKey(), auth);
                nodes.add(new Node(nodes.size(), e.getKey(), e.getValue(), sync[0], sync[1]));
            }
            return new ClusterWorkerPool(hz, nodes, joinNanos, o.taskTimeout(), auth, startEvents);
        } catch (RuntimeException e) {
            hz.shutdown();
            throw e;
        }
    }

    /**
     * Waits until every data member in view has a card (or the join timeout), then keeps the members
     * whose card this coordinator can verify ({@link Roster}).
     *
     * @throws WorkerStartException when a member runs another version, or no member has a verifiable card
     */
    private static Map<Member, MemberCard> awaitCards(HazelcastInstance hz, Options o, MessageAuth auth, KeyFile.Key key,
                                                      List<String> startEvents) {
        IMap<String, String> map = hz.getMap(ClusterConfigs.MEMBERS_MAP);
        long deadline = System.nanoTime() + o.joinTimeout().toNanos();
        while (true) {
            List<Member> data = hz.getCluster().getMembers().stream().filter(m -> !m.isLiteMember()).toList();
            List<Roster.Candidate<Member>> candidates = new ArrayList<>();
            for (Member m : data) {
                candidates.add(new Roster.Candidate<>(m, m.getUuid().toString(),
                        m.getAddress().getHost() + ":" + m.getAddress().getPort(), map.get(m.getUuid().toString())));
            }
            Roster<Member> roster = Roster.of(candidates, auth, Protocol.version(), Protocol.NUMBER);
            boolean timedOut = System.nanoTime() > deadline;
            if (!data.isEmpty() && roster.settled() && data.size() >= o.members().size() || timedOut) {
                if (!roster.mismatches().isEmpty()) {
                    throw new WorkerStartException(roster.mismatches().get(0)
                            + (roster.mismatches().size() > 1 ? " (and " + (roster.mismatches().size() - 1) + " more)" : ""),
                            null);
                }
                if (roster.accepted().isEmpty()) {
                    if (!roster.ignored().isEmpty()) {
                        throw new WorkerStartException(roster.ignored().size() + " member(s) answered at "
                                + String.join(",", o.members()) + " but none has a card signed with this coordinator's key "
                                + key.path() + " (fingerprint " + auth.fingerprint() + "): copy the members' cluster.key "
                                + "here or pass --secret-file; nothing was run", null);
                    }
                    throw new WorkerStartException("no corescope member answered at " + String.join(",", o.members())
                            + " (cluster name '" + o.clusterName() + "') within " + o.joinTimeout().toSeconds()
                            + " s; start them with 'corescope member'", null);
                }
                roster.ignored().forEach(why -> startEvents.add("ignored " + why));
                if (timedOut && (roster.pending() > 0 || data.size() < o.members().size())) {
                    startEvents.add("only " + roster.accepted().size() + " member(s) with a corescope card answered within "
                            + o.joinTimeout().toSeconds() + " s (" + o.members().size() + " address(es) given, "
                            + data.size() + " data member(s) in the cluster); running on those");
                }
                Map<Member, MemberCard> cards = new LinkedHashMap<>();
                roster.accepted().forEach(a -> cards.put(a.member(), a.card()));
                return cards;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WorkerStartException("interrupted while joining the cluster", e);
            }
        }
    }

    /** {offset, best round trip}: offset to add to a member timestamp to place it on our clock. */
    private static long[] syncClock(IExecutorService exec, Member m, MessageAuth auth) {
        long bestRtt = Long.MAX_VALUE;
        long offset = 0;
        for (int i = 0; i < PINGS; i++) {
            long sent = System.nanoTime();
            long memberTime;
            try {
                memberTime = exec.submitToMember(ClockProbe.signed(auth), m).get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WorkerStartException("interrupted while syncing clocks", e);
            } catch (ExecutionException e) {
                Throwable cause = unwrap(e);
                throw new WorkerStartException("member " + m.getAddress() + " did not answer a clock probe: "
                        + (cause instanceof SecurityException ? cause.getMessage() : cause.toString()), e);
            } catch (TimeoutException e) {
                throw new WorkerStartException("member " + m.getAddress() + " did not answer a clock probe within 30 s", e);
            }
            long received = System.nanoTime();
            long rtt = received - sent;
            if (rtt < bestRtt) {
                bestRtt = rtt;
                offset = sent + rtt / 2 - memberTime;
            }
        }
        return new long[] {offset, bestRtt};
    }

    // ---- dispatch ----

    private CompletableFuture<TaskResult> submit(ClusterWorker w, WorkloadSpec spec, TaskInput input) {
        Job job = new Job(spec, input);
        if (closed) {
            job.result.complete(TaskResult.failed(TaskStatus.FAILED, System.nanoTime(), "the cluster pool is closed"));
            return job.result;
        }
        if (taskTimeout != null) {
            long submitted = System.nanoTime();
            var kill = timer.schedule(() -> {
                if (job.result.complete(new TaskResult(TaskStatus.TIMEOUT, submitted, System.nanoTime(), -1, -1, -1, 0, 0,
                        null, "timed out after " + taskTimeout.toMillis() + " ms"))) {
                    event("task " + input.index() + " ran past the " + taskTimeout.toMillis()
                            + " ms task timeout; its future was cancelled");
                    cancel(job);
                }
            }, taskTimeout.toNanos(), TimeUnit.NANOSECONDS);
            job.result.whenComplete((r, e) -> kill.cancel(false));
        }
        Node target = w.home;
        if (!target.alive && !w.rebound) {
            w.rebound = true;
            event("slot " + w.info.id() + ": " + w.home.name + " has left; its tasks go to live members");
        }
        dispatch(job, target);
        return job.result;
    }

    /** Sends the job to {@code preferred} (or the least loaded live member) when a permit is free, else queues it. */
    private void dispatch(Job job, Node preferred) {
        Node node;
        boolean sendNow;
        synchronized (this) {
            node = preferred.alive ? preferred : leastLoaded();
            if (node == null) {
                job.result.complete(TaskResult.failed(TaskStatus.FAILED, System.nanoTime(),
                        "no live cluster member left to run the task"));
                return;
            }
            if (closed) {
                job.result.complete(TaskResult.failed(TaskStatus.FAILED, System.nanoTime(), "the cluster pool is closed"));
                return;
            }
            sendNow = node.inFlight < node.card.threshold();
            if (sendNow) {
                take(node, job);
            } else {
                node.waiting.add(job);
            }
        }
        if (sendNow) {
            send(job, node);
        }
    }

    /** Caller holds the lock. */
    private void take(Node node, Job job) {
        node.inFlight++;
        node.maxInFlight = Math.max(node.maxInFlight, node.inFlight);
        running.add(job);
    }

    /** Caller holds the lock: the live member with the most free permits (first on ties). */
    private Node leastLoaded() {
        Node best = null;
        for (Node n : nodes) {
            if (n.alive && (best == null || n.free() > best.free())) {
                best = n;
            }
        }
        return best;
    }

    private void send(Job job, Node node) {
        if (job.result.isDone()) { // timed out or cancelled while it waited
            finished(job, node, null, null);
            return;
        }
        job.attempts++;
        try {
            Future<RemoteResult> f = executor.submitToMember(RemoteTask.signed(job.spec, job.input, taskTimeout, auth),
                    node.member);
            job.future = f;
            if (f instanceof CompletionStage<?>) {
                @SuppressWarnings("unchecked")
                CompletionStage<RemoteResult> stage = (CompletionStage<RemoteResult>) f;
                stage.whenComplete((r, e) -> finished(job, node, r, e));
            } else { // not expected with Hazelcast 5: wait on a helper thread
                CompletableFuture.runAsync(() -> {
                    try {
                        finished(job, node, f.get(), null);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        finished(job, node, null, e);
                    } catch (ExecutionException | CancellationException e) {
                        finished(job, node, null, e);
                    }
                });
            }
        } catch (RuntimeException e) {
            finished(job, node, null, e);
        }
    }

    private void finished(Job job, Node node, RemoteResult r, Throwable error) {
        Job next = null;
        synchronized (this) {
            node.inFlight--;
            running.remove(job);
            if (node.alive && !closed) {
                next = node.waiting.poll();
                if (next != null) {
                    take(node, next);
                }
            }
        }
        if (next != null) {
            send(next, node);
        }
        if (job.result.isDone()) {
            return;
        }
        if (error == null) {
            if (RemoteResult.REFUSED.equals(r.status())) {
                String why = "refused by " + node.label + ": " + r.error();
                if (refusalsSeen.add(why)) {
                    event(why);
                }
                job.result.complete(TaskResult.failed(TaskStatus.FAILED, System.nanoTime(), why).withNode(node.label));
            } else if (RemoteResult.CANCELLED.equals(r.status())) {
                job.result.complete(new TaskResult(TaskStatus.FAILED, r.startNanos() + node.clockOffset,
                        r.endNanos() + node.clockOffset, -1, -1, -1, 0, 0, null, "cancelled on " + node.label).withNode(node.label));
            } else {
                job.result.complete(r.toTaskResult(node.clockOffset, node.label));
            }
            return;
        }
        Throwable cause = unwrap(error);
        if (closed || cause instanceof CancellationException) {
            job.result.complete(TaskResult.failed(TaskStatus.FAILED, System.nanoTime(),
                    "cancelled: the coordinator stopped"));
            return;
        }
        if (memberLost(cause, node)) {
            lost(node, "failed a task (" + cause.getClass().getSimpleName() + ")");
            if (job.attempts >= MAX_ATTEMPTS) {
                job.result.complete(TaskResult.failed(TaskStatus.FAILED, System.nanoTime(), "task " + job.input.index()
                        + " lost " + job.attempts + " times with its member; last on " + node.label));
                return;
            }
            Node other;
            synchronized (this) {
                other = leastLoaded();
            }
            event("task " + job.input.index() + " was in flight on " + node.label + " when it left ("
                    + cause.getClass().getSimpleName() + "); re-dispatched"
                    + (other == null ? ", but no live member is left" : " to " + other.label));
            if (other == null) {
                job.result.complete(TaskResult.failed(TaskStatus.FAILED, System.nanoTime(),
                        "no live cluster member left to run the task"));
            } else {
                dispatch(job, other);
            }
            return;
        }
        job.result.complete(TaskResult.failed(TaskStatus.FAILED, System.nanoTime(), "on " + node.label + ": "
                + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage())));
    }

    private boolean memberLost(Throwable cause, Node node) {
        if (!node.alive || cause instanceof MemberLeftException || cause instanceof RetryableException
                || cause instanceof TargetDisconnectedException) {
            return true;
        }
        try {
            return !hz.getCluster().getMembers().contains(node.member);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || (t instanceof ExecutionException && !(t instanceof MemberLeftException)))
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Marks a member lost (once) and re-dispatches the tasks that were waiting for its permits. */
    private void lost(Node node, String why) {
        List<Job> moved;
        synchronized (this) {
            if (!node.alive) {
                return;
            }
            node.alive = false;
            moved = new ArrayList<>(node.waiting);
            node.waiting.clear();
        }
        event(node.label + " (pid " + node.card.pid() + ") " + why + "; its " + node.card.threshold()
                + " slot(s) are served by live members from now on");
        if (closed) {
            return;
        }
        for (Job j : moved) {
            Node other;
            synchronized (this) {
                other = leastLoaded();
            }
            event("task " + j.input.index() + " was waiting for " + node.label + "; re-dispatched"
                    + (other == null ? ", but no live member is left" : " to " + other.label));
            if (other == null) {
                j.result.complete(TaskResult.failed(TaskStatus.FAILED, System.nanoTime(),
                        "no live cluster member left to run the task"));
            } else {
                dispatch(j, other);
            }
        }
    }

    private static void cancel(Job job) {
        Future<RemoteResult> f = job.future;
        if (f != null && !f.isDone()) {
            try {
                f.cancel(true);
            } catch (RuntimeException e) {
                // the member is gone: nothing left to cancel
            }
        }
    }

    private void event(String text) {
        events.add(text);
    }

    // ---- WorkerPool ----

    @Override
    public WorkerMode mode() {
        return WorkerMode.CLUSTER;
    }

    @Override
    public void ensure(int n) {
        if (closed) {
            throw new IllegalStateException("worker pool is closed");
        }
        if (n > workers.size()) {
            throw new WorkerStartException(n + " workers asked for, but the cluster offers " + workers.size()
                    + " slot(s) (the sum of its members' thresholds: " + describeThresholds() + ")", null);
        }
    }

    private String describeThresholds() {
        return String.join(" + ", nodes.stream().map(n -> n.name + " " + n.card.threshold()).toList());
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
    public synchronized List<NodeInfo> nodes() {
        return nodes.stream().map(n -> new NodeInfo(n.name, n.label, n.card.address(), n.card.pid(),
                n.card.threshold(), n.card.measured(), n.card.thresholdSource(), n.card.cpuModel(), n.clockOffset,
                n.bestRtt, n.alive, n.maxInFlight)).toList();
    }

    /** The member cards, in slot order. */
    public List<MemberCard> cards() {
        return nodes.stream().map(n -> n.card).toList();
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
                String why = MemberPolicy.refusalByCard(n.card, spec);
                if (why != null) {
                    out.add(n.label + " refuses " + MemberPolicy.label(MemberPolicy.kind(spec)) + " tasks: " + why);
                    break;
                }
            }
        }
        return out;
    }

    /** Cancels every in-flight task on the members, fails the waiting ones, and leaves the cluster. */
    @Override
    public void close() {
        List<Job> all;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            all = new ArrayList<>(running);
            for (Node n : nodes) {
                all.addAll(n.waiting);
                n.waiting.clear();
            }
        }
        List<CompletableFuture<Void>> cancels = new ArrayList<>();
        for (Job j : all) {
            j.result.complete(TaskResult.failed(TaskStatus.FAILED, System.nanoTime(), "cancelled: the coordinator stopped"));
            cancels.add(CompletableFuture.runAsync(() -> cancel(j)));
        }
        if (!all.isEmpty()) {
            event("coordinator stopped: cancelled " + all.size() + " unfinished task(s) on the members");
        }
        try {
            CompletableFuture.allOf(cancels.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // best effort: the members finish what they started
        }
        timer.shutdownNow();
        try {
            hz.shutdown();
        } catch (RuntimeException e) {
            // already down
        }
    }
}
