package dev.corescope.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Cluster members as separate JVMs ({@code corescope member}), each pinned to one CPU with
 * {@code taskset} where available, with a unique cluster name so test clusters never meet another
 * cluster on the machine. Every member gets its own temporary {@code CORESCOPE_HOME} holding a copy of
 * the test cluster's key (never the user's); {@link #keyFile} is the original, for coordinators.
 * Each member's stdout (its log) is kept in {@link #log(int)}.
 */
final class MemberProcesses implements AutoCloseable {
    /** How to start member {@code i}: a command prefix (e.g. {@code ip netns exec NS}), address, extra arguments. */
    record Spec(List<String> prefix, String bind, int port, List<String> extraArgs) {
        static Spec loopback(List<String> extraArgs) {
            return new Spec(List.of(), "127.0.0.1", 0, extraArgs);
        }
    }

    final String clusterName = "corescope-test-" + UUID.randomUUID().toString().substring(0, 8);
    final Path home;
    final Path keyFile;
    final List<Process> processes = new ArrayList<>();
    final List<String> addresses = new ArrayList<>();
    private final List<List<String>> logs = new ArrayList<>();

    private MemberProcesses() {
        try {
            home = Files.createTempDirectory("corescope-cluster-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keyFile = KeyFile.loadOrCreate(home.resolve("coordinator").resolve(KeyFile.FILE_NAME)).path();
    }

    KeyFile.Key key() {
        return KeyFile.read(keyFile, false);
    }

    /** {@code n} default members (built-ins only) on loopback with threshold 1. */
    static MemberProcesses start(int n) {
        List<Spec> specs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            specs.add(Spec.loopback(List.of()));
        }
        return start(specs);
    }

    /**
     * Starts the members with threshold 1, one after another, each joining the ones before it
     * (members started in parallel could form separate clusters). A member that fails to start is
     * retried once on another port; its stderr is kept in {@code target/cluster-test-logs}.
     */
    static MemberProcesses start(List<Spec> specs) {
        MemberProcesses m = new MemberProcesses();
        try {
            for (int i = 0; i < specs.size(); i++) {
                List<String> join = List.copyOf(m.addresses);
                try {
                    m.startOne(i, specs.get(i), join).get(60, TimeUnit.SECONDS);
                } catch (Exception first) {
                    if (specs.get(i).port() != 0) {
                        throw first;
                    }
                    m.discardLast();
                    m.startOne(i, specs.get(i), join).get(60, TimeUnit.SECONDS);
                }
            }
        } catch (Exception e) {
            m.close();
            throw new IllegalStateException("could not start " + specs.size() + " members: " + e.getMessage(), e);
        }
        return m;
    }

    private synchronized void discardLast() {
        processes.remove(processes.size() - 1).destroyForcibly();
        addresses.remove(addresses.size() - 1);
        logs.remove(logs.size() - 1);
    }

    private synchronized CompletableFuture<Void> startOne(int i, Spec spec, List<String> join) {
        int port = spec.port() != 0 ? spec.port() : freePort();
        String address = spec.bind() + ":" + port;
        List<String> cmd = new ArrayList<>(spec.prefix());
        if (Files.isExecutable(Path.of("/usr/bin/taskset")) || Files.isExecutable(Path.of("/bin/taskset"))) {
            int cpus = Runtime.getRuntime().availableProcessors();
            cmd.addAll(List.of("taskset", "-c", String.valueOf(i % cpus)));
        }
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx256m", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), "dev.corescope.cli.Main", "member",
                "--bind", spec.bind(), "--port", String.valueOf(port), "--threshold", "1", "--cluster-name", clusterName));
        if (!join.isEmpty()) {
            cmd.addAll(List.of("--members", String.join(",", join)));
        }
        cmd.addAll(spec.extraArgs());
        Process p;
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        try {
            Path memberHome = Files.createDirectories(home.resolve("member-" + (i + 1) + "-" + port));
            Files.copy(keyFile, memberHome.resolve(KeyFile.FILE_NAME), StandardCopyOption.COPY_ATTRIBUTES);
            Path errLog = Path.of("target", "cluster-test-logs", clusterName + "-member-" + (i + 1) + ".log");
            Files.createDirectories(errLog.getParent());
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(errLog.toFile());
            pb.environment().put("CORESCOPE_DEBUG", "1");
            pb.environment().put("CORESCOPE_HOME", memberHome.toString());
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        processes.add(p);
        addresses.add(address);
        logs.add(log);
        return CompletableFuture.runAsync(() -> awaitReady(p, address, log));
    }

    private static void awaitReady(Process p, String address, List<String> log) {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = out.readLine()) != null) {
                log.add(line);
                if (line.startsWith("ready")) {
                    Thread drain = new Thread(() -> {
                        try {
                            String l;
                            while ((l = out.readLine()) != null) {
                                log.add(l);
                            }
                        } catch (IOException e) {
                            // the member is gone
                        }
                    }, "member-out-" + address);
                    drain.setDaemon(true);
                    drain.start();
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("member " + address + " exited before it was ready (see target/cluster-test-logs):\n"
                + String.join("\n", log));
    }

    /** The stdout lines of member {@code i} (0-based) so far. */
    List<String> log(int i) {
        synchronized (logs.get(i)) {
            return List.copyOf(logs.get(i));
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The process whose pid is {@code pid} (the JVM under taskset keeps the pid: taskset execs). */
    Process byPid(long pid) {
        return processes.stream().filter(p -> p.pid() == pid).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no member with pid " + pid));
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        deleteTree(home);
    }

    static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: best effort
        }
    }
}
