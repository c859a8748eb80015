package nl.peiling.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Checks of the files and folders that options name, made before any work, so that a bad path is one
 * line naming the option and a run writes all of its outputs or none of them.
 */
final class FileOptions {

    /**
     * Heap a simulated student takes while the simulator holds the population: the student record, its
     * 64-character pseudonym and the list slot, rounded up generously.
     */
    static final long BYTES_PER_STUDENT = 512;

    private FileOptions() {}

    /**
     * Checks every path option of the command that runs: one labelled {@code F} must not name a folder,
     * one labelled {@code DIR} must not name a file.
     */
    static void check(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult command = parsed;
        while (command.hasSubcommand()) {
            command = command.subcommand();
        }
        try {
            for (OptionSpec option : command.matchedOptions()) {
                if (option.type() != Path.class) {
                    continue;
                }
                Path path = option.getValue();
                if (path != null && option.paramLabel().equals("F") && Files.isDirectory(path)) {
                    throw new InputException(option.longestName() + " " + path + ": is a folder; it must name a file");
                }
                if (path != null && option.paramLabel().equals("DIR")) {
                    folder(option.longestName(), path);
                }
            }
        } catch (InputException e) {
            // Picocli hands only an ExecutionException's cause to the command line's exception handler.
            throw new CommandLine.ExecutionException(command.commandSpec().commandLine(), e.getMessage(), e);
        }
    }

    /** Checks that {@code file}, given as {@code option}, can be written as a file. */
    static void file(String option, Path file) {
        if (file == null) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw new InputException(option + " " + file + ": is a folder; it must name a file");
        }
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new InputException(option + " " + file + ": the folder " + folder + " does not exist");
        }
    }

    /** Checks that {@code folder}, given as {@code option}, is a folder or can be created as one. */
    static void folder(String option, Path folder) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new InputException(
                    option + " " + folder + ": is a file; it must name a folder (created when missing)");
        }
    }

    /** Checks that a simulation of {@code students} fits in the heap of this Java process. */
    static void students(String option, long students) {
        long most = Runtime.getRuntime().maxMemory() / BYTES_PER_STUDENT;
        if (students > most) {
            throw new InputException(String.format(
                    Locale.ROOT,
                    "%s %d: too many students for the memory of this Java process (at most %d; give more"
                            + " with -Xmx)",
                    option,
                    students,
                    most));
        }
    }

    /**
     * The first line of a small text file, stripped of white space: a seed or an API key.
     *
     * @param what the file's role in messages, e.g. "seed file"
     * @throws InputException when the file cannot be read, is not UTF-8, or its first line is empty
     */
    static String firstLine(Path file, String what) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InputException("the " + what + " " + file + " is not UTF-8 text", e);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputException("cannot read the " + what + " " + file + ": no such file", e);
        } catch (IOException e) {
            throw new InputException("cannot read the " + what + " " + file + ": " + e.getMessage(), e);
        }
        String line = lines.isEmpty() ? "" : lines.get(0).strip();
        if (line.isEmpty()) {
            throw new InputException("the " + what + " " + file + " starts with an empty line; it must hold a"
                    + " non-empty secret text");
        }
        return line;
    }
}
