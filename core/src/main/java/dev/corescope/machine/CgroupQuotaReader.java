package dev.corescope.machine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads the CPU bandwidth limit (CFS quota) of this process's cgroup. The cgroup is found through
 * {@code /proc/self/cgroup}: a cgroup v1 line whose controller list holds {@code cpu} is preferred
 * (in hybrid layouts the cpu controller lives there), else the v2 line {@code 0::/path}. Its mount
 * point comes from {@code /proc/self/mountinfo}, falling back to the usual locations. The
 * hierarchy is walked from the process's cgroup up to the mount root and the most restrictive
 * limit wins, since a parent's quota caps all its children.
 */
public final class CgroupQuotaReader {

    private static final List<String> V1_FALLBACK_MOUNTS =
            List.of("/sys/fs/cgroup/cpu,cpuacct", "/sys/fs/cgroup/cpu");
    private static final String V2_FALLBACK_MOUNT = "/sys/fs/cgroup";

    private final ProcFs fs;

    public CgroupQuotaReader(ProcFs fs) {
        this.fs = fs;
    }

    /** The most restrictive quota on the path to the root, unlimited, or {@link CpuQuota#unknown()}. */
    public CpuQuota read() {
        Optional<String> cgroups = fs.read("/proc/self/cgroup");
        if (cgroups.isEmpty()) {
            return CpuQuota.unknown();
        }
        List<MountEntry> mounts = fs.read("/proc/self/mountinfo").map(MountEntry::parseAll).orElse(List.of());
        String v1Path = null;
        String v2Path = null;
        for (String line : cgroups.get().split("\n")) {
            String[] f = line.trim().split(":", 3);
            if (f.length < 3) {
                continue;
            }
            if (f[0].equals("0") && f[1].isEmpty()) {
                v2Path = f[2];
            } else if (Arrays.asList(f[1].split(",")).contains("cpu")) {
                v1Path = f[2];
            }
        }
        if (v1Path != null) {
            return v1(v1Path, mounts);
        }
        if (v2Path != null) {
            return v2(v2Path, mounts);
        }
        return CpuQuota.unknown();
    }

    private CpuQuota v1(String cgroupPath, List<MountEntry> mounts) {
        Optional<MountEntry> mount = mounts.stream()
                .filter(m -> m.fsType().equals("cgroup") && m.superOptions().contains("cpu")).findFirst();
        List<String> dirs = mount.map(m -> m.directoriesUpFrom(cgroupPath))
                .orElseGet(() -> fallbackDirectories(V1_FALLBACK_MOUNTS, cgroupPath));
        return mostRestrictive(dirs, this::readV1Level, false);
    }

    private CpuQuota v2(String cgroupPath, List<MountEntry> mounts) {
        Optional<MountEntry> mount = mounts.stream().filter(m -> m.fsType().equals("cgroup2")).findFirst();
        List<String> dirs = mount.map(m -> m.directoriesUpFrom(cgroupPath))
                .orElseGet(() -> fallbackDirectories(List.of(V2_FALLBACK_MOUNT), cgroupPath));
        // The v2 root cgroup has no cpu.max and cannot be limited: a readable hierarchy without
        // any cpu.max on the path therefore means "no limit".
        boolean hierarchyReadable = !dirs.isEmpty() && fs.read(dirs.get(dirs.size() - 1) + "/cgroup.controllers").isPresent();
        return mostRestrictive(dirs, this::readV2Level, hierarchyReadable);
    }

    private List<String> fallbackDirectories(List<String> candidates, String cgroupPath) {
        return candidates.stream().filter(fs::isDirectory).findFirst()
                .map(mountPoint -> new MountEntry("/", mountPoint, "", List.of()).directoriesUpFrom(cgroupPath))
                .orElse(List.of());
    }

    private interface LevelReader {
        Optional<CpuQuota> read(String dir, String cgroupPath);
    }

    private CpuQuota mostRestrictive(List<String> dirs, LevelReader reader, boolean unlimitedIfNothingRead) {
        CpuQuota tightest = null;
        CpuQuota firstRead = null;
        String mountPoint = dirs.isEmpty() ? "" : dirs.get(dirs.size() - 1);
        for (String dir : dirs) {
            String cgroupPath = dir.equals(mountPoint) ? "/" : dir.substring(mountPoint.length());
            Optional<CpuQuota> level = reader.read(dir, cgroupPath);
            if (level.isEmpty()) {
                continue;
            }
            if (firstRead == null) {
                firstRead = level.get();
            }
            if (level.get().limits() && (tightest == null || level.get().cpus() < tightest.cpus())) {
                tightest = level.get();
            }
        }
        if (tightest != null) {
            return tightest;
        }
        if (firstRead != null) {
            return firstRead;
        }
        return unlimitedIfNothingRead ? CpuQuota.unlimited(-1, "cgroup v2 (no cpu.max on path)") : CpuQuota.unknown();
    }

