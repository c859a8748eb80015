package nl.peiling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A results file of the wrong shape, or a folder, gives one line naming it, for report and trend. */
class ResultsInputCommandTest {

    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    @Test
    void report_resultsIsAJsonArray_exitsTwoWithOneLine() throws IOException {
        Path wrong = Files.writeString(dir.resolve("array.json"), "[1, 2]");
        Path html = dir.resolve("r.html");

        Peiling.Run run = Peiling.execute("report", "--results", wrong.toString(), "--out", html.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("peiling: " + wrong
                        + " is not a peiling results file (line 1, column 1); write one with peiling aggregate --out"
                        + NL);
        assertThat(html).doesNotExist();
    }

    @Test
    void report_resultsIsAnObjectWithoutGroups_exitsTwoWithOneLine() throws IOException {
        Path wrong = Files.writeString(dir.resolve("object.json"), "{\"a\":1}");

        Peiling.Run run = Peiling.execute(
                "report",
                "--results",
                wrong.toString(),
                "--out",
                dir.resolve("r.html").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("peiling: " + wrong
                        + " is not a peiling results file (line 1, column 7); write one with peiling aggregate --out"
                        + NL);
    }

    @Test
    void report_resultsIsAFolder_exitsTwoWithOneLine() {
        Peiling.Run run = Peiling.execute(
                "report",
                "--results",
                dir.toString(),
                "--out",
                dir.resolve("r.html").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("peiling: --results " + dir + ": is a folder; it must name a file" + NL);
    }

    @Test
    void report_outIsAFolder_exitsTwoBeforeReadingTheResults() throws IOException {
        Path wrong = Files.writeString(dir.resolve("unread.json"), "[]");

        Peiling.Run run = Peiling.execute("report", "--results", wrong.toString(), "--out", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("peiling: --out " + dir + ": is a folder; it must name a file" + NL);
    }

    @Test
    void trend_previousIsAFolder_exitsTwoWithOneLine() throws IOException {
        Path current = Files.writeString(dir.resolve("current.json"), "{}");

        Peiling.Run run = Peiling.execute("trend", "--previous", dir.toString(), "--current", current.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("peiling: --previous " + dir + ": is a folder; it must name a file" + NL);
    }
}
