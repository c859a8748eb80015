package nl.peiling.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks of a command's output paths and sizes, made before any work, so that a run writes all of its
 * outputs or none of them.
 */
final class Outputs {

    /**
     * Heap a simulated student takes while the simulator holds the population: the student record, its
     * 64-character pseudonym and the list slot, rounded up generously.
     */
    static final long BYTES_PER_STUDENT = 512;

    private Outputs() {}

    /** Checks that {@code file}, given as {@code option}, can be written as a file. */
    static void file(String option, Path file) {
        if (file == null) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw new InputException(option + " " + file + ": is a folder; it must name a file to write");
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
}
