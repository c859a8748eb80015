package nl.peiling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs a new user gets wrong, each one clear line and exit 2, never a Java exception name: bytes
 * that are not UTF-8 in a seed file, a students file, a population and a responses file, and a thread
 * count no machine has.
 */
class NotUtf8InputCommandTest {

    @TempDir
    Path dir;

    /** The text as UTF-8 with every '#' replaced by the byte 0xFF, which is never UTF-8. */
    private Path write(String name, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '#') {
                bytes[i] = (byte) 0xFF;
            }
        }
        return Files.write(dir.resolve(name), bytes);
    }

    private static void assertOneClearLine(Peiling.Run run, String expected) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(Peiling.EXIT_INPUT);
        assertThat(run.err().lines()).as(run.err()).containsExactly("peiling: " + expected);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("internal error");
    }

    @Test
    void seedFileThatIsNotUtf8() throws IOException {
        Path institutions = Files.writeString(dir.resolve("institutions.json"), ServeCommandTest.INSTITUTIONS);
        Path students = Files.writeString(dir.resolve("students.csv"), "respondent,institution,location\nr1,25LZ,01\n");
        Path seed = write("seed.txt", "se#d\n");
        Peiling.Run run = Peiling.execute(
                "allocate",
                "--edition",
                "2027",
                "--institutions",
                institutions.toString(),
                "--students",
                students.toString(),
                "--seed-file",
                seed.toString(),
                "--out",
                dir.resolve("a.csv").toString());
        assertOneClearLine(run, "the seed file " + seed + " is not UTF-8 text");
        assertThat(dir.resolve("a.csv")).doesNotExist();
    }

    @Test
    void studentsFileThatIsNotUtf8_namesTheLine() throws IOException {
        Path institutions = Files.writeString(dir.resolve("institutions.json"), ServeCommandTest.INSTITUTIONS);
        Path students = write("students.csv", "respondent,institution,location\nr1,25LZ,01\nr#,25LZ,01\n");
        Peiling.Run run = Peiling.execute(
                "allocate",
                "--edition",
                "2027",
                "--institutions",
                institutions.toString(),
                "--students",
                students.toString(),
                "--seed",
                "s",
                "--out",
                dir.resolve("a.csv").toString());
        assertOneClearLine(run, students + " line 3: not UTF-8 text (is the file UTF-8?)");
    }

    @Test
    void populationThatIsNotUtf8_namesTheLine() throws IOException {
        Path population = write("population.csv", "institution,location,level,pathway,population\n25LZ,0#,4,BOL,10\n");
        Path responses = Files.writeString(
                dir.resolve("responses.csv"), "respondent,institution,location,level,pathway,modules\n");
        Peiling.Run run = Peiling.execute(
                "barometer", "--population", population.toString(), "--responses", responses.toString());
        assertOneClearLine(run, population + ":2: not UTF-8 text (is the file UTF-8?)");
    }

    @Test
    void responsesHeaderThatIsNotUtf8() throws IOException {
        Path responses = write("responses.csv", "respondent,institution,location,level,pathway,modules,opl0#\n");
        Peiling.Run run = Peiling.execute("aggregate", "--edition", "2027", "--responses", responses.toString());
        assertOneClearLine(run, responses + ": line 1: header column 7 is not UTF-8 text (is the file UTF-8?)");
    }

    @Test
    void moreThreadsThanAReaderTakes() throws IOException {
        Path responses = Files.writeString(
                dir.resolve("responses.csv"), "respondent,institution,location,level,pathway,modules\n");
        Peiling.Run run = Peiling.execute(
                "aggregate", "--edition", "2027", "--responses", responses.toString(), "--threads", "100000");
        assertOneClearLine(run, "threads (100000) must be between 1 and 256");
    }
}
