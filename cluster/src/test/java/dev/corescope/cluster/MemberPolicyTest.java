package dev.corescope.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corescope.exec.SleepingWorkload;
import dev.corescope.workload.CommandWorkload;
import dev.corescope.workload.UserClassWorkload;
import dev.corescope.workload.UserJar;
import dev.corescope.workload.WorkloadSpec;
import dev.corescope.workload.Workloads;
import dev.corescope.workload.algo.TransferWorkload;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemberPolicyTest {
    @TempDir
    static Path dir;

    @Test
    void aDefaultMemberRunsEveryBuiltInAndNothingElse() {
        MemberPolicy p = MemberPolicy.builtInsOnly();
        for (String name : Workloads.builtIns()) {
            assertThat(p.decide(WorkloadSpec.of(name)).allowed()).as(name).isTrue();
        }
        assertThat(p.decide(WorkloadSpec.of(TransferWorkload.class.getName(), "loops", 1, "bytes", 0)).allowed()).isTrue();
        MemberPolicy.Decision cmd = p.decide(CommandWorkload.spec("id > /tmp/pwned"));
        assertThat(cmd.allowed()).isFalse();
        assertThat(cmd.refusal()).contains("shell commands are not allowed").contains("--allow-cmd");
        for (WorkloadSpec s : List.of(WorkloadSpec.of("java.lang.Runtime"),
                WorkloadSpec.of(SleepingWorkload.class.getName()), // a Workload on the member's classpath
                UserClassWorkload.spec(UserJar.CLASS, "/tmp/anything.jar", Map.of()),
                WorkloadSpec.of("no-such-thing"))) {
            MemberPolicy.Decision d = p.decide(s);
            assertThat(d.allowed()).as(s.text()).isFalse();
            assertThat(d.refusal()).contains("--allow-class");
        }
    }

    @Test
    void allowCmdAllowsCommandsOnly() {
        MemberPolicy p = new MemberPolicy(true, List.of());
        assertThat(p.decide(CommandWorkload.spec("true")).allowed()).isTrue();
        assertThat(p.decide(UserClassWorkload.spec(UserJar.CLASS, null, Map.of())).allowed()).isFalse();
    }

    @Test
    void allowClassRunsClassesFromTheAllowedJarsOnlyLoadedFromTheMembersOwnCopy() throws Exception {
        Path jar = UserJar.build(dir.resolve("user"));
        MemberPolicy p = new MemberPolicy(false, List.of(jar));
        // the coordinator's classpath is not used: the member rewrites it to its own allowed jar
        MemberPolicy.Decision ok = p.decide(UserClassWorkload.spec(UserJar.CLASS, "/elsewhere/my.jar", Map.of()));
        assertThat(ok.allowed()).as(ok.refusal()).isTrue();
        assertThat(ok.spec()).isEqualTo(UserClassWorkload.spec(UserJar.CLASS, jar.toString(), Map.of()));
        assertThat(Workloads.create(ok.spec()).name()).isEqualTo("my-sum");
        // a bare class name from the jar is run the same way
        assertThat(p.decide(WorkloadSpec.of(UserJar.CLASS)).spec().name()).isEqualTo(UserClassWorkload.class.getName());
        // not a workload
        assertThat(p.decide(UserClassWorkload.spec("com.example.Plain", null, Map.of())).refusal())
                .contains("does not implement");
        // classes that resolve from corescope's own classpath are refused, even dressed up as user classes
        for (String name : List.of(CommandWorkload.class.getName(), SleepingWorkload.class.getName(), "java.lang.Runtime")) {
            MemberPolicy.Decision d = p.decide(UserClassWorkload.spec(name, jar.toString(), Map.of("cmd", "aWQ")));
            assertThat(d.allowed()).as(name).isFalse();
            assertThat(d.refusal()).contains("not from this member's allowed jars");
        }
        assertThat(p.decide(UserClassWorkload.spec("com.example.Missing", null, Map.of())).refusal())
                .contains("not in this member's allowed jars");
        // and a command is still a command
        assertThat(p.decide(CommandWorkload.spec("true")).allowed()).isFalse();
    }

    @Test
    void aCardTellsTheCoordinatorWhatTheMemberRefuses() {
        MemberCard none = RosterTest.card("u", "a:1", false, false);
        MemberCard both = RosterTest.card("u", "a:1", true, true);
        assertThat(MemberPolicy.refusalByCard(none, WorkloadSpec.of("spin"))).isNull();
        assertThat(MemberPolicy.refusalByCard(none, CommandWorkload.spec("true"))).contains("--allow-cmd");
        assertThat(MemberPolicy.refusalByCard(none, UserClassWorkload.spec(UserJar.CLASS, null, Map.of())))
                .contains("--allow-class");
        assertThat(MemberPolicy.refusalByCard(both, CommandWorkload.spec("true"))).isNull();
        assertThat(MemberPolicy.refusalByCard(both, UserClassWorkload.spec(UserJar.CLASS, null, Map.of()))).isNull();
    }
}
