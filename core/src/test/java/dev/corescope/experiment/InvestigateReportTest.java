package dev.corescope.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InvestigateReportTest {

    private static InvestigateReport.Level level(int workers, double ratio, double waitMs, String verdict) {
        return new InvestigateReport.Level(workers, 30,
                new InvestigateReport.Times(0.02, 0.001, 0.02, 0.05, 0.02, waitMs / 1e3),
                new InvestigateReport.RatioToOne(ratio, ratio - 0.05, ratio + 0.05), verdict, true, null);
    }

    private static InvestigateReport.Level level(int workers, double ratio, double low, double high, double waitMs,
                                                 String verdict, boolean settled) {
        return new InvestigateReport.Level(workers, 30,
                new InvestigateReport.Times(0.02, 0.001, 0.02, 0.05, 0.02, waitMs / 1e3),
                new InvestigateReport.RatioToOne(ratio, low, high), verdict, settled, null);
    }

    private static InvestigateReport report(int threshold, String predictedBy, int predicted,
                                            InvestigateReport.Level... levels) {
        return new InvestigateReport(new InvestigateReport.Threshold(threshold, true, "x", 0.05, 1.0),
                new InvestigateReport.MachineFacts(predictedBy, predicted, List.of(), Double.NaN, null),
                List.of(levels), null, null, null, null);
    }

    @Test
    void aThresholdBelowThePredictionQuotesTheMeasuredLevelNotTheProfile() {
        var r = report(1, "logical CPUs", 2, level(1, 1.0, 0.1, "ok"), level(2, 1.184, 1.08, "worse"),
                level(3, 1.5, 12, "worse"));
        assertThat(r.limitedBy()).isEqualTo("measured, below the 2 the profile predicts (logical CPUs): with 2 "
                + "workers the median task took 1.18x as long as alone, 1.1 ms run-queue wait per task against 0.1 alone");
    }

    @Test
    void aThresholdAtThePredictionNamesTheLimitAndTheLevelAbove() {
        var r = report(2, "logical CPUs", 2, level(1, 1.0, 0.0, "ok"), level(2, 1.01, 0.1, "ok"),
                level(3, 1.52, 13.8, "worse"));
        assertThat(r.limitedBy()).startsWith("limited by logical CPUs; with 3 workers the median task took 1.52x");
    }

    @Test
    void withoutALevelAboveTheProfileSaysWhatLimits() {
        var r = report(2, "cgroup CPU quota", 2, level(1, 1.0, 0.0, "ok"), level(2, 1.0, 0.0, "ok"));
        assertThat(r.limitedBy()).isEqualTo("limited by cgroup CPU quota");
    }

    @Test
    void aLevelWorseByItsRunQueueWaitSaysSoRatherThanQuotingAFasterMedianAlone() {
        var r = report(1, "logical CPUs", 2, level(1, 1.0, 0.0, "ok"),
                level(2, 0.82, 0.78, 1.02, 0.9, "worse", true));
        assertThat(r.limitedBy()).isEqualTo("measured, below the 2 the profile predicts (logical CPUs): with 2 workers "
                + "tasks waited in the run queue, 0.9 ms run-queue wait per task against 0.0 alone (time-slicing), "
                + "though the median task took 0.82x as long as alone [0.78-1.02]");
    }

    @Test
    void anUnsettledLevelAboveSaysTheLowerLevelWasKept() {
        var r = report(1, "logical CPUs", 2, level(1, 1.0, 0.0, "ok"),
                level(2, 1.04, 0.97, 1.12, 0.1, "unsettled", false));
        assertThat(r.limitedBy()).endsWith("with 2 workers the median task took 1.04x as long as alone [0.97-1.12], "
                + "not settled within the sample budget, so the lower level is kept");
    }
}
