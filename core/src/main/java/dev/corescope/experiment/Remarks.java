package dev.corescope.experiment;

import java.util.List;

/**
 * What a careful reader should know beside a run's numbers: the failed tasks (how many, the first
 * reasons), the worker pools' events (replacements, abandoned threads), notes on the method, warnings
 * before trusting the numbers, and the figures the sanity layer refused ({@code refusals}: each "what:
 * why"; a result with any is no result, see {@code SanityGate}).
 */
public record Remarks(int failures, List<String> failureReasons, List<String> events, List<String> notes,
                      List<String> warnings, List<String> refusals) {
    public Remarks {
        failureReasons = Lists.copy(failureReasons);
        events = Lists.copy(events);
        notes = Lists.copy(notes);
        warnings = Lists.copy(warnings);
        refusals = Lists.copy(refusals);
    }

    /** Without refusals (summaries of earlier versions, results not yet checked). */
    public Remarks(int failures, List<String> failureReasons, List<String> events, List<String> notes,
                   List<String> warnings) {
        this(failures, failureReasons, events, notes, warnings, List.of());
    }

    public Remarks withNotes(List<String> newNotes) {
        return new Remarks(failures, failureReasons, events, newNotes, warnings, refusals);
    }

    public Remarks withWarnings(List<String> newWarnings) {
        return new Remarks(failures, failureReasons, events, notes, newWarnings, refusals);
    }

    public Remarks withRefusals(List<String> newRefusals) {
        return new Remarks(failures, failureReasons, events, notes, warnings, newRefusals);
    }

    /** With one more failure and its reason first (e.g. a warm-up that failed before any task was recorded). */
    public Remarks withFailure(int count, String reason) {
        List<String> reasons = new java.util.ArrayList<>();
        reasons.add(reason);
        reasons.addAll(failureReasons);
        return new Remarks(failures + count, reasons, events, notes, warnings, refusals);
    }

    /** True when the sanity layer refused a figure of the result. */
    public boolean refused() {
        return !refusals.isEmpty();
    }
}
