package dev.corescope.report.html;

/**
 * What one result type adds to the page: its verdict (the findings, set out) and its results (the
 * tables). A part it has nothing for is left empty and not shown.
 */
interface ResultSection {
    String verdictTitle();

    void verdict(Html out);

    void results(Html out);
}
