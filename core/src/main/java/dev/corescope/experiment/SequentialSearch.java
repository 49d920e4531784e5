package dev.corescope.experiment;

import dev.corescope.analysis.LevelSample;
import dev.corescope.analysis.LevelVerdict;
import dev.corescope.analysis.SpendingDesign;
import dev.corescope.analysis.NoiseFloor;
import dev.corescope.analysis.ThresholdDetector;
import dev.corescope.analysis.ThresholdResult;
import dev.corescope.analysis.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Investigate's plan: which levels are measured, in blocks ({@link LevelSearch}), and when each is looked at
 * and decided. The levels being measured run together, a round each per block, with one worker; each is
 * looked at after 5, 10, 20, 40... rounds up to its budget ({@link SpendingDesign}: a group-sequential design whose
 * error spending bounds the repeated looks; the budget grows with P, {@link SpendingDesign#forWorkers}) and its
 * verdict frozen at the look that settles it; a level still unsettled at the budget's end is not OK. When no level is left to measure, {@link ThresholdSearch} picks the next one
 * from the bracket and the machine's hints, until the threshold is bracketed. Levels above one that is not
 * OK stop being measured: they cannot raise the threshold. With {@code full}, every level is measured to its
 * verdict. A baseline too noisy to judge anything ({@link NoiseFloor}, checked at every look until one worker
 * has {@value #STEADY_ROUNDS} rounds) is measured again once, from scratch; if it is still too noisy the run
 * stops ({@link BaselineTooNoisy}).
 */
final class SequentialSearch {
    /** How long the machine is left alone before one worker is measured again. */
    static final Duration PAUSE = Duration.ofSeconds(1);
    /** One worker's rounds at which its steadiness is settled (it is checked at every look before). */
    static final int STEADY_ROUNDS = 10;

    private final Session session;
    private final LevelSearch search;
    private final ThresholdDetector detector;
    private final SpendingDesign looks;
    private final int maxLevel;
    private final List<Integer> hints;
    private final boolean full;
    private final Map<Integer, LevelVerdict> frozen = new TreeMap<>();
    private final Map<Integer, Integer> nextLook = new TreeMap<>();
    /** The block count when each level being measured joined: a level whose rounds keep failing ends too. */
    private final Map<Integer, Integer> joined = new TreeMap<>();
    private int blocks;
    private boolean baselineJudged;
    private String remeasured;

    SequentialSearch(Session session, LevelSearch search, ThresholdDetector detector, SpendingDesign looks, int maxLevel,
                     List<Integer> hints, boolean full) {
        this.session = session;
        this.search = search;
        this.detector = detector;
        this.looks = looks;
        this.maxLevel = maxLevel;
        this.hints = List.copyOf(hints);
        this.full = full;
    }

    /** Measures from the levels {@code first} (above 1, at most the maximum) until the threshold is bracketed. */
    ThresholdResult run(List<Integer> first) {
        start(first);
        if (nextLook.isEmpty()) { // one worker only (--max 1): its own rounds
            for (int i = 0; i < looks.first(); i++) {
                search.block(java.util.Set.of());
            }
        }
        while (true) {
            if (nextLook.isEmpty()) {
                ThresholdResult r = result();
                int next = full ? -1 : ThresholdSearch.next(r, measured(), maxLevel, hints);
                if (next < 0) {
                    return r;
                }
                join(next);
                continue;
            }
            int need = Integer.MAX_VALUE;
            for (var e : nextLook.entrySet()) {
                need = Math.min(need, e.getValue() - search.rounds(e.getKey()));
            }
            for (int i = 0; i < Math.max(1, need); i++) {
                search.block(nextLook.keySet());
                blocks++;
            }
            if (!baselineJudged && search.rounds(1) >= looks.first() && !baselineSteady(first)) {
                continue;
            }
            look();
            if (!full) {
                prune();
            }
        }
    }

    /** Why one worker was measured again, or null when it was not. */
    String remeasured() {
        return remeasured;
    }

    private void start(List<Integer> first) {
        frozen.clear();
        nextLook.clear();
        for (int level : first) {
            if (level > 1 && level <= maxLevel) {
                join(level);
            }
        }
    }

    private void join(int level) {
        nextLook.put(level, looks.first());
        joined.put(level, blocks);
    }

    /** The levels due for a look are looked at; settled ones, and ones at the budget's end, are frozen. */
    private void look() {
        LevelSample base = search.sample(1);
        for (int level : new ArrayList<>(nextLook.keySet())) {
            int rounds = search.rounds(level);
            boolean stuck = blocks - joined.get(level) >= 2 * looks.forWorkers(level).max(); // failed rounds do not count
            if (rounds < nextLook.get(level) && !stuck) {
                continue;
            }
            SpendingDesign own = looks.forWorkers(level);
            LevelVerdict v = detector.judge(base, search.sample(level), own.levelAt(Math.max(rounds, own.first())));
            if (v.verdict() != Verdict.UNSETTLED || own.last(rounds) || stuck) {
                frozen.put(level, detector.budgetEnded(v));
                nextLook.remove(level);
            } else {
                nextLook.put(level, own.next(rounds));
            }
        }
    }

    /** Levels above a frozen level that is not OK cannot raise the threshold: they are left as they stand. */
    private void prune() {
        int blocking = frozen.entrySet().stream().filter(e -> e.getValue().verdict() != Verdict.OK)
                .mapToInt(Map.Entry::getKey).min().orElse(Integer.MAX_VALUE);
        LevelSample base = search.sample(1);
        for (int level : new ArrayList<>(nextLook.keySet())) {
            if (level > blocking) {
                int rounds = Math.max(looks.first(), search.rounds(level));
                frozen.put(level, detector.judge(base, search.sample(level), looks.forWorkers(level).levelAt(rounds)));
                nextLook.remove(level);
            }
        }
    }

    /**
     * Whether one worker alone can be judged against; if not, the first time its rounds and every level's are
     * discarded and measured again after a pause, the second time the run stops.
     */
    private boolean baselineSteady(List<Integer> first) {
        NoiseFloor floor = NoiseFloor.of(search.sample(1), looks.max());
        if (floor.judgeable(detector.tolerance())) {
            // the spread of 5 rounds is a rough estimate: one worker is judged steady once 10 rounds agree
            baselineJudged = search.rounds(1) >= STEADY_ROUNDS;
            return true;
        }
        String why = floor.reason(detector.tolerance());
        if (remeasured != null) {
            throw new BaselineTooNoisy(why + "; measured twice, " + PAUSE.toSeconds()
                    + " s apart: no threshold can be found on this machine now, nothing was cached");
        }
        remeasured = why;
        search.restart();
        try {
            session.machine().sleep(PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to measure one worker again", e);
        }
        start(first);
        return false;
    }

    private Set<Integer> measured() {
        Set<Integer> m = new HashSet<>(frozen.keySet());
        m.add(1);
        return m;
    }

    /** The threshold from the frozen verdicts (one worker's own from its rounds so far). */
    private ThresholdResult result() {
        List<LevelSample> samples = new ArrayList<>();
        Map<Integer, LevelVerdict> verdicts = new TreeMap<>(frozen);
        LevelSample base = search.sample(1);
        samples.add(base);
        verdicts.put(1, detector.judge(base, base, SpendingDesign.single(detector.confidence())));
        for (int level : new TreeSet<>(frozen.keySet())) {
            samples.add(search.sample(level));
        }
        return detector.result(samples, verdicts, false);
    }
}
