package dev.corescope.store;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The verdicts of {@code investigate}, kept per machine capacity in {@code ~/.corescope/threshold.json}
 * (or {@code $CORESCOPE_HOME/threshold.json}). The key is {@code MachineProfile.key()}: CPU model,
 * CPU counts, affinity, quota and host, so a run under another affinity or quota measures afresh; a
 * user's workload has its own entry, under {@link #key(String, String)}. An entry records what the
 * machine was doing while it was measured (other work's busy CPUs, the load average), so that
 * the experiment package ({@code CacheCheck}) can tell whether it still holds.
 *
 * <p>Writers take turns: a {@link FileChannel#lock() file lock} on {@code threshold.json.lock} (other
 * processes) and a lock per file (other threads of this JVM, which a file lock does not exclude), then
 * read, add their entry and write the whole file back through a unique temp file renamed with
 * {@code ATOMIC_MOVE}. Concurrent investigations therefore lose no entries, and a reader never sees
 * a half-written file. A file that is not a valid cache is set aside as {@code threshold.json.corrupt}
 * (not deleted) with a one-line warning: a file that is not JSON, and one whose values investigate cannot
 * have written ({@link #problem}: a threshold below 1 or above the cap of workers, a spin-kernel threshold
 * above its entry's effective CPUs), which a
 * damaged or hand-edited file holds and which would have {@code assess} start thousands of workers.
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

    private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();
    /** Most workers an entry may name (the commands' cap). */
    static final int MAX_THRESHOLD = 1024;

    /**
     * Why an entry cannot be one investigate wrote, or null when it can be: its threshold must be at least 1 and
     * at most {@value #MAX_THRESHOLD}, its effective CPUs a positive number, and the spin kernel's threshold (a
     * CPU-bound kernel) at most its effective CPUs rounded down.
     */
    static String problem(String key, Entry e) {
        if (e == null) {
            return "entry '" + key + "' is empty";
        }
        if (!(e.effectiveCpus() > 0) || e.effectiveCpus() > MAX_THRESHOLD) {
            return "entry '" + key + "' has " + e.effectiveCpus() + " effective CPUs";
        }
        if (e.threshold() < 1 || e.threshold() > MAX_THRESHOLD) {
            return "entry '" + key + "' has a threshold of " + e.threshold() + " workers";
        }
        int cpus = Math.max(1, (int) Math.floor(e.effectiveCpus() + 1e-9));
        if (e.workload() == null && e.threshold() > cpus) {
            return "entry '" + key + "' has a threshold of " + e.threshold() + " workers, above its "
                    + e.effectiveCpus() + " effective CPUs";
        }
        return null;
    }

    private final Path file;
    private final Consumer<String> warnings;

    public ThresholdCache(Path file) {
        this(file, w -> System.err.println("corescope: warning: " + w));
    }

    /** @param warnings receives one line when a corrupt cache file is set aside */
    public ThresholdCache(Path file, Consumer<String> warnings) {
        this.file = file;
        this.warnings = warnings;
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
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return locked(() -> Optional.ofNullable(readAll().get(key)));
        } catch (IOException e) { // the lock cannot be taken (read-only home): read without it, the file is whole
            try {
                return Optional.ofNullable(parse().get(key));
            } catch (IOException corrupt) {
                warnings.accept(file + " is not a valid threshold cache (" + firstLine(corrupt.getMessage())
                        + "); ignored");
                return Optional.empty();
            }
        }
    }

    /** Stores an entry; a cache that cannot be written is reported by the exception's message. */
    public void store(String key, Entry entry) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String problem = problem(key, entry);
        if (problem != null) {
            throw new IOException("not cached: " + problem);
        }
        locked(() -> {
            Map<String, Entry> all = readAll();
            all.put(key, entry);
            AtomicFile.write(file, Json.MAPPER.writeValueAsString(all));
            return null;
        });
    }

    private interface Locked<T> {
        T run() throws IOException;
    }

    private <T> T locked(Locked<T> body) throws IOException {
        ReentrantLock jvm = LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), p -> new ReentrantLock());
        jvm.lock();
        try (FileChannel ch = FileChannel.open(file.resolveSibling(file.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = ch.lock()) {
            return body.run();
        } finally {
            jvm.unlock();
        }
    }

    /** The entries; a corrupt file is set aside (under the lock) and counts as empty. */
    private Map<String, Entry> readAll() throws IOException {
        try {
            return parse();
        } catch (IOException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            warnings.accept(file + " is not a valid threshold cache (" + firstLine(e.getMessage()) + "); set aside as "
                    + aside + ", starting afresh");
            return new TreeMap<>();
        }
    }

    /** The entries, each checked ({@link #problem}). */
    private Map<String, Entry> parse() throws IOException {
        if (!Files.isRegularFile(file)) {
            return new TreeMap<>();
        }
        Map<String, Entry> all = Json.MAPPER.readValue(file.toFile(), new TypeReference<Map<String, Entry>>() { });
        if (all == null) {
            throw new IOException("empty file");
        }
        for (var e : all.entrySet()) {
            String problem = problem(e.getKey(), e.getValue());
            if (problem != null) {
                throw new IOException(problem + ", not a value investigate writes (damaged or edited by hand)");
            }
        }
        return new TreeMap<>(all);
    }

    private static String firstLine(String s) {
        return s == null ? "unreadable" : s.lines().findFirst().orElse("").trim();
    }
}
