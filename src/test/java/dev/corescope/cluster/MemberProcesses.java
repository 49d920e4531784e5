package dev.corescope.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Cluster members as separate JVMs on loopback ({@code corescope member}), each pinned to one CPU
 * with {@code taskset} where available, with a unique cluster name so test clusters never meet
 * another cluster on the machine.
 */
final class MemberProcesses implements AutoCloseable {
    final String clusterName = "corescope-test-" + UUID.randomUUID().toString().substring(0, 8);
    final List<Process> processes = new ArrayList<>();
    final List<String> addresses = new ArrayList<>();

    /**
     * Starts {@code n} members with threshold 1, one after another, each joining the ones before it
     * (members started in parallel could form separate clusters). A member that fails to start is
     * retried once on another port; its stderr is kept in {@code target/cluster-test-logs}.
     */
    static MemberProcesses start(int n) {
        MemberProcesses m = new MemberProcesses();
        try {
            for (int i = 0; i < n; i++) {
                List<String> join = List.copyOf(m.addresses);
                try {
                    m.startOne(i, join).get(60, TimeUnit.SECONDS);
                } catch (Exception first) {
                    m.discardLast();
                    m.startOne(i, join).get(60, TimeUnit.SECONDS);
                }
            }
        } catch (Exception e) {
            m.close();
            throw new IllegalStateException("could not start " + n + " members: " + e.getMessage(), e);
        }
        return m;
    }

    private synchronized void discardLast() {
        processes.remove(processes.size() - 1).destroyForcibly();
        addresses.remove(addresses.size() - 1);
    }

    private synchronized CompletableFuture<Void> startOne(int i, List<String> join) {
        int port = freePort();
        String address = "127.0.0.1:" + port;
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/taskset")) || Files.isExecutable(Path.of("/bin/taskset"))) {
            int cpus = Runtime.getRuntime().availableProcessors();
            cmd.addAll(List.of("taskset", "-c", String.valueOf(i % cpus)));
        }
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx256m", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), "dev.corescope.cli.Main", "member",
                "--port", String.valueOf(port), "--threshold", "1", "--cluster-name", clusterName));
        if (!join.isEmpty()) {
            cmd.addAll(List.of("--members", String.join(",", join)));
        }
        Process p;
        try {
            Path log = Path.of("target", "cluster-test-logs", clusterName + "-member-" + (i + 1) + ".log");
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(log.toFile());
            pb.environment().put("CORESCOPE_DEBUG", "1");
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        processes.add(p);
        addresses.add(address);
        return CompletableFuture.runAsync(() -> awaitReady(p, address));
    }

    private static void awaitReady(Process p, String address) {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        try {
            String line;
            while ((line = out.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.startsWith("ready")) {
                    Thread drain = new Thread(() -> {
                        try {
                            while (out.readLine() != null) {
                                // keep the pipe empty
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
                + seen);
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
    }
}
