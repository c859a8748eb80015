package nl.peiling.cli;

import picocli.CommandLine.Option;

/** Options every command has. */
public final class CommonOptions {

    @Option(names = "--json", description = "Print machine-readable JSON on stdout.")
    boolean json;

    @Option(names = "--debug", description = "Print stack traces of errors.")
    boolean debug;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    boolean help;

    /** Whether JSON output was asked for. */
    public boolean json() {
        return json;
    }
}
