package dev.corescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every option of the CLI is declared once, in the command or the mixin that owns it (CommonOptions,
 * RunOptions, LevelOptions, ForceOption, SpinOptions, PinOption, CriteriaOptions, ClusterOptions,
 * ClusterIdentityOptions, WorkloadOptions, FormatOption), read from the sources. The names listed in
 * {@link #DIFFERENT} are distinct options that share a name, each said why.
 */
class OptionsDeclaredOnceTest {
    private static final Path CLI = Path.of("src/main/java/dev/corescope/cli");
    private static final Pattern OPTION = Pattern.compile("@Option\\(names\\s*=\\s*(\\{[^}]*}|\"[^\"]*\")");
    private static final Pattern NAME = Pattern.compile("\"([^\"]+)\"");
    /** Same name, another option: its values or its meaning differ. */
    private static final Map<String, String> DIFFERENT = Map.of(
            "--mode", "transfer's also takes 'both'",
            "-r", "assess: repeats per size; rounds: its old --tasks, refused with a pointer",
            "--repeats", "assess: repeats per size; rounds: its old --tasks, refused with a pointer",
            "--workers", "the workers, -w in every command: run N; assess and jmh auto|N; transfer N",
            "-w", "the workers, -w in every command: run N; assess and jmh auto|N; transfer N",
            "--tasks", "a number of tasks: rounds' per batch, transfer's per cell",
            "--sizes", "a workload's input sizes; transfer: its old --bytes, refused with a pointer",
            "-n", "a workload's input sizes; transfer: its old --bytes, refused with a pointer",
            "--bind", "member: the address it binds; coordinator: ADDRESS[:PORT] it listens on",
            "--classpath", "a workload's: where --class is; jmh: the benchmarks, instead of an uber jar");

    @Test
    void noOptionIsDeclaredTwice() throws IOException {
        Map<String, List<String>> where = new TreeMap<>();
        try (Stream<Path> files = Files.list(CLI)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                Matcher m = OPTION.matcher(Files.readString(f));
                while (m.find()) {
                    Matcher n = NAME.matcher(m.group(1));
                    while (n.find()) {
                        where.computeIfAbsent(n.group(1), k -> new ArrayList<>()).add(f.getFileName().toString());
                    }
                }
            }
        }
        assertThat(where).containsKeys("--out", "--max", "--force", "--no-pin", "--tolerance", "--secret-file");
        List<String> twice = where.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .filter(e -> !DIFFERENT.containsKey(e.getKey())).map(e -> e.getKey() + " in " + e.getValue()).toList();
        assertThat(twice).isEmpty();
    }
}
