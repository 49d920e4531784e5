package dev.corescope.experiment.jmh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The garbage collector a JVM picks by ergonomics when it sees every CPU this process may use, as the forks of a
 * plain {@code java -jar benchmarks.jar} do. A JVM pinned to one CPU is no "server-class machine" and picks the
 * Serial collector instead of G1: so that a pinned fork measures what JMH's own would, corescope hands it the
 * collector the unpinned one picks (through {@code JAVA_TOOL_OPTIONS}, which the fork inherits from its host, so
 * that JMH's result file shows the same {@code jvmArgs} as JMH's own run), unless the options choose one.
 */
final class UnpinnedCollector {
    private static final Pattern TRUE_FLAG = Pattern.compile("bool\\s+(Use\\w*GC)\\s*=\\s*true");
    private static final List<String> COLLECTORS = List.of("UseSerialGC", "UseParallelGC", "UseG1GC", "UseZGC",
            "UseShenandoahGC", "UseEpsilonGC");

    private UnpinnedCollector() {
    }

    /** {@code -XX:+UseG1GC} or the like for {@code java}, or null when it cannot be told. */
    static String of(String java) {
        try {
            Process p = new ProcessBuilder(java, "-XX:+UnlockExperimentalVMOptions", "-XX:+PrintFlagsFinal", "-version")
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            Matcher m = TRUE_FLAG.matcher(out);
            while (m.find()) {
                if (COLLECTORS.contains(m.group(1))) {
                    return "-XX:+" + m.group(1);
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** {@code JAVA_TOOL_OPTIONS} with {@code flag} added to what it held ({@code existing}, null when unset). */
    static String toolOptions(String existing, String flag) {
        return existing == null || existing.isBlank() ? flag : existing + " " + flag;
    }
}
