package dev.corescope.experiment.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corescope.experiment.PlanRefused;
import java.util.List;
import org.junit.jupiter.api.Test;

class JmhOptionParserTest {
    private static JmhOptions parse(String line) {
        return JmhOptionParser.parse(line.isBlank() ? List.of() : List.of(line.split(" ")));
    }

    @Test
    void readsJmhsOptionsInJmhsSpellings() {
        JmhOptions o = parse("Sort -f 3 -wi=2 -i5 --r 500ms -w 1s -p size=10,100 -p algo=a -bm avgt,thrpt -t max "
                + "-e Slow,Old -foe true -tu us -jvmArgs -Xmx1g");
        assertThat(o.includes()).containsExactly("Sort");
        assertThat(o.excludes()).containsExactly("Slow", "Old");
        assertThat(o.forks()).isEqualTo(3);
        assertThat(o.warmupIterations()).isEqualTo(2);
        assertThat(o.iterations()).isEqualTo(5);
        assertThat(o.measurementTime().nanos()).isEqualTo(500_000_000L);
        assertThat(o.warmupTime().nanos()).isEqualTo(1_000_000_000L);
        assertThat(o.params()).containsEntry("size", List.of("10", "100")).containsEntry("algo", List.of("a"));
        assertThat(o.modes()).containsExactly(JmhMode.AverageTime, JmhMode.Throughput);
        assertThat(o.threads()).isEqualTo(-1);
        assertThat(o.failOnError()).isTrue();
        assertThat(o.jvmArgsGiven()).isTrue();
        // what each job passes on as typed; the plan's own options are not among them
        assertThat(o.passThrough()).containsExactly("-wi", "2", "-i", "5", "-r", "500ms", "-w", "1s", "-t", "max",
                "-tu", "us", "-jvmArgs", "-Xmx1g");
        assertThat(o.resultFile()).isNull();
        assertThat(parse("").forks()).isNull();
    }

    @Test
    void listingAndResultFiles() {
        assertThat(parse("-l").listing()).isEqualTo("l");
        assertThat(parse("-lp Sort").listing()).isEqualTo("lp");
        assertThat(parse("-rf json").resultFile()).isEqualTo("jmh-result.json");
        assertThat(parse("-rf JSON -rff out.json").resultFile()).isEqualTo("out.json");
    }

    @Test
    void refusesWhatItCannotHonourInOneLine() {
        for (String bad : List.of("-rf csv", "-o out.txt", "-wm BULK", "-wmb Sort", "-zz 1", "-f x", "-f -1", "-i 0",
                "-w soon", "-bm fast", "-p novalue", "-tu days", "-foe maybe", "-tg 0,0", "-v LOUD", "-f", "(unclosed")) {
            assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOf(PlanRefused.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
        assertThat(parse("-wm INDI").passThrough()).containsExactly("-wm", "INDI");
    }
}
