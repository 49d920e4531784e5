package dev.corescope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void numbersHaveADecimalPointInEveryLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(Units.sec(1.5)).isEqualTo("1.500");
            assertThat(Units.sec(0.00123)).isEqualTo("0.00123");
            assertThat(Units.sec(12.345)).isEqualTo("12.35");
            assertThat(Units.pct(0.0512)).isEqualTo("5.1%");
            assertThat(Units.num(1.23456, 3)).isEqualTo("1.235");
            assertThat(Units.ms(0.0123)).isEqualTo("12.300");
            assertThat(Units.csv(1234.5678)).isEqualTo("1234.57");
            assertThat(Units.format("%.2f", 0.5)).isEqualTo("0.50");
            assertThat(Units.duration(1.5)).isEqualTo("1.50s");
            assertThat(Units.bytes(3L << 19)).isEqualTo("1.50 MiB");
            assertThat(Units.human(185)).isEqualTo("3m 05s");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void undefinedValuesShowAsADash() {
        for (double v : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThat(Units.sec(v)).isEqualTo("-");
            assertThat(Units.ms(v)).isEqualTo("-");
            assertThat(Units.pct(v)).isEqualTo("-");
            assertThat(Units.num(v, 2)).isEqualTo("-");
            assertThat(Units.duration(v)).isEqualTo("-");
            assertThat(Units.csv(v)).isEmpty();
        }
    }

    @Test
    void durationsAndSizesReadAsTheUserTypesThem() {
        assertThat(Units.duration(0)).isEqualTo("0");
        assertThat(Units.duration(1e-4)).isEqualTo("100us");
        assertThat(Units.duration(0.001)).isEqualTo("1ms");
        assertThat(Units.bytes(0)).isEqualTo("0 B");
        assertThat(Units.bytes(1024)).isEqualTo("1 KiB");
        assertThat(Units.bytes(64L << 20)).isEqualTo("64 MiB");
        assertThat(Units.ratio(12.4)).isEqualTo("12");
        assertThat(Units.ratio(1.25)).isEqualTo("1.3");
        assertThat(Units.ratio(0.123)).isEqualTo("0.12");
    }
}