    private Optional<CpuQuota> readV1Level(String dir, String cgroupPath) {
        Optional<Long> quota = fs.readLine(dir + "/cpu.cfs_quota_us").flatMap(CgroupQuotaReader::parseLong);
        Optional<Long> period = fs.readLine(dir + "/cpu.cfs_period_us").flatMap(CgroupQuotaReader::parseLong);
        if (quota.isEmpty() || period.isEmpty() || period.get() <= 0) {
            return Optional.empty();
        }
        String source = "cgroup v1 cpu.cfs_quota_us" + at(cgroupPath);
        if (quota.get() == 0) {
            return Optional.empty();
        }
        return Optional.of(quota.get() < 0 ? CpuQuota.unlimited(period.get(), source)
                : CpuQuota.limited(quota.get(), period.get(), source));
    }

    private Optional<CpuQuota> readV2Level(String dir, String cgroupPath) {
        Optional<String> line = fs.readLine(dir + "/cpu.max");
        if (line.isEmpty()) {
            return Optional.empty();
        }
        String[] f = line.get().split("\\s+");
        Optional<Long> period = f.length == 2 ? parseLong(f[1]) : Optional.empty();
        if (period.isEmpty() || period.get() <= 0) {
            return Optional.empty();
        }
        String source = "cgroup v2 cpu.max" + at(cgroupPath);
        if (f[0].equals("max")) {
            return Optional.of(CpuQuota.unlimited(period.get(), source));
        }
        return parseLong(f[0]).filter(q -> q > 0).map(q -> CpuQuota.limited(q, period.get(), source));
    }

    private static String at(String cgroupPath) {
        return cgroupPath.equals("/") ? "" : " at " + cgroupPath;
    }

    private static Optional<Long> parseLong(String s) {
        try {
            return Optional.of(Long.parseLong(s.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** One line of {@code /proc/self/mountinfo}: what part of a file system is mounted where. */
    record MountEntry(String root, String mountPoint, String fsType, List<String> superOptions) {

        static List<MountEntry> parseAll(String mountinfo) {
            List<MountEntry> out = new ArrayList<>();
            for (String line : mountinfo.split("\n")) {
                int sep = line.indexOf(" - ");
                if (sep < 0) {
                    continue;
                }
                String[] left = line.substring(0, sep).trim().split(" ");
                String[] right = line.substring(sep + 3).trim().split(" ");
                if (left.length < 5 || right.length < 1) {
                    continue;
                }
                List<String> opts = right.length >= 3 ? Arrays.asList(right[2].split(",")) : List.of();
                out.add(new MountEntry(unescape(left[3]), unescape(left[4]), right[0], opts));
            }
            return out;
        }

        /**
         * The directories of {@code cgroupPath} and its ancestors under this mount, deepest first,
         * ending with the mount point. A mount root such as {@code /docker/abc} is stripped from the
         * front of the cgroup path; {@code ..} components (cgroup namespaces) lead to the mount point.
         */
        List<String> directoriesUpFrom(String cgroupPath) {
            String path = cgroupPath;
            if (!root.equals("/")) {
                path = path.equals(root) ? "/" : path.startsWith(root + "/") ? path.substring(root.length()) : "/";
            }
            List<String> parts = new ArrayList<>();
            for (String p : path.split("/")) {
                if (p.equals("..")) {
                    parts.clear();
                    break;
                }
                if (!p.isEmpty() && !p.equals(".")) {
                    parts.add(p);
                }
            }
            String base = mountPoint.endsWith("/") ? mountPoint.substring(0, mountPoint.length() - 1) : mountPoint;
            List<String> dirs = new ArrayList<>();
            for (int depth = parts.size(); depth >= 0; depth--) {
                dirs.add(depth == 0 ? base : base + "/" + String.join("/", parts.subList(0, depth)));
            }
            return dirs;
        }

        private static String unescape(String s) {
            if (s.indexOf('\\') < 0) {
                return s;
            }
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\' && i + 4 <= s.length() && s.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                    i += 3;
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
    }
}
