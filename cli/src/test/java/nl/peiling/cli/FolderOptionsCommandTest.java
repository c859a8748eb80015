package nl.peiling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An option that names a file, given a folder, is one line naming the option and the folder (exit 2). */
class FolderOptionsCommandTest {

    @TempDir
    static Path dir;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "barometer, --responses, --population x.csv --responses FOLDER",
        "barometer, --population, --population FOLDER --responses x.csv",
        "aggregate, --responses, --edition 2027 --responses FOLDER",
        "aggregate, --institutions, --edition 2027 --responses x.csv --institutions FOLDER",
        "allocate, --institutions, --edition 2027 --institutions FOLDER --students x.csv --seed a --out a.csv",
        "allocate, --out, --edition 2027 --institutions x.json --students x.csv --seed a --out FOLDER",
        "plan, --population, --edition 2027 --institutions x.json --population FOLDER --response-rate 0.5",
        "codebook, --out, --edition 2027 --format csv --out FOLDER",
    })
    void fileOptionNamingAFolder_exitsTwoWithOneLine(String command, String option, String arguments)
            throws IOException {
        Path folder = Files.createDirectories(dir.resolve("a-folder"));
        List<String> args = new ArrayList<>(List.of(command));
        for (String argument : arguments.split(" ")) {
            args.add(argument.equals("FOLDER") ? folder.toString() : argument);
        }

        Peiling.Run run = Peiling.execute(args.toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("peiling: " + option + " " + folder + ": is a folder; it must name a file"
                        + System.lineSeparator());
    }
}
