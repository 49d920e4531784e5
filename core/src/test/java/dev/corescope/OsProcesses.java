package dev.corescope;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Processes of this machine found by a marker in their command line ({@code /proc/PID/cmdline}, Linux),
 * for tests that check what survives a kill. Zombies have an empty command line and are not found.
 */
public final class OsProcesses {
    private OsProcesses() {
    }

    /** Pids (not this JVM's) whose command line, arguments joined by spaces, contains {@code marker}. */
    public static List<Long> matching(String marker) {
        List<Long> pids = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        try (Stream<Path> dirs = Files.list(Path.of("/proc"))) {
            for (Path d : dirs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                long pid = Long.parseLong(d.getFileName().toString());
                if (pid == self) {
                    continue;
                }
                try {
                    String cmd = new String(Files.readAllBytes(d.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ');
                    if (cmd.contains(marker)) {
                        pids.add(pid);
                    }
                } catch (IOException e) {
                    // gone meanwhile
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc: " + e.getMessage(), e);
        }
        return pids;
    }

    /** Waits until {@code count} or more processes carry the marker; false when that takes too long. */
    public static boolean awaitAtLeast(String marker, int count, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (matching(marker).size() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** Waits until no process carries the marker; returns the survivors when that takes too long. */
    public static List<Long> awaitNone(String marker, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        List<Long> left = matching(marker);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            left = matching(marker);
        }
        return left;
    }

    /** SIGKILLs every process with the marker (test clean-up). */
    public static void killAll(String marker) {
        for (long pid : matching(marker)) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** A sleep of about an hour whose argument no other process has: {@code sleep 3600.123456}. */
    public static String uniqueSleep() {
        return "sleep 3600." + (100_000 + (long) (Math.random() * 899_999));
    }
}
