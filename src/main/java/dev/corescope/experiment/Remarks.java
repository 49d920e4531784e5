package dev.corescope.experiment;

import java.util.List;

/**
 * What a careful reader should know beside a run's numbers: the failed tasks (how many, the first
 * reasons), the worker pools' events (replacements, abandoned threads), notes on the method, and
 * warnings before trusting the numbers.
 */
public record Remarks(int failures, List<String> failureReasons, List<String> events, List<String> notes,
                      List<String> warnings) {
    public Remarks {
        failureReasons = Lists.copy(failureReasons);
        events = Lists.copy(events);
        notes = Lists.copy(notes);
        warnings = Lists.copy(warnings);
    }

    public Remarks withNotes(List<String> newNotes) {
        return new Remarks(failures, failureReasons, events, newNotes, warnings);
    }

    public Remarks withWarnings(List<String> newWarnings) {
        return new Remarks(failures, failureReasons, events, notes, newWarnings);
    }
}
