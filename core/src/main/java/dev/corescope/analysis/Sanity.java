package dev.corescope.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The sanity layer between measurement and every output: a figure that physics rules out (an efficiency
 * above 100%, a speedup above the CPUs, a threshold above them, CPU time above wall time, CPU per task that
 * falls when more workers run beside it) or that cannot be judged (a baseline too noisy or too starved, a
 * task shorter than the timer resolves) is refused with its reason, never printed as a result. The
 * experiment layer applies it to every result in one place before anything is written, printed or cached
 * ({@code experiment.SanityGate}), and {@code compare} to both runs.
 *
 * <p>Adding a rule: write a {@link Rule} (a function of the {@link Figures}; {@link SanityRules} holds the
 * built-in ones), add it to {@link #RULES}, and give it an invented-figures test in {@code SanityTest}.
 */
public final class Sanity {
    /**
     * A refused figure.
     *
     * @param rule    the rule's short name (e.g. {@code efficiency}, {@code cpu-above-wall})
     * @param subject what was refused (e.g. {@code sweep, 2 workers})
     * @param reason  why, with the figure, the limit and the likely cause, in one sentence
     */
    public record Refusal(String rule, String subject, String reason) {
        /** {@code subject: reason} */
        public String text() {
            return subject + ": " + reason;
        }
    }

    /** One rule: the refusals it finds in a result's figures (none when they hold). */
    @FunctionalInterface
    public interface Rule {
        List<Refusal> check(Figures f);
    }

    /** Every rule, in the order their refusals are reported. */
    public static final List<Rule> RULES = List.of(
            SanityRules::shortTasks,
            SanityRules::cpuAboveWall,
            SanityRules::noisyBaseline,
            SanityRules::starvedBaseline,
            SanityRules::efficiency,
            SanityRules::speedupAboveCpus,
            SanityRules::cpuFalling,
            SanityRules::thresholdAboveCpus);

    private Sanity() {
    }

    /** The refusals of every rule of {@link #RULES}. */
    public static List<Refusal> check(Figures f) {
        return check(f, RULES);
    }

    /** The refusals of {@code rules}. */
    public static List<Refusal> check(Figures f, List<Rule> rules) {
        List<Refusal> out = new ArrayList<>();
        for (Rule r : rules) {
            out.addAll(r.check(f));
        }
        return out;
    }
}
