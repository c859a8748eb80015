package nl.peiling.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.peiling.core.codebook.Codebook;
import nl.peiling.core.codebook.Format;
import nl.peiling.core.io.AtomicFiles;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.Language;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code peiling codebook}: the variables, labels and codes of an edition's data file. */
@Command(
        name = "codebook",
        description = {
            "Writes the codebook of an edition's responses.csv: one entry per column,",
            "in file order, with module, question text, type, value labels and",
            "non-substantive codes. Format sps is SPSS syntax that reads the data file",
            "with variable labels, value labels and missing values in one step."
        })
final class CodebookCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    EditionOption edition;

    @Option(
            names = "--format",
            required = true,
            paramLabel = "csv|md|sps",
            converter = FormatConverter.class,
            description = "csv (one row per variable), md (Markdown tables) or sps (SPSS syntax).")
    Format format;

    @Option(
            names = "--lang",
            paramLabel = "nl|en",
            defaultValue = "nl",
            description = "Language of the labels (default: ${DEFAULT-VALUE}).")
    Language lang;

    @Option(names = "--out", paramLabel = "F", description = "Write to this file instead of standard output.")
    Path out;

    @Option(
            names = "--data",
            paramLabel = "F",
            defaultValue = Codebook.DEFAULT_DATA_FILE,
            description = "The data file the SPSS syntax reads, as SPSS should find it (default: ${DEFAULT-VALUE}).")
    String dataFile;

    @Override
    public Integer call() {
        if (common.json() && out == null) {
            throw new InputException("--json needs --out: without it the codebook itself is the output");
        }
        Edition chosen = edition.resolve();
        String text;
        Codebook codebook;
        try {
            codebook = Codebook.of(chosen, lang.code()).withDataFile(dataFile);
            text = codebook.write(format);
        } catch (IllegalArgumentException e) {
            throw new InputException("edition " + edition.edition + ": " + e.getMessage(), e);
        }
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(text);
            stdout.flush();
            return Peiling.EXIT_OK;
        }
        write(out, text);
        if (common.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("edition", codebook.edition());
            json.put("language", codebook.language());
            json.put("format", format.key());
            json.put("variables", codebook.variables().size());
            json.put("file", out.toString());
            Json.print(spec, json);
        }
        return Peiling.EXIT_OK;
    }

    /** Writes atomically, so a reader never sees half a codebook. */
    private static void write(Path file, String text) {
        try {
            AtomicFiles.writeString(file, text);
        } catch (IOException e) {
            throw new InputException("--out " + file + ": cannot write the codebook: " + e, e);
        }
    }

    /** Reads {@code --format} by its file extension. */
    static final class FormatConverter implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return Format.fromKey(value)
                    .orElseThrow(() ->
                            new TypeConversionException("format \"" + value + "\" is not one of " + Format.keys()));
        }
    }
}
