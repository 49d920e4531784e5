package dev.corescope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DurationConverterTest {
    @Test
    void parsesTheDocumentedForms() {
        assertThat(DurationConverter.parse("200ms")).isEqualTo(Duration.ofMillis(200));
        assertThat(DurationConverter.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(DurationConverter.parse("100us")).isEqualTo(Duration.ofNanos(100_000));
        assertThat(DurationConverter.parse("100µs")).isEqualTo(Duration.ofNanos(100_000));
        assertThat(DurationConverter.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(DurationConverter.parse("3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(DurationConverter.parse("500ns")).isEqualTo(Duration.ofNanos(500));
        assertThat(DurationConverter.parse(" 10MS ")).isEqualTo(Duration.ofMillis(10));
        assertThat(new DurationConverter().convert("0.25s")).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void rejectsWhatIsNotADuration() {
        for (String bad : new String[] {"abc", "1.5parsecs", "", "-1s", "ms", "1 2s"}) {
            assertThatThrownBy(() -> DurationConverter.parse(bad)).as(bad)
                    .isInstanceOf(CommandLine.TypeConversionException.class);
        }
        assertThatThrownBy(() -> DurationConverter.parse("1e12h")).isInstanceOf(CommandLine.TypeConversionException.class);
    }
}
