package dev.corescope.sim;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.corescope.machine.MachineSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a {@code --simulate MACHINE.json} file into a {@link MachineSpec}. Only {@code cores} is required;
 * the others default to {@code threadsPerCore} 1, {@code smtSlowdown} 1.25, {@code quotaCpus} null,
 * {@code busyCpus} [], {@code backgroundCpus} 0, {@code noiseCv} 0.02, {@code driftPerMinute} 0,
 * {@code seed} 1. A file that cannot be read, is not a JSON object, has an unknown or repeated key, a value
 * of the wrong type, or describes an impossible machine is an {@link IllegalArgumentException} of one line
 * that names the file.
 */
public final class MachineFile {
    public static final Set<String> KEYS = Set.of("cores", "threadsPerCore", "smtSlowdown", "quotaCpus", "busyCpus",
            "backgroundCpus", "noiseCv", "driftPerMinute", "seed");
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    private MachineFile() {
    }

    public static MachineSpec read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read the machine file " + file + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("machine file " + file + ": " + e.getMessage());
        }
    }

    /** The machine {@code json} describes (messages without the file's name). */
    public static MachineSpec parse(String json) {
        JsonNode root;
        try {
            root = STRICT.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("must be a JSON object such as {\"cores\": 16, \"threadsPerCore\": 2}");
        }
        Set<String> unknown = new TreeSet<>();
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String k = names.next();
            if (!KEYS.contains(k)) {
                unknown.add(k);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown key" + (unknown.size() == 1 ? " " : "s ")
                    + String.join(", ", unknown.stream().map(k -> "'" + k + "'").toList()) + " (known: "
                    + String.join(", ", new TreeSet<>(KEYS)) + ")");
        }
        if (!root.has("cores")) {
            throw new IllegalArgumentException("'cores' is required");
        }
        MachineSpec d = MachineSpec.cores(1);
        return new MachineSpec(whole(root, "cores", 0), whole(root, "threadsPerCore", d.threadsPerCore()),
                number(root, "smtSlowdown", d.smtSlowdown()), optionalNumber(root, "quotaCpus"), cpus(root),
                number(root, "backgroundCpus", d.backgroundCpus()), number(root, "noiseCv", d.noiseCv()),
                number(root, "driftPerMinute", d.driftPerMinute()), seed(root, d.seed())).validated();
    }

    private static int whole(JsonNode root, String key, int fallback) {
        JsonNode v = root.get(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException("'" + key + "' must be a whole number, got " + v);
        }
        return v.intValue();
    }

    private static long seed(JsonNode root, long fallback) {
        JsonNode v = root.get("seed");
        if (v == null) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException("'seed' must be a whole number, got " + v);
        }
        return v.longValue();
    }

    private static double number(JsonNode root, String key, double fallback) {
        JsonNode v = root.get(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException("'" + key + "' must be a number, got " + v);
        }
        return v.doubleValue();
    }

    private static Double optionalNumber(JsonNode root, String key) {
        JsonNode v = root.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException("'" + key + "' must be a number of CPUs or null, got " + v);
        }
        return v.doubleValue();
    }

    private static List<Integer> cpus(JsonNode root) {
        JsonNode v = root.get("busyCpus");
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException("'busyCpus' must be a list of CPU numbers such as [3, 7], got " + v);
        }
        List<Integer> out = new ArrayList<>();
        for (JsonNode c : v) {
            if (!c.isIntegralNumber() || !c.canConvertToInt()) {
                throw new IllegalArgumentException("'busyCpus' must hold whole CPU numbers, got " + c);
            }
            out.add(c.intValue());
        }
        return out;
    }
}
