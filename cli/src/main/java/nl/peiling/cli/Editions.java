package nl.peiling.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import nl.peiling.core.catalog.Catalog;
import nl.peiling.core.io.DefinitionException;
import nl.peiling.core.io.Definitions;
import nl.peiling.core.model.Edition;

/** Finds the edition a command names: a shipped edition id ({@code 2027}) or a definition folder. */
public final class Editions {

    private Editions() {}

    /** The shipped catalog. */
    public static Catalog catalog() {
        return Catalog.load();
    }

    /** The definition reader the commands use: previous editions come from sibling folders or the catalog. */
    public static Definitions definitions() {
        Catalog catalog = catalog();
        return Definitions.standard().withPreviousEditions(catalog::find);
    }

    /**
     * The edition for a shipped id or a folder.
     *
     * @throws InputException when it is neither, or when the folder's definitions have errors
     */
    public static Edition resolve(String edition) {
        Path folder = Path.of(edition);
        if (Files.isDirectory(folder)) {
            try {
                return definitions().readEdition(folder);
            } catch (DefinitionException e) {
                throw new InputException(
                        "edition folder " + edition + " is invalid (run 'peiling validate " + edition
                                + "' for every problem): " + e.report().summary(),
                        e);
            }
        }
        Catalog catalog = catalog();
        return catalog.find(edition)
                .orElseThrow(() -> new InputException("edition \"" + edition + "\" is neither a shipped edition ("
                        + String.join(", ", catalog.editions()) + ") nor a definition folder"));
    }
}
