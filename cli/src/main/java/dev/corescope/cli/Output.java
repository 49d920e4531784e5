package dev.corescope.cli;

import dev.corescope.experiment.Results;
import dev.corescope.experiment.RunResult;
import dev.corescope.store.Json;
import dev.corescope.store.RunDirectory;
import java.io.PrintStream;

/** Shared command plumbing: progress as a record sink, summary writing, JSON printing, exit codes. */
final class Output {
    private Output() {
    }

    static void printJson(PrintStream out, Object document) {
        try {
            out.println(Json.MAPPER.writeValueAsString(document));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the summary: " + e.getMessage(), e);
        }
    }

    static java.util.function.Consumer<RunResult> writer(RunDirectory dir) {
        return s -> Results.write(dir, s);
    }

    /** A file an option names can be created or replaced: its directory exists and is writable. */
    static void checkOutputFile(String option, java.nio.file.Path file) {
        java.nio.file.Path abs = file.toAbsolutePath();
        java.nio.file.Path dir = abs.getParent();
        if (file.toString().isBlank() || dir == null) {
            throw new UsageError(option + " '" + file + "' does not name a file");
        }
        if (java.nio.file.Files.isDirectory(abs)) {
            throw new UsageError(option + " " + file + " is a directory");
        }
        if (!java.nio.file.Files.isDirectory(dir) || !java.nio.file.Files.isWritable(dir)) {
            throw new UsageError(option + " " + file + ": " + dir + " is not a writable directory");
        }
    }

    /**
     * 0 when every task succeeded and no figure was refused, 1 otherwise: each refusal gets its line on stderr
     * (the failure summary has been printed).
     */
    static int exitCode(RunResult s) {
        if (s.remarks().refused()) {
            s.remarks().refusals().forEach(r -> System.err.println("corescope: refused: " + r));
            System.err.println("corescope: no result from this run (nothing cached); the measurements are in "
                    + "records.jsonl; see 'What corescope refuses' in docs/method.md");
            return 1;
        }
        if (s.failures() > 0) {
            System.err.println("corescope: " + s.failures() + " task(s) failed; see the failure summary and "
                    + "records.jsonl");
            return 1;
        }
        return 0;
    }
}
