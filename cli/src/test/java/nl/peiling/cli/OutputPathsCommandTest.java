package nl.peiling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output paths and sizes are checked before any work: a run writes all of its outputs or none. */
class OutputPathsCommandTest {

    private static final String NL = System.lineSeparator();

    @TempDir
    static Path dir;

    static Path data;

    @BeforeAll
    static void simulate() {
        data = SimulatedSurvey.write(dir.resolve("data"), 2, 300, "output-paths");
    }

    @Test
    void simulate_tooManyStudentsForTheHeap_exitsTwoWithOneLineAndNoFolder() {
        Path out = dir.resolve("huge");

        Peiling.Run run = Peiling.execute(
                "simulate",
                "--edition",
                "2027",
                "--institutions",
                "3",
                "--students",
                "2000000000",
                "--seed",
                "a",
                "--out",
                out.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(tooMany());
        assertThat(out).doesNotExist();
    }

    @Test
    void demo_tooManyStudentsForTheHeap_exitsTwoWithOneLineAndNoFolder() {
        Path out = dir.resolve("huge-demo");

        Peiling.Run run = Peiling.execute("demo", "--students", "2000000000", "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(tooMany());
        assertThat(out).doesNotExist();
    }

    @Test
    void simulate_outNamesAFile_exitsTwoWithOneLine() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");

        Peiling.Run run = Peiling.execute(
                "simulate",
                "--edition",
                "2027",
                "--institutions",
                "3",
                "--students",
                "300",
                "--seed",
                "a",
                "--out",
                file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("peiling: --out " + file + ": is a file; it must name a folder (created when missing)" + NL);
    }

    @Test
    void demo_outNamesAFile_exitsTwoWithOneLine() throws IOException {
        Path file = Files.writeString(dir.resolve("another-file"), "x");

        Peiling.Run run = Peiling.execute("demo", "--out", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("peiling: --out " + file + ": is a file; it must name a folder (created when missing)" + NL);
    }

    @Test
    void aggregate_csvNamesAFolder_exitsTwoAndWritesNothing() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("csv-folder"));
        Path results = dir.resolve("never.json");

        Peiling.Run run = Peiling.execute(
                "aggregate",
                "--edition",
                "2027",
                "--responses",
                data.resolve("responses.csv").toString(),
                "--out",
                results.toString(),
                "--csv",
                folder.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("peiling: --csv " + folder + ": is a folder; it must name a file" + NL);
        assertThat(results).doesNotExist();
    }

    @Test
    void aggregate_rejectsInAMissingFolder_exitsTwoAndWritesNothing() {
        Path rejects = dir.resolve("no-such-folder").resolve("rejects.csv");
        Path results = dir.resolve("never-either.json");

        Peiling.Run run = Peiling.execute(
                "aggregate",
                "--edition",
                "2027",
                "--responses",
                data.resolve("responses.csv").toString(),
                "--out",
                results.toString(),
                "--rejects",
                rejects.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("peiling: --rejects " + rejects + ": the folder " + rejects.getParent() + " does not exist"
                        + NL);
        assertThat(results).doesNotExist();
    }

    @Test
    void barometer_rejectsNamesAFolder_exitsTwoWithOneLine() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("rejects-folder"));

        Peiling.Run run = Peiling.execute(
                "barometer",
                "--population",
                data.resolve("population.csv").toString(),
                "--responses",
                data.resolve("responses.csv").toString(),
                "--rejects",
                folder.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("peiling: --rejects " + folder + ": is a folder; it must name a file" + NL);
    }

    private static String tooMany() {
        return String.format(
                Locale.ROOT,
                "peiling: --students 2000000000: too many students for the memory of this Java process (at most %d;"
                        + " give more with -Xmx)%n",
                Runtime.getRuntime().maxMemory() / FileOptions.BYTES_PER_STUDENT);
    }
}
