package nl.peiling.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
