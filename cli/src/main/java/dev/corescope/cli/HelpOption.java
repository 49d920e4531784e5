package dev.corescope.cli;

import picocli.CommandLine.Option;

/** A subcommand's {@code -h/--help}: {@code -V/--version} is the top command's alone. */
public final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;
}
