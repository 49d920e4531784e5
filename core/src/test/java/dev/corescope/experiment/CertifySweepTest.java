package dev.corescope.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few seeds of each synthetic must-hold of the certification ({@code bench/certify-synthetic.sh} runs 1000
 * and docs/method.md has the rates): identical distributions certified, a level 5% slower and a level with
 * frequent stalls not, and a perfectly scaling pool's speedup at 8 workers. Invented timings only.
 */
class CertifySweepTest {
    static final int SEEDS = 12;
    @TempDir
    Path tmp;

    private CertifySweep.Rate rate(String name) throws Exception {
        CertifySweep.Scenario s = CertifySweep.scenarios().stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow();
        return CertifySweep.sweep(s, SEEDS, 1, tmp);
    }

    @Test
    void identicalDistributionsAreCertified() throws Exception {
        assertThat(rate("same-r30x10").successes()).isGreaterThanOrEqualTo(SEEDS - 1);
        assertThat(rate("same-1x200").successes()).isGreaterThanOrEqualTo(SEEDS - 1);
    }

    @Test
    void aLevelFivePercentSlowerIsNotCertified() throws Exception {
        assertThat(rate("slower5-r10x10").certified()).isZero();
        assertThat(rate("slower5-1x200").certified()).isZero();
    }

    @Test
    void frequentStallsOnlyAtTheLevelAreNotCertified() throws Exception {
        assertThat(rate("stalls2-1x400").successes()).isGreaterThanOrEqualTo(SEEDS - 2);
    }

    @Test
    void aPerfectlyScalingPoolAtEightWorkersReportsASpeedupOfEight() throws Exception {
        CertifySweep.Rate r = rate("scaling-p8-r30x10");
        assertThat(r.successes()).isEqualTo(SEEDS);
        assertThat(r.meanSpeedup()).isBetween(7.7, 8.3);
    }
}
