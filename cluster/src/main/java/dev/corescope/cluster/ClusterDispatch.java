package dev.corescope.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.spi.exception.RetryableException;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import dev.corescope.cluster.ClusterJoin.Node;
import dev.corescope.exec.TaskResult;
import dev.corescope.exec.TaskStatus;
import dev.corescope.exec.TaskTimeout;
import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Sends tasks to members and sees them back: each task is a signed {@link RemoteTask} sent with
 * {@link IExecutorService#submitToMember} when its member has a free permit ({@link SlotScheduler}), its
 * result mapped onto the coordinator's clock. A task in flight on a member that leaves is re-dispatched
 * to a live member (at most {@value #MAX_ATTEMPTS} attempts); a refusal is recorded as a failed task with
 * the member's reason, said once per member and reason; a task past the task timeout is cancelled
 * ({@link TaskTimeout}). Each task has one result future, completed once, by the attempt that settled it.
 */
final class ClusterDispatch {
    private static final int MAX_ATTEMPTS = 5;

    private final HazelcastInstance hz;
    private final IExecutorService executor;
    private final List<Node> nodes;
    private final SlotScheduler<Job> scheduler;
    private final Duration taskTimeout;
    private final MessageAuth auth;
    private final Consumer<String> events;
    private final Set<String> refusalsSeen = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "corescope-cluster-timer");
        t.setDaemon(true);
        return t;
    });

    ClusterDispatch(HazelcastInstance hz, List<Node> nodes, SlotScheduler<Job> scheduler, Duration taskTimeout,
                    MessageAuth auth, Consumer<String> events) {
        this.hz = hz;
        this.executor = hz.getExecutorService(ClusterConfigs.EXECUTOR);
        this.nodes = nodes;
        this.scheduler = scheduler;
        this.taskTimeout = taskTimeout;
        this.auth = auth;
        this.events = events;
    }

    /** A task: what to run, its one result, its attempts and the Hazelcast future of the current one. */
    static final class Job {
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

    /**
     * Runs a task of the slot whose member is {@code home}; {@code slot} names the slot in the event said
     * once when its member has left ({@code rebound} remembers that it was said).
     */
    CompletableFuture<TaskResult> submit(Node home, String slot, AtomicBoolean rebound, WorkloadSpec spec,
                                         TaskInput input) {
        Job job = new Job(spec, input);
        if (scheduler.closed()) {
            job.result.complete(TaskResult.failed(TaskStatus.FAILED, System.nanoTime(), "the cluster pool is closed"));
            return job.result;
        }
        TaskTimeout.arm(timer, taskTimeout, job.result, submitted -> {
            if (job.result.complete(TaskTimeout.result(submitted, taskTimeout))) {
                event("task " + input.index() + " ran past the " + taskTimeout.toMillis()
                        + " ms task timeout; its future was cancelled");
                cancel(job);
            }
        });
        if (!scheduler.alive(home.index()) && rebound.compareAndSet(false, true)) {
            event("slot " + slot + ": " + home.name() + " has left; its tasks go to live members");
        }
        dispatch(job, home);
        return job.result;
    }

    /** Sends the job to {@code preferred} (or the least loaded live member) when a permit is free, else queues it. */
    private void dispatch(Job job, Node preferred) {
        SlotScheduler.Dispatch d = scheduler.dispatch(job, preferred.index());
        switch (d.outcome()) {
            case SEND -> send(job, nodes.get(d.member()));
            case NO_MEMBER_LEFT -> job.result.complete(TaskResult.failed(TaskStatus.FAILED, System.nanoTime(),
                    "no live cluster member left to run the task"));
            case CLOSED -> job.result.complete(TaskResult.failed(TaskStatus.FAILED, System.nanoTime(),
                    "the cluster pool is closed"));
            case QUEUED -> {
                // sent when a task of that member finishes
            }
        }
    }

    private void send(Job job, Node node) {
        if (job.result.isDone()) { // timed out or cancelled while it waited
            finished(job, node, null, null);
            return;
        }
        job.attempts++;
        try {
            Future<RemoteResult> f = executor.submitToMember(RemoteTask.signed(job.spec, job.input, taskTimeout, auth),
                    node.member());
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
        Job next = scheduler.finished(node.index(), job);
        if (next != null) {
            send(next, node);
        }
        if (job.result.isDone()) {
            return;
        }
        if (error == null) {
            if (RemoteResult.REFUSED.equals(r.status())) {
                String why = "refused by " + node.label() + ": " + r.error();
                if (refusalsSeen.add(why)) {
                    event(why);
                }
                job.result.complete(TaskResult.failed(TaskStatus.FAILED, System.nanoTime(), why).withNode(node.label()));
            } else if (RemoteResult.CANCELLED.equals(r.status())) {
                job.result.complete(new TaskResult(TaskStatus.FAILED, r.startNanos() + node.clock().offsetNanos(),
                        r.endNanos() + node.clock().offsetNanos(), -1, -1, -1, 0, 0, null, "cancelled on " + node.label()).withNode(node.label()));
            } else {
                job.result.complete(r.toTaskResult(node.clock().offsetNanos(), node.label()));
            }
            return;
        }
        Throwable cause = unwrap(error);
        if (scheduler.closed() || cause instanceof CancellationException) {
            job.result.complete(TaskResult.failed(TaskStatus.FAILED, System.nanoTime(),
                    "cancelled: the coordinator stopped"));
            return;
        }
        if (memberLost(cause, node)) {
            lost(node, "failed a task (" + cause.getClass().getSimpleName() + ")");
            if (job.attempts >= MAX_ATTEMPTS) {
                job.result.complete(TaskResult.failed(TaskStatus.FAILED, System.nanoTime(), "task " + job.input.index()
                        + " lost " + job.attempts + " times with its member; last on " + node.label()));
                return;
            }
            redispatch(job, "was in flight on " + node.label() + " when it left (" + cause.getClass().getSimpleName() + ")");
            return;
        }
        job.result.complete(TaskResult.failed(TaskStatus.FAILED, System.nanoTime(), "on " + node.label() + ": "
                + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage())));
    }

    private boolean memberLost(Throwable cause, Node node) {
        if (!scheduler.alive(node.index()) || cause instanceof MemberLeftException || cause instanceof RetryableException
                || cause instanceof TargetDisconnectedException) {
            return true;
        }
        try {
            return !hz.getCluster().getMembers().contains(node.member());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The live member with the most free permits, or null. */
    private Node leastLoaded() {
        int m = scheduler.leastLoaded();
        return m < 0 ? null : nodes.get(m);
    }

    static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || (t instanceof ExecutionException && !(t instanceof MemberLeftException)))
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Marks a member lost (once) and re-dispatches the tasks that were waiting for its permits. */
    void lost(Node node, String why) {
        List<Job> moved = scheduler.lost(node.index());
        if (moved == null) {
            return;
        }
        event(node.label() + " (pid " + node.card().pid() + ") " + why + "; its " + node.card().threshold()
                + " slot(s) are served by live members from now on");
        if (scheduler.closed()) {
            return;
        }
        for (Job j : moved) {
            redispatch(j, "was waiting for " + node.label());
        }
    }

    /** Sends the task of a member that left to the least loaded live one, saying so ({@code why} it moves). */
    private void redispatch(Job job, String why) {
        Node other = leastLoaded();
        event("task " + job.input.index() + " " + why + "; re-dispatched"
                + (other == null ? ", but no live member is left" : " to " + other.label()));
        if (other == null) {
            job.result.complete(TaskResult.failed(TaskStatus.FAILED, System.nanoTime(),
                    "no live cluster member left to run the task"));
        } else {
            dispatch(job, other);
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
        events.accept(text);
    }

    /** Stops dispatching, fails every task in flight or waiting and cancels them on their members. */
    void close() {
        List<Job> all = scheduler.close();
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
    }
}
