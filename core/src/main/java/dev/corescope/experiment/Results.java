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
     * The one way a finished result reaches its outputs: checked by the sanity layer ({@link SanityGate})
     * against the session's measurements, then written. Returns the checked result, which the command prints,
     * charts and caches (or, refused, does not).
     */
    public static <R extends RunResult> R checked(Session session, RunDirectory dir, R result) {
        R checked = SanityGate.check(session, result);
        write(dir, checked);
        return checked;
    }

    /**
     * Runs an experiment's measurement; when its warm-up fails, the session's summary says why (written, its
     * failure first) before the failure goes on to the command, naming the run directory.
     */
    public static <T> T measuring(Session session, RunDirectory dir, java.util.function.Supplier<T> body) {
        try {
            return body.get();
        } catch (WarmupFailed e) {
            write(dir, SanityGate.check(session, e.summary(session)));
            throw e.in(dir.path().toString());
        }
    }

    /**
     * A session's summary writer (its partial summary on Ctrl-C): checked like {@link #checked} once the
     * session is known ({@code session} returns null until then).
     */
    public static java.util.function.Consumer<RunResult> writer(RunDirectory dir,
                                                               java.util.function.Supplier<Session> session) {
        return r -> {
            Session s = session.get();
            write(dir, s == null ? r : SanityGate.check(s, r));
        };
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
