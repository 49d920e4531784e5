package dev.corescope.experiment.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lines as JMH 1.37's annotation processor wrote them (1.24+ share the format; @Param values are armored). */
class BenchmarkListParserTest {
    static final String GROUP = "JMH S 7 fx.Fast S 31 fx.jmh_generated.Fast_g_jmhTest S 1 g S 10 Throughput E A 2 1 2 1 1 "
            + "L 2 6 reader 6 writer E E E E E E E E E E E E M 2 1 n 2 8 xAAMAA== 8 xAAMAADA 1 s 2 8 hBALAIGA 8 4BA===== "
            + "E E E ";
    static final String PLAIN = "JMH S 7 fx.Fast S 34 fx.jmh_generated.Fast_spin_jmhTest S 4 spin S 10 Throughput E A 1 1 1 "
            + "E E E E E E E E E E E E E M 2 1 n 2 8 xAAMAA== 8 xAAMAADA 1 s 2 8 hBALAIGA 8 4BA===== E E E ";
    static final String ANNOTATED = "JMH S 7 fx.Fast S 35 fx.jmh_generated.Fast_other_jmhTest S 5 other S 11 AverageTime E "
            + "A 1 1 1 E I 1 1 T 6 100 ms E E E E I 1 2 E E E E L 1 5 -Dq=1 M 2 1 n 2 8 xAAMAA== 8 xAAMAADA 1 s 2 8 "
            + "hBALAIGA 8 4BA===== E E E ";
    static final String BARE = "JMH S 9 fx.Faulty S 39 fx.jmh_generated.Faulty_crashes_jmhTest S 7 crashes S 10 Throughput E "
            + "A 1 1 1 E E E E E E E E E E E E E E E E E ";

    @Test
    void readsABenchmarkWithArmoredParameters() {
        BenchmarkEntry e = BenchmarkListParser.parse(PLAIN);
        assertThat(e.name()).isEqualTo("fx.Fast.spin");
        assertThat(e.mode()).isEqualTo(JmhMode.Throughput);
        assertThat(e.threadGroups()).containsExactly(1);
        assertThat(e.threads()).isNull();
        assertThat(e.forks()).isNull();
        assertThat(e.params()).containsExactly(Map.entry("n", List.of("10", "100")), Map.entry("s", List.of("a,b", "x")));
    }

    @Test
    void readsTheAnnotations() {
        BenchmarkEntry e = BenchmarkListParser.parse(ANNOTATED);
        assertThat(e.mode()).isEqualTo(JmhMode.AverageTime);
        assertThat(e.warmupIterations()).isEqualTo(1);
        assertThat(e.warmupTime().nanos()).isEqualTo(100_000_000L);
        assertThat(e.forks()).isEqualTo(2);
        assertThat(e.jvmArgs()).isNull(); // @Fork(jvmArgsAppend = ...) is not jvmArgs
        assertThat(BenchmarkListParser.parse(BARE).params()).isNull();
    }

    @Test
    void readsAGroupWithItsThreads() {
        BenchmarkEntry e = BenchmarkListParser.parse(GROUP);
        assertThat(e.name()).isEqualTo("fx.Fast.g");
        assertThat(e.threadGroups()).containsExactly(2, 1);
    }

    @Test
    void decodesJmhsArmor() {
        assertThat(BenchmarkListParser.unarmor("xAAMAA==")).isEqualTo("10");
        assertThat(BenchmarkListParser.unarmor("hBALAIGA")).isEqualTo("a,b");
        assertThat(BenchmarkListParser.unarmor("4BA=====")).isEqualTo("x");
        assertThat(BenchmarkListParser.unarmor("plain value")).isEqualTo("plain value");
        // before JMH 1.24 values were written as they are
        assertThat(BenchmarkListParser.parse(PLAIN.replace("8 4BA=====", "1 x"), false).params().get("s")).contains("x");
    }

    @Test
    void refusesWhatIsNoBenchmarkLine() {
        assertThatThrownBy(() -> BenchmarkListParser.parse("hello")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a JMH benchmark list line");
        assertThatThrownBy(() -> BenchmarkListParser.parse("JMH S 7 fx.Fast I 3 abc"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot read");
        assertThatThrownBy(() -> BenchmarkListParser.parse(PLAIN.substring(0, 60)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
