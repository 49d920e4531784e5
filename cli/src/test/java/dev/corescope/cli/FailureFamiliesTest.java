package dev.corescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.corescope.store.Json;
import dev.corescope.workload.HostileJar;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The families of hostile inputs and faults that were mishandled, one test each, beside {@link BadInputTest}
 * (which holds the bad options, tiny timeouts included). Elsewhere: impossible results
 * ({@code experiment.SanityGateTest}), an absurd cached threshold ({@code experiment.AbsurdCacheTest},
 * {@code store.ThresholdCacheTest}), a class that
 * hangs while it loads ({@code exec.ClassCheckTest}), damaged run directories ({@link ReportCommandTest}), the
 * shell's own commands and status ({@code workload.CommandWorkloadTest}).
 */
class FailureFamiliesTest {
    @TempDir
    static Path tmp;
    static Path hostile;

    @BeforeAll
    static void jar() throws Exception {
        hostile = HostileJar.build(tmp.resolve("jar"));
    }

    private static JsonNode summary(Path run) throws Exception {
        return Json.MAPPER.readTree(run.resolve("summary.json").toFile());
    }

    @Test
    void aFailureInWarmUpIsAFailureWithItsReasonOnTheConsoleAndInTheSummary() throws Exception {
        Path out = tmp.resolve("warm-fails");
        var c = BadInputTest.run("assess", "--cmd", "echo broken input >&2; exit 3", "-n", "1", "-w", "1", "-r", "2",
                "-q", "--out", out.toString());
        assertThat(c.code()).as(c.err()).isEqualTo(1);
        assertThat(c.err()).startsWith("corescope: error: warm-up failed: 1 of 1 warm-up task failed")
                .contains("exit code 3: broken input").contains(out.toString());
        JsonNode s = summary(out);
        assertThat(s.get("failures").asInt()).isEqualTo(1);
        assertThat(s.get("failureReasons").get(0).asText()).contains("warm-up failed").contains("exit code 3: broken input");
        assertThat(s.get("complete").asBoolean()).isFalse();
    }

    @Test
    void aMissingProgramIsToldByTheShellNotGuessedFromTheFirstWord() throws Exception {
        Path out = tmp.resolve("missing-program");
        var c = BadInputTest.run("assess", "--cmd", "definitely-not-a-program-xyz {n}", "-n", "1", "-w", "1", "-r", "2",
                "-q", "--out", out.toString());
        assertThat(c.code()).as(c.err()).isEqualTo(1);
        assertThat(c.err()).contains("command not found (exit status 127, the shell's own)")
                .contains("definitely-not-a-program-xyz: not found");
    }

    @Test
    void whatTheShellAcceptsRuns() throws Exception {
        Path out = tmp.resolve("shell-forms");
        var c = BadInputTest.run("assess", "--cmd", "OMP_NUM_THREADS=1 X=y true {n} && (exit 0)", "-n", "1", "-w", "1",
                "-r", "2", "-q", "--out", out.toString());
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(summary(out).get("failures").asInt()).isZero();
    }

    @Test
    void inProcessesModeTheClassIsCheckedInAWorkerJvmNotInCorescopes() {
        // were the class loaded here, System.exit(3) would end this test's JVM
        var c = BadInputTest.run("assess", "--class", HostileJar.EXITS, "--classpath", hostile.toString(), "--mode",
                "processes", "-n", "1", "-w", "1", "--out", tmp.resolve("exits").toString());
        assertThat(c.code()).as(c.err()).isEqualTo(2);
        assertThat(c.err().lines()).singleElement().asString().contains("ended its worker JVM (exit status 3)");
        assertThat(c.out()).isEmpty();
    }

    @Test
    void threadsModeSaysPlainlyThatTheClassSharesCorescopesProcess() {
        var c = BadInputTest.run("assess", "--class", "com.example.MyWorkload", "--classpath", "/nonexistent.jar",
                "-n", "1", "-w", "1", "--out", tmp.resolve("never").toString());
        assertThat(c.code()).isEqualTo(2); // the note comes only for a class that loads
        var ok = BadInputTest.run("assess", "--class", dev.corescope.exec.BusyWorkload.class.getName(), "--param", "ms=20",
                "--warmup", "1", "-n", "1", "-w", "1", "-r", "2", "--out", tmp.resolve("threads-note").toString());
        assertThat(ok.err()).contains("--mode threads runs " + dev.corescope.exec.BusyWorkload.class.getName()
                + " inside corescope's own JVM: a System.exit in it ends corescope");
    }

    @Test
    void classLoadingFailuresNameTheirRealCause() {
        String[][] cases = {
            {HostileJar.THROWS, "failed in its static initializer: IllegalStateException: boom"},
            {HostileJar.NEWER, "was compiled for a newer Java (class file version 65, Java 21)"},
            {HostileJar.MISSING, "needs a class that is not on its classpath"},
            {"com.example.hostile.Nope", "workload class not found: com.example.hostile.Nope"}};
        for (String[] k : cases) {
            var c = BadInputTest.run("assess", "--class", k[0], "--classpath", hostile.toString(), "-n", "1", "-w", "1",
                    "--out", tmp.resolve("never").toString());
            assertThat(c.code()).as(k[0]).isEqualTo(2);
            assertThat(c.err().lines()).as(k[0]).singleElement().asString().contains(k[1]);
        }
    }

    @Test
    void aBadWorkerJvmOptionNamesWhatTheJvmSaidAndTheFileToRead() {
        Path out = tmp.resolve("bad-opt");
        var c = BadInputTest.run("run", "-w", "1", "--loops", "1000", "--mode", "processes",
                "--worker-jvm-opt=-XX:+NoSuchOptionXyz", "--out", out.toString());
        assertThat(c.code()).isEqualTo(1);
        assertThat(c.err()).contains("Unrecognized VM option 'NoSuchOptionXyz'")
                .contains(out.resolve("workers.log").toString());
    }

    @Test
    void adviceComesOnlyFromCommandsThatCanFollowIt() {
        var run = BadInputTest.run("run", "-w", "2000", "--loops", "1", "--out", tmp.resolve("never").toString());
        assertThat(run.err()).contains("add --force");
        var assess = BadInputTest.run("assess", "-a", "sort-jdk", "-n", "10", "-w", "2000", "--out",
                tmp.resolve("never").toString());
        assertThat(assess.code()).isEqualTo(2);
        assertThat(assess.err()).doesNotContain("--force");
        var transfer = BadInputTest.run("transfer", "--workers", "2000", "--out", tmp.resolve("never").toString());
        assertThat(transfer.err()).doesNotContain("--force");
        assertThat(Files.exists(tmp.resolve("never"))).isFalse();
    }
}
