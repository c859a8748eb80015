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

    /** The results in {@code file}, given as {@code option}. */
    static Results read(String option, Path file) {
        if (Files.isDirectory(file)) {
            throw new InputException(
                    option + " " + file + ": is a folder; it must name a results file (peiling aggregate --out)");
        }
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
