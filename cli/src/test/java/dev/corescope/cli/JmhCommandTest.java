package dev.corescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corescope.experiment.JmhResult;
import dev.corescope.experiment.Results;
import dev.corescope.experiment.jmh.JmhFixture;
import dev.corescope.experiment.jmh.JmhRun;
import dev.corescope.report.jmh.JmhShape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code corescope jmh} on a tiny suite compiled at test time, in real JMH JVMs with very short iterations:
 * structure and sanity only (the scores of 50 ms iterations say nothing).
 */
class JmhCommandTest {
    private static final ObjectMapper M = new ObjectMapper();
    private static final String[] TINY = {"-wi", "0", "-i", "2", "-w", "50ms", "-r", "50ms"};

    record Ran(int code, String out, String err) {
    }

    /** {@link Main#execute} with stdout and stderr captured (as {@link BadInputTest} runs it). */
    static Ran run(String... args) {
        BadInputTest.Captured c = BadInputTest.run(args);
        return new Ran(c.code(), c.out(), c.err());
    }

    static String[] args(List<String> head, String... jmh) {
        List<String> all = new ArrayList<>(head);
        all.add("--");
        all.addAll(List.of(jmh));
        return all.toArray(String[]::new);
    }

    @Test
    void aSuiteRunsTwoWideAndWritesJmhsOwnFormat(@TempDir Path tmp) throws Exception {
        JmhFixture.Built b = JmhFixture.build(JmhFixture.CURRENT);
        Path out = tmp.resolve("run");
        List<String> jmhOptions = new ArrayList<>(List.of("-f", "2", "-p", "n=10,20"));
        jmhOptions.addAll(List.of(TINY));
        Ran r = run(args(List.of("jmh", b.jar().toString(), "fixture.Quick.sum", "--workers", "2", "--out", out.toString(),
                "-q", "--html"), jmhOptions.toArray(String[]::new)));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Benchmark", "(n)", "Certified", "Quick.sum", "thrpt", "ops/s");
        for (String f : List.of("records.jsonl", "summary.json", "summary.csv", "jmh-result.json", "report.html")) {
            assertThat(out.resolve(f)).exists();
        }
        assertThat(Files.readString(out.resolve("report.html"))).contains("Certified JMH results", "fixture.Quick.sum");
        JmhResult result = (JmhResult) Results.read(out.resolve("summary.json"));
        assertThat(result.jmh().benchmarks()).hasSize(2).allSatisfy(x -> {
            assertThat(x.forks()).hasSize(2);
            assertThat(x.failed()).isFalse();
        });
        int jobs = result.jmh().timing().jobs();
        List<String> lines = Files.readAllLines(out.resolve("records.jsonl"));
        assertThat(lines).hasSize(jobs * 2); // every iteration of every job, controls included
        assertThat(M.readTree(lines.get(0)).get("score").isNumber()).isTrue();
        assertThat(result.jmh().timing().controls()).isEqualTo(3); // four wanted, three fit among four jobs a level apart
        assertThat(result.jmh().certification().levels()).isNotEmpty();
        assertThat(result.jmh().benchmarks()).flatExtracting(JmhRun.Benchmark::forks)
                .allSatisfy(f -> assertThat(f.sides()).hasSameSizeAs(f.iterations()));
        assertThat(Files.readString(out.resolve("jobs/j001/output.log"))).contains("# JMH version: 1.37",
                "# VM options: <none>");

        // the merged file has the shape of the file JMH itself writes for the same run
        Path plain = tmp.resolve("plain.json");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", b.jar().toString(), "fixture.Quick.sum"));
        cmd.addAll(jmhOptions);
        cmd.addAll(List.of("-rf", "json", "-rff", plain.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("plain.log").toFile())
                .start();
        assertThat(p.waitFor()).isZero();
        JsonNode mine = M.readTree(out.resolve("jmh-result.json").toFile());
        JsonNode jmhs = M.readTree(plain.toFile());
        assertThat(mine.size()).isEqualTo(jmhs.size()).isEqualTo(2);
        for (int i = 0; i < 2; i++) {
            assertThat(JmhShape.of(mine.get(i))).isEqualTo(JmhShape.of(jmhs.get(i)));
            assertThat(mine.get(i).get("params")).isEqualTo(jmhs.get(i).get("params"));
            assertThat(mine.get(i).get("forks").asInt()).isEqualTo(2);
            assertThat(mine.get(i).get("jvmArgs")).isEqualTo(jmhs.get(i).get("jvmArgs"));
        }

        // compare: the run against JMH's file, and against itself
        Ran c = run("compare", plain.toString(), out.toString());
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("fixture.Quick.sum", "ratio (time)");
        assertThat(run("compare", out.toString(), out.toString()).out()).contains("same");
    }

    @Test
    void jobsRunOneAfterAnotherInAWarmHostWhoseForksGetTheUsersClassPath(@TempDir Path tmp) throws Exception {
        JmhFixture.Built b = JmhFixture.build(JmhFixture.CURRENT);
        Path out = tmp.resolve("run");
        Ran r = run(args(List.of("jmh", b.jar().toString(), "fixture.Quick", "--workers", "1", "--out", out.toString(),
                "-q"), "-f", "1", "-wi", "0", "-i", "1", "-r", "50ms", "-p", "n=10", "-v", "EXTRA"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(out.resolve("jobs/hosts/agent-1")).isDirectory();
        assertThat(out.resolve("jobs/hosts/agent-2")).doesNotExist(); // one host ran both jobs
        for (String job : List.of("j001", "j002")) {
            String log = Files.readString(out.resolve("jobs/" + job + "/output.log"));
            assertThat(log).contains("Forking using command", b.jar().toString()).doesNotContain("corescope-jmh-agent");
        }
        assertThat(M.readTree(out.resolve("jmh-result.json").toFile())).hasSize(2);
    }

    @Test
    void anotherJmhVersionOnAClassPath(@TempDir Path tmp) throws Exception {
        JmhFixture.Built b = JmhFixture.build(JmhFixture.OTHER);
        Path out = tmp.resolve("run");
        Ran r = run(args(List.of("jmh", "--classpath", b.classpath(), "fixture.Quick.avg", "--workers", "1", "--out",
                out.toString(), "-q"), "-f", "1", "-wi", "0", "-i", "1", "-r", "50ms", "-p", "n=10"));
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode merged = M.readTree(out.resolve("jmh-result.json").toFile());
        assertThat(merged.get(0).get("jmhVersion").asText()).isEqualTo("1.36");
        assertThat(merged.get(0).get("mode").asText()).isEqualTo("avgt");
        JmhResult result = (JmhResult) Results.read(out.resolve("summary.json"));
        assertThat(result.jmh().setup().jmhVersion()).isEqualTo("1.36");
        assertThat(result.jmh().benchmarks()).extracting(JmhRun.Benchmark::certified).containsExactly("solo");
        assertThat(run(args(List.of("jmh", "--classpath", b.classpath()), "-l")).code()).isZero();
    }

    @Test
    void groupsAndThreadedBenchmarksGetTheirCores(@TempDir Path tmp) throws Exception {
        JmhFixture.Built b = JmhFixture.build(JmhFixture.CURRENT);
        Path out = tmp.resolve("run");
        Ran r = run(args(List.of("jmh", b.jar().toString(), "fixture.Wide", "--workers", "2", "--out", out.toString(), "-q"),
                "-f", "1", "-wi", "0", "-i", "1", "-r", "50ms"));
        assertThat(r.code()).as(r.err()).isZero();
        JmhResult result = (JmhResult) Results.read(out.resolve("summary.json"));
        int cpus = Math.min(2, Runtime.getRuntime().availableProcessors());
        assertThat(result.jmh().benchmarks()).hasSize(2).allSatisfy(x -> {
            assertThat(x.threads()).isEqualTo(2);
            assertThat(x.forks().get(0).othersMax()).isZero(); // a job needing the level's CPUs runs alone
            if (!result.jmh().setup().cpus().isEmpty()) {
                assertThat(x.forks().get(0).cpus()).hasSize(cpus);
            }
        });
        assertThat(result.jmh().timing().controls()).isZero();
    }
}
