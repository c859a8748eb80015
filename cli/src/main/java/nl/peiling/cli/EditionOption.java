package nl.peiling.cli;

import nl.peiling.core.model.Edition;
import picocli.CommandLine.Option;

/** The required {@code --edition} of the commands that work on one edition. */
public final class EditionOption {

    @Option(
            names = "--edition",
            required = true,
            paramLabel = "E",
            description = "A shipped edition id (e.g. 2027) or a definition folder.")
    String edition;

    /** The edition, shipped or read from its folder; see {@link Editions#resolve}. */
    Edition resolve() {
        return Editions.resolve(edition);
    }
}
