package dev.corescope.machine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupQuotaReaderTest {

    @Test
    void v1QuotaFromMountinfo() {
        CpuQuota q = new CgroupQuotaReader(Fixtures.fs("cgroup-v1-quota")).read();
        assertThat(q.cpus()).isEqualTo(0.5);
        assertThat(q.quotaMicros()).isEqualTo(50_000);
        assertThat(q.periodMicros()).isEqualTo(100_000);
        assertThat(q.source()).isEqualTo("cgroup v1 cpu.cfs_quota_us at /job");
        assertThat(q.describe()).isEqualTo("0.50 CPUs (cgroup v1 cpu.cfs_quota_us at /job 50000/100000)");
    }

    @Test
    void v1UnlimitedThroughFallbackMount() {
        CpuQuota q = new CgroupQuotaReader(Fixtures.fs("cgroup-v1-unlimited")).read();
        assertThat(q.known()).isTrue();
        assertThat(q.limits()).isFalse();
        assertThat(q.cpus()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(q.quotaMicros()).isEqualTo(-1);
        assertThat(q.periodMicros()).isEqualTo(100_000);
        assertThat(q.describe()).isEqualTo("none");
    }

    @Test
    void v1ContainerMountRootIsStripped() {
        CpuQuota q = new CgroupQuotaReader(Fixtures.fs("cgroup-v1-container")).read();
        assertThat(q.cpus()).isEqualTo(2.0);
        assertThat(q.source()).isEqualTo("cgroup v1 cpu.cfs_quota_us");
    }

    @Test
    void v2Quota() {
        CpuQuota q = new CgroupQuotaReader(Fixtures.fs("cgroup-v2-quota")).read();
        assertThat(q.cpus()).isEqualTo(1.5);
        assertThat(q.describe()).isEqualTo("1.50 CPUs (cgroup v2 cpu.max at /app 150000/100000)");
    }

    @Test
    void v2Unlimited() {
        CpuQuota q = new CgroupQuotaReader(Fixtures.fs("cgroup-v2-unlimited")).read();
        assertThat(q.cpus()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(q.periodMicros()).isEqualTo(100_000);
        assertThat(q.source()).isEqualTo("cgroup v2 cpu.max at /user.slice/session-1.scope");
    }

    @Test
    void v2NestedParentIsMoreRestrictive() {
        CpuQuota q = new CgroupQuotaReader(Fixtures.fs("cgroup-v2-nested")).read();
        assertThat(q.cpus()).isEqualTo(0.5);
        assertThat(q.quotaMicros()).isEqualTo(50_000);
        assertThat(q.source()).isEqualTo("cgroup v2 cpu.max at /parent");
    }

    @Test
    void v2RootCgroupWithoutCpuMaxIsUnlimited() {
        CpuQuota q = new CgroupQuotaReader(Fixtures.fs("smt-machine")).read();
        assertThat(q.limits()).isFalse();
        assertThat(q.known()).isTrue();
    }

    @Test
    void missingFilesAreUnknown(@TempDir Path root) throws Exception {
        assertThat(new CgroupQuotaReader(new ProcFs(root)).read()).isEqualTo(CpuQuota.unknown());
        Files.createDirectories(root.resolve("proc/self"));
        Files.writeString(root.resolve("proc/self/cgroup"), "1:cpu:/\n0::/\n");
        assertThat(new CgroupQuotaReader(new ProcFs(root)).read().known()).isFalse();
    }

    @Test
    void malformedQuotaIsUnknown(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("proc/self"));
        Files.createDirectories(root.resolve("sys/fs/cgroup/cpu"));
        Files.writeString(root.resolve("proc/self/cgroup"), "1:cpu:/\n");
        Files.writeString(root.resolve("sys/fs/cgroup/cpu/cpu.cfs_quota_us"), "lots\n");
        Files.writeString(root.resolve("sys/fs/cgroup/cpu/cpu.cfs_period_us"), "100000\n");
        assertThat(new CgroupQuotaReader(new ProcFs(root)).read().known()).isFalse();
    }

    @Test
    void mountinfoEscapesAndContainerRoots() {
        List<CgroupQuotaReader.MountEntry> m = CgroupQuotaReader.MountEntry.parseAll(
                "40 31 0:30 /docker/x /sys/fs/my\\040cg rw - cgroup cgroup rw,cpu,cpuacct\n");
        assertThat(m).hasSize(1);
        assertThat(m.get(0).mountPoint()).isEqualTo("/sys/fs/my cg");
        assertThat(m.get(0).superOptions()).contains("cpu");
        assertThat(m.get(0).directoriesUpFrom("/docker/x/sub"))
                .containsExactly("/sys/fs/my cg/sub", "/sys/fs/my cg");
        assertThat(m.get(0).directoriesUpFrom("/../../other")).containsExactly("/sys/fs/my cg");
    }
}
