package dev.corescope.experiment.jmh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Why a job's JMH ended without a result, in one line, from its output: the benchmark's exception, a dead fork. */
final class JobLog {
    /** @param crashed the JVM died rather than the benchmark failing */
    record Reason(String text, boolean crashed) {
    }

    private JobLog() {
    }

    static Reason reason(Path log, int exitCode) {
        List<String> lines = lines(log);
        for (int k = 0; k < lines.size(); k++) {
            String l = lines.get(k).trim();
            int at = l.indexOf("<forked VM failed with exit code ");
            if (at >= 0) {
                String code = l.substring(at + "<forked VM failed with exit code ".length()).replace(">", "").trim();
                boolean fatal = lines.stream().anyMatch(x -> x.contains("A fatal error has been detected"));
                return new Reason("the benchmark's JVM crashed (exit code " + code + (fatal ? ", a fatal JVM error" : "")
                        + ")", true);
            }
            if (l.endsWith("<failure>")) {
                for (int j = k + 1; j < lines.size(); j++) {
                    if (!lines.get(j).isBlank()) {
                        return new Reason("the benchmark threw " + lines.get(j).trim(), false);
                    }
                }
            }
        }
        for (String l : lines) {
            if (l.startsWith("Error: ") || l.startsWith("Exception in thread") || l.startsWith("ERROR: ")) {
                return new Reason("JMH failed: " + l.trim(), false);
            }
        }
        if (exitCode >= 128) {
            return new Reason("the JMH host JVM was killed by signal " + (exitCode - 128), true);
        }
        return new Reason("JMH exited with code " + exitCode + " and no result" + lastWords(log), false);
    }

    /** {@code : <the log's last line>}, or nothing when the log is empty. */
    static String lastWords(Path log) {
        List<String> lines = lines(log);
        for (int k = lines.size() - 1; k >= 0; k--) {
            if (!lines.get(k).isBlank()) {
                String l = lines.get(k).trim();
                return "; its last output: " + (l.length() > 160 ? l.substring(0, 160) + "..." : l);
            }
        }
        return "";
    }

    private static List<String> lines(Path log) {
        try {
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
