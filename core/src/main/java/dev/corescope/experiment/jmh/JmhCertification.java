package dev.corescope.experiment.jmh;

import dev.corescope.experiment.jmh.JmhCertifier.Fork;
import dev.corescope.experiment.jmh.JmhCertifier.Look;
import dev.corescope.experiment.jmh.JmhCertifier.ThreeWayVerdict;
import dev.corescope.experiment.jmh.JmhCertifier.Side;
import dev.corescope.experiment.jmh.JmhCertifier.CertifierVerdict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The proof of a run, as it goes ({@link JmhScheduler.Steering}). Every fork measured at the level whose iterations
 * ran partly alone and partly at the level (the controls, and the forks left alone as the run drained before a
 * control or at its end) is a block of the {@link JmhCertifier}'s test. Looks: an interim one after each new block
 * from the {@value ForkEquivalence#MIN_BLOCKS}th, which may only refuse a clearly different level; a certification
 * look once the level's controls have all ended, and after each extension (one more control, made of a queued fork),
 * at most {@value #LOOKS} in all; the last when the queue is done.
 *
 * <p>The verdict is the level's; its consequences fall on each benchmark. Certified: the results measured at the
 * level stand. Not certified, or still unsettled when no look is left: with {@code auto} the level steps down by half
 * and every fork that ran beside others at it is rerun at the lower level (alone at level 1: that solo result is the
 * one reported, marked {@code solo (rerun)}); with {@code --workers N} the verdict is reported and nothing is rerun.
 * A fork that ends after its level failed, having begun before, is rerun too.
 */
public final class JmhCertification implements JmhScheduler.Steering {
    /** The test in use. */
    public static final JmhCertifier DEFAULT_CERTIFIER = ForkEquivalence.DEFAULT;
    /** Certification looks per level: the planned controls, and two extensions of one control each. */
    public static final int LOOKS = 3;

    private static final class Level {
        final List<Fork> forks = new ArrayList<>();
        final List<JobOutcome> beside = new ArrayList<>();
        int looks;
        int blocksAtLook = -1;
        int controlsEnded;
        int controlsAtLook;
        CertifierVerdict verdict;
        boolean settled;
    }

    private final JmhCertifier certifier;
    private final JmhControls controls;
    private final boolean stepDown;
    private final Supplier<String> ids;
    private final Map<Integer, Level> levels = new LinkedHashMap<>();
    private final Set<Integer> failed = new HashSet<>();
    private final List<String> controlJobs = new ArrayList<>();
    private final List<String> steps = new ArrayList<>();

    /** @param stepDown {@code auto}: a failing level steps down and its forks are rerun */
    public JmhCertification(JmhCertifier certifier, JmhControls controls, boolean stepDown, Supplier<String> ids) {
        this.certifier = certifier;
        this.controls = controls;
        this.stepDown = stepDown;
        this.ids = ids;
    }

    /** {@code queue} with its controls for a run at {@code width} placed ({@link JmhControls#place}). */
    public List<JmhJob> placeControls(List<JmhJob> queue, int width, java.util.Random rng) {
        return JmhControls.place(queue, controls.count(queue, width), width, rng);
    }

    @Override
    public JmhScheduler.Change after(JobOutcome o, JmhScheduler.State s) {
        List<JmhJob> late = new ArrayList<>();
        if (o.ok() && o.width() > 1 && o.othersMax() > 0) {
            level(o.width()).beside.add(o);
            if (failed.contains(o.width())) {
                late.add(o.job().rerun(ids.get())); // began before its level failed, ended after
            }
        }
        int w = s.width();
        if (o.job().kind() == JmhJob.Kind.CONTROL) {
            controlJobs.add(o.job().id());
            if (o.width() == w) {
                level(w).controlsEnded++;
            }
        }
        JmhScheduler.Change c = JmhScheduler.Change.none(w);
        if (w > 1 && o.width() == w) {
            Fork f = fork(o, w);
            if (f != null) {
                level(w).forks.add(f);
            }
            c = decide(s, f != null, false);
        }
        if (late.isEmpty()) {
            return c;
        }
        late.addAll(c.reruns());
        return new JmhScheduler.Change(c.width(), late, c.promote(), c.dropControls());
    }

    @Override
    public JmhScheduler.Change atEnd(JmhScheduler.State s) {
        return s.width() <= 1 || !controls.enabled() ? JmhScheduler.Change.none(s.width()) : decide(s, false, true);
    }

    private JmhScheduler.Change decide(JmhScheduler.State s, boolean newBlock, boolean end) {
        int w = s.width();
        Level l = level(w);
        if (l.settled || !controls.enabled()) {
            return JmhScheduler.Change.none(w);
        }
        if (newBlock && l.forks.size() >= ForkEquivalence.MIN_BLOCKS) {
            CertifierVerdict v = certifier.judge(w, l.forks, Look.interim(LOOKS));
            if (v.level() == ThreeWayVerdict.NOT_CERTIFIED) {
                return fail(w, l, v, "clearly not certified at an interim look");
            }
        }
        boolean due = s.controlsLeft() == 0 && l.controlsEnded > l.controlsAtLook
                || end && l.forks.size() > l.blocksAtLook;
        if (!due || l.looks >= LOOKS) {
            return end || l.looks >= LOOKS && due ? fail(w, l, l.verdict, "not settled after " + l.looks + " look(s)")
                    : JmhScheduler.Change.none(w);
        }
        l.looks++;
        l.controlsAtLook = l.controlsEnded;
        l.blocksAtLook = l.forks.size();
        CertifierVerdict v = certifier.judge(w, l.forks, Look.certification(l.looks, LOOKS));
        l.verdict = v;
        if (v.level() == ThreeWayVerdict.CERTIFIED) {
            l.settled = true;
            return JmhScheduler.Change.none(w);
        }
        if (v.level() == ThreeWayVerdict.NOT_CERTIFIED) {
            return fail(w, l, v, "not certified");
        }
        if (end || l.looks >= LOOKS) {
            return fail(w, l, v, "not settled after " + l.looks + " look(s)");
        }
        if (s.promotable() > w) { // a control needs jobs after it to fill the level
            steps.add("level " + w + " not settled at look " + l.looks + " (" + v.reason() + "): one more control");
            return new JmhScheduler.Change(w, List.of(), 1, false);
        }
        return JmhScheduler.Change.none(w); // nothing left to make a control of: the run's end decides
    }

    private JmhScheduler.Change fail(int w, Level l, CertifierVerdict v, String why) {
        l.settled = true;
        CertifierVerdict verdict = v != null ? v : certifier.judge(w, l.forks, Look.certification(Math.max(1, l.looks), LOOKS));
        l.verdict = verdict;
        if (!stepDown) {
            steps.add("level " + w + " " + why + " (" + verdict.reason() + "): kept (--workers " + w + ")");
            return JmhScheduler.Change.none(w);
        }
        int lower = Math.max(1, w / 2);
        failed.add(w);
        List<JmhJob> reruns = l.beside.stream().map(o -> o.job().rerun(ids.get())).toList();
        steps.add("level " + w + " " + why + " (" + verdict.reason() + "): stepped down to " + lower + "; "
                + reruns.size() + " fork(s) that ran beside others rerun " + (lower == 1 ? "alone" : "at " + lower));
        int promote = lower > 1 ? JmhControls.MIN_CONTROLS : 0;
        return new JmhScheduler.Change(lower, reruns, promote, lower == 1);
    }

    /** {@code o}'s fork with each measured iteration's side at {@code width}; null unless it has both sides. */
    static Fork fork(JobOutcome o, int width) {
        List<IterationContext> ctx = o.contexts();
        if (ctx == null) {
            return null;
        }
        List<Side> sides = ctx.stream().map(c -> c.alone() ? Side.ALONE : c.atLevel(width, o.job().cores())
                ? Side.LEVEL : Side.OTHER).toList();
        if (!sides.contains(Side.ALONE) || !sides.contains(Side.LEVEL)) {
            return null;
        }
        BenchmarkPlan p = o.job().plan();
        return new Fork(o.job().id(), p.key(), p.mode().higherIsBetter(), o.run().fork().iterations(), sides);
    }

    private Level level(int w) {
        return levels.computeIfAbsent(w, k -> new Level());
    }

    /** The last verdict of each level judged, in the order they were first judged. */
    public Map<Integer, CertifierVerdict> verdicts() {
        Map<Integer, CertifierVerdict> out = new LinkedHashMap<>();
        levels.forEach((w, l) -> {
            if (l.verdict != null) {
                out.put(w, l.verdict);
            }
        });
        return out;
    }

    /** Whether a level's verdict is final (certified, refused, or unsettled when nothing was left to look at). */
    public boolean settled(int width) {
        Level l = levels.get(width);
        return l != null && l.settled;
    }

    /** What happened: step-downs and extensions, one line each. */
    public List<String> steps() {
        return List.copyOf(steps);
    }

    /** The jobs that ran as controls, in the order they ended. */
    public List<String> controlJobs() {
        return List.copyOf(controlJobs);
    }

    public JmhCertifier certifier() {
        return certifier;
    }

    public JmhControls controls() {
        return controls;
    }

    /** For the tests: the forks collected at a level. */
    List<Fork> forks(int width) {
        Level l = levels.get(width);
        return l == null ? List.of() : List.copyOf(l.forks);
    }
}
