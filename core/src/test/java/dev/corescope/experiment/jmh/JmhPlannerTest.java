package dev.corescope.experiment.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corescope.experiment.PlanRefused;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plan is what JMH's Runner would run: filters, modes, parameter combinations, settings, JMH's order. */
class JmhPlannerTest {
    private static final BenchmarkSource SOURCE = new BenchmarkSource("test.jar", "test.jar", List.of(
            BenchmarkListParser.parse(BenchmarkListParserTest.GROUP),
            BenchmarkListParser.parse(BenchmarkListParserTest.PLAIN),
            BenchmarkListParser.parse(BenchmarkListParserTest.ANNOTATED),
            BenchmarkListParser.parse(BenchmarkListParserTest.BARE)), "1.37");

    private static List<BenchmarkPlan> plan(String options) {
        return JmhPlanner.plan(SOURCE, JmhOptionParser.parse(options.isBlank() ? List.of() : List.of(options.split(" "))), 8);
    }

    @Test
    void expandsParametersAndSortsAsJmh() {
        List<BenchmarkPlan> p = plan("fx.Fast.spin -p s=y,x");
        assertThat(p).extracting(BenchmarkPlan::params).containsExactly(Map.of("n", "10", "s", "y"),
                Map.of("n", "10", "s", "x"), Map.of("n", "100", "s", "y"), Map.of("n", "100", "s", "x"));
        // JMH's defaults (1.21+): 5 forks of 5 + 5 iterations of 10 s
        assertThat(p.get(0).forks()).isEqualTo(5);
        assertThat(p.get(0).iterations()).isEqualTo(5);
        assertThat(p.get(0).measurementTime().seconds()).isEqualTo(10.0);
        assertThat(p.get(0).forkSeconds()).isEqualTo(BenchmarkPlan.START_SECONDS + 100);
        assertThat(p.get(0).key()).isEqualTo("fx.Fast.spin|thrpt|n=10,s=y");
        assertThat(p.get(0).jobArguments(0)).startsWith("^\\Qfx.Fast.spin\\E$", "-bm", "thrpt", "-p", "n=10", "-p", "s=y");
    }

    @Test
    void aCommaInAValueThatMustBePassedIsRefused() {
        assertThatThrownBy(() -> plan("fx.Fast.spin -p n=10 -f 1")).isInstanceOf(PlanRefused.class)
                .hasMessageContaining("splits values at commas");
        List<BenchmarkPlan> p = plan("fx.Fast.spin -p s=x -p n=7 -f 1");
        assertThat(p).hasSize(1);
        assertThat(p.get(0).passedParams()).containsExactly("n=7", "s=x");
        assertThat(p.get(0).jobArguments(0)).containsSequence("-p", "n=7", "-p", "s=x", "-f", "1", "-wf", "0");
    }

    @Test
    void optionsBeatAnnotationsWhichBeatDefaults() {
        BenchmarkPlan annotated = plan("other -p s=x -p n=1").get(0);
        assertThat(annotated.forks()).isEqualTo(2);
        assertThat(annotated.warmupIterations()).isEqualTo(1);
        assertThat(annotated.warmupTime().nanos()).isEqualTo(100_000_000L);
        BenchmarkPlan overridden = plan("other -p s=x -p n=1 -f 1 -wi 3 -w 2s").get(0);
        assertThat(overridden.forks()).isEqualTo(1);
        assertThat(overridden.warmupIterations()).isEqualTo(3);
        assertThat(overridden.warmupTime().nanos()).isEqualTo(2_000_000_000L);
        // neither -jvmArgs nor @Fork(jvmArgs): the forks get none, as with java -jar benchmarks.jar
        assertThat(annotated.jobArguments(0)).containsSequence("-jvmArgs", " ");
        assertThat(plan("other -p s=x -p n=1 -jvmArgs -Xmx1g").get(0).jobArguments(0)).doesNotContain("-jvmArgs");
    }

    @Test
    void modesAreReplacedAndAllExpanded() {
        assertThat(plan("crashes -bm avgt,ss")).extracting(BenchmarkPlan::mode)
                .containsExactly(JmhMode.AverageTime, JmhMode.SingleShotTime);
        assertThat(plan("crashes -bm all")).hasSize(4);
        BenchmarkPlan ss = plan("crashes -bm ss").get(0);
        assertThat(ss.iterations()).isEqualTo(1);
        assertThat(ss.warmupIterations()).isZero();
    }

    @Test
    void threadsOfGroupsAndMax() {
        BenchmarkPlan group = plan("fx.Fast.g -p s=x -p n=1").get(0);
        assertThat(group.threads()).isEqualTo(3); // @GroupThreads 2 + 1
        assertThat(plan("crashes -t max").get(0).threads()).isEqualTo(8);
        assertThat(plan("crashes -t 2 -tg 1,2").get(0).threads()).isEqualTo(3); // rounded up to the group
    }

    @Test
    void filtersAsJmh() {
        assertThat(plan("crashes spin -p s=x -p n=1")).extracting(BenchmarkPlan::benchmark)
                .containsExactly("fx.Fast.spin", "fx.Faulty.crashes");
        assertThat(plan("Fast -e spin,g -p s=x -p n=1")).extracting(BenchmarkPlan::benchmark)
                .containsExactly("fx.Fast.other");
        assertThatThrownBy(() -> plan("Nothing")).isInstanceOf(PlanRefused.class)
                .hasMessageContaining("no benchmark matches Nothing in test.jar");
    }

    @Test
    void oldJmhDefaults() {
        BenchmarkSource old = new BenchmarkSource("old.jar", "old.jar", SOURCE.entries(), "1.19");
        BenchmarkPlan p = JmhPlanner.plan(old, JmhOptionParser.parse(List.of("crashes")), 2).get(0);
        assertThat(p.forks()).isEqualTo(10);
        assertThat(p.iterations()).isEqualTo(20);
    }
}
