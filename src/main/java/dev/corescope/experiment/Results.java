package dev.corescope.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.corescope.store.Json;
import dev.corescope.store.RunDirectory;
import dev.corescope.store.SummaryFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A result on disk: {@code summary.json} is its JSON, {@code summary.csv} its {@link RunResult#csv()},
 * written atomically by {@link SummaryFiles} (a partial result never replaces a complete one). Reading is
 * tolerant: fields and enum values this version does not know are skipped, so summaries of other
 * versions read.
 */
public final class Results {
    private Results() {
    }

    /** Writes the result; false when it was partial and a complete one is already there (nothing written). */
    public static boolean write(RunDirectory dir, RunResult result) {
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(result) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialise the summary: " + e.getOriginalMessage(), e);
        }
        return SummaryFiles.write(dir, result.complete(), json, result.csv());
    }

    /**
     * Reads a {@code summary.json}.
     *
     * @throws JsonProcessingException when it is not JSON, or not a summary
     */
    public static RunResult read(Path summaryJson) throws IOException {
        return Json.TOLERANT.forType(RunResult.class).readValue(summaryJson.toFile());
    }
}
