package dev.corescope.experiment;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.corescope.report.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The verdicts of {@code investigate}, kept per machine capacity in {@code ~/.corescope/threshold.json}
 * (or {@code $CORESCOPE_HOME/threshold.json}). The key is {@code MachineProfile.key()}: CPU model,
 * CPU counts, affinity, quota and host, so a run under another affinity or quota measures afresh; a
 * user's workload has its own entry, under {@link #key(String, String)}. An entry records what the
 * machine was doing while it was measured (other work's busy CPUs, the load average), so that
 * {@link CacheCheck} can tell whether it still holds.
 */
public final class ThresholdCache {
    /**
     * One cached verdict.
     *
     * @param workload      the workload's key ({@code UserWorkload.key()}), or null for the spin kernel
     * @param otherBusyCpus CPUs other work kept busy during the measurement (null: unknown, older entries)
     * @param load1         the 1-minute load average at the start of the measurement (null: unknown)
     */
    public record Entry(int threshold, String mode, String measuredAt, String runDirectory, double effectiveCpus,
                        String explanation, String workload, Double otherBusyCpus, Double load1) {

        /** An entry without the state of the machine (as written by corescope 0.1.0). */
        public Entry(int threshold, String mode, String measuredAt, String runDirectory, double effectiveCpus,
                     String explanation) {
            this(threshold, mode, measuredAt, runDirectory, effectiveCpus, explanation, null, null, null);
        }
    }

    /** The key of a workload's entry on the machine {@code machineKey}; the machine's own for null. */
    public static String key(String machineKey, String workload) {
        return workload == null ? machineKey : machineKey + " | " + workload;
    }

    private final Path file;

    public ThresholdCache(Path file) {
        this.file = file;
    }

    public static ThresholdCache defaultCache() {
        String home = System.getenv("CORESCOPE_HOME");
        Path dir = home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".corescope");
        return new ThresholdCache(dir.resolve("threshold.json"));
    }

    public Path file() {
        return file;
    }

    public Optional<Entry> lookup(String key) {
        return Optional.ofNullable(readAll().get(key));
    }

    /** Stores an entry; a cache that cannot be written is reported by the exception's message. */
    public synchronized void store(String key, Entry entry) throws IOException {
        Map<String, Entry> all = readAll();
        all.put(key, entry);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, Json.MAPPER.writeValueAsString(all));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Map<String, Entry> readAll() {
        if (!Files.isRegularFile(file)) {
            return new TreeMap<>();
        }
        try {
            return new TreeMap<>(Json.MAPPER.readValue(file.toFile(), new TypeReference<Map<String, Entry>>() { }));
        } catch (IOException e) {
            return new TreeMap<>(); // a corrupt cache is ignored and rewritten
        }
    }
}
