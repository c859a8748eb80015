package nl.peiling.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.peiling.core.io.DefinitionException;
import nl.peiling.core.io.Definitions;
import nl.peiling.core.model.Edition;
import nl.peiling.stats.scores.Results;
import nl.peiling.stats.scores.ResultsFiles;

/** Reads a results file named on the command line, turning every failure into one line for people. */
final class ResultsInput {

    private ResultsInput() {}

    /** The results in {@code file}; a folder is refused earlier, by {@link FileOptions#check}. */
    static Results read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": no such file");
        }
        try {
            return ResultsFiles.readJson(file);
        } catch (IOException e) {
            if (e.getCause() instanceof JsonProcessingException json) {
                JsonLocation at = json.getLocation();
                String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
                throw new InputException(
                        file + " is not a peiling results file" + where + "; write one with peiling aggregate --out",
                        e);
            }
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * The edition the results were aggregated with: the definition they carry, or for results written
     * before they carried one the shipped edition of their id.
     *
     * @throws InputException naming the option to add when neither is there
     */
    static Edition edition(Results results, Path file) {
        if (!results.definitions().isEmpty()) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            results.definitions().forEach((name, json) -> files.put(name, json.getBytes(StandardCharsets.UTF_8)));
            try {
                return Definitions.standard().readEdition(file + " (its definition)", files);
            } catch (DefinitionException e) {
                throw new InputException(
                        file + ": the definition it carries is invalid ("
                                + e.report().summary()
                                + "); give the definition folder it was aggregated with as --edition",
                        e);
            }
        }
        return Editions.catalog()
                .find(results.edition())
                .orElseThrow(() -> new InputException(file + " carries no definition (written by an older peiling)"
                        + " and edition \"" + results.edition() + "\" is not shipped: add --edition with the"
                        + " definition folder it was aggregated with, or aggregate it again"));
    }
}
