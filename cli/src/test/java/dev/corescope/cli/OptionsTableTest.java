package dev.corescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * docs/options.md is the table of every option of every command, made from picocli's model of the command
 * line: this test fails when it is out of date, and rewrites it when run with {@code -Dcorescope.writeOptions=true}
 * ({@code mvn -q test -pl cli -am -Dtest=OptionsTableTest -Dsurefire.failIfNoSpecifiedTests=false -Dcorescope.writeOptions=true}). It also checks the vocabulary:
 * one name, one meaning, across the commands.
 */
class OptionsTableTest {
    private static final Path DOC = Path.of("../docs/options.md");

    @Test
    void docsOptionsIsTheCommandLinesTable() throws IOException {
        String table = table();
        if (Boolean.getBoolean("corescope.writeOptions")) {
            Files.writeString(DOC, table, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/options.md is out of date: rerun with -Dcorescope.writeOptions=true").isEqualTo(table);
    }

    /** One vocabulary: -w is --workers wherever workers are given; -V is the top command's alone; no visible old name. */
    @Test
    void oneNameOneMeaning() {
        CommandLine top = Main.commandLine();
        assertThat(top.getCommandSpec().findOption("-V")).isNotNull();
        for (var e : top.getSubcommands().entrySet()) {
            CommandSpec c = e.getValue().getCommandSpec();
            assertThat(c.findOption("-V")).as(e.getKey() + " -V").isNull();
            OptionSpec workers = c.findOption("--workers");
            if (workers != null) {
                assertThat(workers.names()).as(e.getKey() + " --workers").contains("-w");
            }
            if (c.findOption("-p") != null) {
                assertThat(c.findOption("-p").hidden()).as(e.getKey() + " -p").isTrue();
            }
        }
        assertThat(top.getSubcommands().get("transfer").getCommandSpec().findOption("--sizes").hidden()).isTrue();
        assertThat(top.getSubcommands().get("rounds").getCommandSpec().findOption("-r").hidden()).isTrue();
    }

    /** An old name whose meaning changed is refused with a pointer to the new one; -p still works, with a note. */
    @Test
    void oldNamesPointToTheNewOnes() {
        var transfer = BadInputTest.run("transfer", "--sizes", "0,1KB", "-w", "1", "--out", "/nonexistent/x");
        assertThat(transfer.code()).isEqualTo(2);
        assertThat(transfer.err()).contains("--bytes").hasLineCount(1);
        var rounds = BadInputTest.run("rounds", "-r", "4", "--max", "2", "--out", "/nonexistent/x");
        assertThat(rounds.code()).isEqualTo(2);
        assertThat(rounds.err()).contains("--tasks").hasLineCount(1);
        var fraction = BadInputTest.run("compare", "--noise", "0.5", "/nonexistent/a", "/nonexistent/b");
        assertThat(fraction.code()).isEqualTo(2);
        assertThat(fraction.err()).contains("50%").contains("0.5%").hasLineCount(1);
        var old = BadInputTest.run("run", "-p", "0", "--loops", "10", "--out", "/nonexistent/x");
        assertThat(old.code()).isEqualTo(2);
        assertThat(old.err()).contains("-p is deprecated").contains("-w must be at least 1");
    }

    /** The markdown: an introduction, then one table per command, in the order of the help. */
    static String table() {
        CommandLine top = Main.commandLine();
        StringBuilder md = new StringBuilder("# Options of every command\n\n"
                + "Generated from the command line's own model by `OptionsTableTest` (rerun it with\n"
                + "`-Dcorescope.writeOptions=true` after changing an option); `corescope CMD --help` says the same.\n"
                + "A name means one thing in every command that has it. Defaults marked — are computed at run time\n"
                + "(the meaning says how) or mean \"not set\"; flags are off unless given.\n");
        section(md, "corescope", top.getCommandSpec());
        for (var e : top.getSubcommands().entrySet()) {
            if (!e.getKey().equals("help")) {
                section(md, "corescope " + e.getKey(), e.getValue().getCommandSpec());
            }
        }
        return md.toString();
    }

    private static void section(StringBuilder md, String title, CommandSpec spec) {
        md.append("\n## ").append(title).append("\n\n");
        String[] d = spec.usageMessage().description();
        if (d.length > 0) {
            md.append(String.join(" ", d).replace("%n", " ").trim()).append("\n\n");
        }
        md.append("| option | meaning | default |\n|---|---|---|\n");
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (!p.hidden()) {
                md.append("| `").append(cell(p.paramLabel())).append("` (positional) | ").append(meaning(p))
                        .append(" | ").append(defaultOf(p)).append(" |\n");
            }
        }
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            String names = String.join(", ", o.names()) + (o.arity().max > 0 ? " " + o.paramLabel() : "");
            md.append("| `").append(cell(names)).append("` | ").append(meaning(o)).append(" | ").append(defaultOf(o))
                    .append(" |\n");
        }
    }

    private static String meaning(CommandLine.Model.ArgSpec a) {
        return cell(String.join(" ", a.renderedDescription()).replaceAll("\\s+", " ").trim());
    }

    private static String defaultOf(CommandLine.Model.ArgSpec a) {
        if (a.arity().max == 0) {
            return "off";
        }
        String v = a.defaultValueString();
        return v == null || v.isEmpty() || v.equals("null") || v.equals("[]") ? "—" : "`" + cell(v) + "`";
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Every option name with the commands that have it. */
    static Map<String, List<String>> namesByCommand() {
        Map<String, List<String>> where = new TreeMap<>();
        CommandLine top = Main.commandLine();
        for (var e : top.getSubcommands().entrySet()) {
            for (OptionSpec o : e.getValue().getCommandSpec().options()) {
                for (String n : o.names()) {
                    where.computeIfAbsent(n, k -> new ArrayList<>()).add(e.getKey());
                }
            }
        }
        return where;
    }
}
