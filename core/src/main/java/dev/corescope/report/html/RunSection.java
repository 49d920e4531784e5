package dev.corescope.report.html;

import dev.corescope.analysis.Units;
import dev.corescope.exec.WorkerMode;
import dev.corescope.experiment.Calibration;
import dev.corescope.experiment.InvestigateResult;
import dev.corescope.experiment.Measured;
import dev.corescope.experiment.Metadata;
import dev.corescope.experiment.RunInfo;
import dev.corescope.experiment.RunResult;
import dev.corescope.experiment.TransferResult;
import dev.corescope.machine.LoadSnapshot;
import dev.corescope.machine.MachineProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** How the run was made (command line, times, settings, load) and on what machine. */
final class RunSection {
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=,@%+^-]+");

    private RunSection() {
    }

    static void details(Html out, RunResult r, String mode, String command, Path dir) {
        RunInfo run = r.run();
        Metadata metadata = r.metadata();
        out.raw("<dl class=\"kv\">\n").kv("Run id", run.runId()).kv("Command", command);
        if (!run.commandLine().isEmpty()) {
            out.raw("<dt>Command line</dt><dd><code class=\"cmd\">").text(shellJoin(run.commandLine()))
                    .raw("</code></dd>\n");
        }
        out.kv("corescope version", metadata == null ? null : metadata.corescopeVersion())
                .kv("Started", run.startedAt()).kv("Ended", run.endedAt())
                .kv("Duration", HtmlReport.duration(run.startedAt(), run.endedAt()).orElse(null))
                .kv("Complete", run.complete() ? "yes" : "no: interrupted, the summary covers what finished")
                .kv("Mode", mode);
        Measured measured = HtmlReport.measured(r).orElse(null);
        if (measured != null) {
            out.kv("Workload", measured.workload());
        }
        if (r instanceof TransferResult t && t.setup() != null) {
            out.kv("Workers", t.setup().workers() + (t.setup().workersNote() != null ? " — " + t.setup().workersNote() : ""));
        }
        Calibration cal = measured == null ? null : measured.calibration();
        if (cal != null) {
            out.kv("Calibration", cal.describe().replaceFirst("^calibrated ", ""));
        }
        List<Double> starts = measured == null ? List.of() : measured.workerStartMillis();
        if (WorkerMode.PROCESSES.label().equals(mode) && !starts.isEmpty()) {
            double sum = starts.stream().mapToDouble(Double::doubleValue).sum();
            double max = starts.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            out.kv("Worker JVMs", Units.format("%d started, %.0f ms each on average (slowest %.0f ms), not counted in task "
                    + "times", starts.size(), sum / starts.size(), max));
        }
        if (metadata != null) {
            out.kv("Load before", describe(metadata.loadAtStart())).kv("Load after", describe(metadata.loadAtEnd()))
                    .kv("Recorded run directory", metadata.runDirectory());
        }
        out.kv("Report built from", dir.toAbsolutePath().normalize().toString()).raw("</dl>\n");
    }

    /** The console's profile lines ({@link MachineProfile#summaryLines()}), the label of each in bold. */
    static void machine(Html out, RunResult r) {
        MachineProfile profile = r.metadata() != null ? r.metadata().profile() : null;
        if (profile == null && r instanceof InvestigateResult i && i.analysis() != null) {
            profile = i.analysis().profile();
        }
        if (profile == null) {
            return;
        }
        out.raw("<ul class=\"machine\">\n");
        for (String line : profile.summaryLines()) {
            int colon = line.indexOf(": ");
            if (colon > 0 && colon < 30) {
                out.raw("<li><b>").text(line.substring(0, colon)).raw("</b> ").text(line.substring(colon + 2))
                        .raw("</li>\n");
            } else {
                out.li(line);
            }
        }
        out.raw("</ul>\n");
    }

    private static String describe(LoadSnapshot load) {
        return load == null ? null : load.describe();
    }

    /** One argument per word, quoted for a POSIX shell where needed. */
    static String shellJoin(List<String> args) {
        List<String> quoted = new ArrayList<>();
        for (String a : args) {
            quoted.add(SHELL_SAFE.matcher(a).matches() ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return String.join(" ", quoted);
    }
}
