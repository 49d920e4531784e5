package dev.corescope.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Run in a fresh JVM by {@link HelpTest}: captures System.err before picocli's classes load (its
 * tracer keeps the System.err of that moment), then runs {@code --help} of the top command and of
 * every subcommand, and {@code help CMD}, printing one line per invocation on stdout:
 * {@code args<TAB>exit<TAB>base64(stderr)<TAB>stdout length}.
 */
public final class HelpProbe {
    private HelpProbe() {
    }

    public static void main(String[] ignored) {
        PrintStream realOut = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        List<List<String>> runs = new ArrayList<>();
        runs.add(List.of("--help"));
        for (String name : Main.commandLine().getSubcommands().keySet()) {
            runs.add(List.of(name, "--help"));
            runs.add(List.of("help", name));
        }
        for (List<String> args : runs) {
            err.reset();
            out.reset();
            int code = Main.execute(args.toArray(String[]::new));
            realOut.println(String.join(" ", args) + "\t" + code + "\t"
                    + Base64.getEncoder().encodeToString(err.toByteArray()) + "\t" + out.size());
        }
        realOut.flush();
    }
}
