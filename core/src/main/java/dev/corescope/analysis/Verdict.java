package dev.corescope.analysis;

/** Outcome of comparing one concurrency level with the single-worker baseline. */
public enum Verdict {
    /** The whole confidence interval of the ratio lies at or below 1 + tolerance. */
    OK,
    /** The whole confidence interval of the ratio lies above 1 + tolerance. */
    WORSE,
    /** The interval straddles 1 + tolerance (or too few samples): measure more. */
    UNSETTLED
}
