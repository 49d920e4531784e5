package dev.corescope.cluster;

import com.hazelcast.core.HazelcastInstance;
import dev.corescope.api.TaskInput;
import dev.corescope.workload.WorkloadSpec;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The member's door: every {@link RemoteTask} and {@link ClockProbe} passes here before anything runs.
 * In order: the protocol number, the signature (HMAC of the cluster key), the time window and the
 * replay cache ({@link MessageAuth#verify}), and for tasks the member's {@link MemberPolicy}. A message
 * that fails any check is dropped with one log line and answered with a refusal (tasks) or a
 * {@link SecurityException} (probes); nothing of it runs. Accepted tasks go to the {@link Backend},
 * which runs them in a killable form (worker JVMs, {@link WorkerSlots}).
 *
 * <p>Kept free of Hazelcast apart from {@link #of}: the member puts its gate in the instance's user
 * context under {@link #CONTEXT_KEY}, and the deserialized task finds it there.
 */
public final class TaskGate {
    public static final String CONTEXT_KEY = "corescope.task-gate";
    private static final int MAX_LOGGED = 120;

    /** Runs an accepted task; never throws (failures, timeouts and cancellations are results). */
    public interface Backend {
        RemoteResult run(WorkloadSpec spec, TaskInput input, Duration timeout);
    }

    private final MessageAuth auth;
    private final MemberPolicy policy;
    private final Backend backend;
    private final Consumer<String> log;

    public TaskGate(MessageAuth auth, MemberPolicy policy, Backend backend, Consumer<String> log) {
        this.auth = auth;
        this.policy = policy;
        this.backend = backend;
        this.log = log;
    }

    /** The gate of a member instance, or null when the instance is not a corescope member. */
    static TaskGate of(HazelcastInstance hz) {
        if (hz == null) {
            return null;
        }
        Object g = hz.getUserContext().get(CONTEXT_KEY);
        return g instanceof TaskGate gate ? gate : null;
    }

    public MemberPolicy policy() {
        return policy;
    }

    public RemoteResult run(RemoteTask task) {
        String what = "task " + task.index() + " (" + oneLine(task.spec()) + ")";
        if (task.protocol() != Protocol.NUMBER) {
            return drop(what, "it speaks protocol " + task.protocol() + ", this member " + Protocol.describeSelf());
        }
        MessageAuth.AuthVerdict v = auth.verify(RemoteTask.KIND, task.content(), task.seal());
        if (!v.ok()) {
            return drop(what, v.reason());
        }
        WorkloadSpec spec;
        try {
            spec = WorkloadSpec.parse(task.spec() == null ? "" : task.spec());
        } catch (IllegalArgumentException e) {
            return drop(what, "malformed workload: " + oneLine(e.getMessage()));
        }
        MemberPolicy.Decision d = policy.decide(spec);
        if (!d.allowed()) {
            log.accept("refused " + what + ": " + d.refusal());
            return RemoteResult.refused(d.refusal());
        }
        if (Thread.currentThread().isInterrupted()) {
            return RemoteResult.cancelled("cancelled before it started", ProcessHandle.current().pid());
        }
        return backend.run(d.spec(), task.input(), task.timeout());
    }

    public long clock(ClockProbe probe) {
        if (probe.protocol() != Protocol.NUMBER) {
            drop("clock probe", "it speaks protocol " + probe.protocol() + ", this member " + Protocol.describeSelf());
            throw new SecurityException("refused: protocol " + probe.protocol() + ", this member " + Protocol.describeSelf());
        }
        MessageAuth.AuthVerdict v = auth.verify(ClockProbe.KIND, probe.content(), probe.seal());
        if (!v.ok()) {
            drop("clock probe", v.reason());
            throw new SecurityException("refused: " + v.reason());
        }
        return System.nanoTime();
    }

    private RemoteResult drop(String what, String why) {
        log.accept("dropped " + what + ": " + why);
        return RemoteResult.refused(why);
    }

    /** Attacker-controlled text in a log line: one line, bounded. */
    static String oneLine(String s) {
        if (s == null) {
            return "none";
        }
        String t = s.replaceAll("[\\p{Cntrl}]", "?");
        return t.length() <= MAX_LOGGED ? t : t.substring(0, MAX_LOGGED) + "...";
    }
}
