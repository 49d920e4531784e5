package dev.corescope.cluster;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.corescope.store.Json;

/**
 * What a member publishes about itself (as JSON in the {@link ClusterConfigs#MEMBERS_MAP} map, keyed by
 * member UUID, inside a signed {@link CardEnvelope}): where it is, its pid, its threshold and where that
 * came from, its machine profile, the corescope version and cluster protocol it speaks, and what it
 * agrees to run. Unknown fields (from a newer corescope) are ignored when reading.
 *
 * @param thresholdSource {@code --threshold}, {@code cache} (a verdict of {@code investigate} on this
 *                        machine) or {@code not measured} (available processors, a guess)
 * @param measured        false when the threshold is a guess from the processor count
 * @param profileKey      the machine capacity key ({@code MachineProfile.key()}), null if the probe failed
 * @param profile         the machine profile as JSON, null if the probe failed
 * @param version         corescope version of the member
 * @param protocol        cluster protocol number of the member ({@link Protocol#NUMBER})
 * @param allowCmd        started with {@code --allow-cmd}: runs {@code --cmd} tasks
 * @param allowClass      started with {@code --allow-class}: runs {@code --class} tasks from its allowed jars
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MemberCard(String uuid, String address, long pid, String hostname, int threshold,
                         String thresholdSource, boolean measured, int availableProcessors, String profileKey,
                         String cpuModel, String profile, String startedAt, String version, int protocol,
                         boolean allowCmd, boolean allowClass) {

    public String toJson() {
        try {
            return Json.LINE.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static MemberCard fromJson(String json) {
        try {
            return Json.MAPPER.readValue(json, MemberCard.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable member card: " + e.getOriginalMessage(), e);
        }
    }

    /** What the member runs besides built-ins, for the console. */
    public String runs() {
        return "built-ins" + (allowCmd ? ", --cmd" : "") + (allowClass ? ", --class" : "");
    }

    /** One line for the console. */
    public String describe() {
        return address + " (pid " + pid + ", " + (cpuModel == null ? "unknown CPU" : cpuModel) + "): threshold "
                + threshold + " from " + thresholdSource + (measured ? "" : " - NOT MEASURED, run 'corescope investigate' there");
    }
}
