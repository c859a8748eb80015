package nl.peiling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import nl.peiling.core.allocation.InstitutionsException;
import nl.peiling.core.io.InputProblem;
import nl.peiling.stats.scores.AggregationException;
import org.junit.jupiter.api.Test;

/** The one place where failures become messages and exit codes. */
class FailuresTest {

    private static String report(Throwable failure, boolean debug) {
        StringWriter err = new StringWriter();
        assertThat(Failures.report(failure, new PrintWriter(err), debug)).isEqualTo(Peiling.EXIT_INPUT);
        return err.toString();
    }

    @Test
    void anyLibraryInputError_isOneLine() {
        assertThat(report(new AggregationException("respondents in cells the population lacks"), false))
                .isEqualTo("peiling: respondents in cells the population lacks" + System.lineSeparator());
        InstitutionsException two = new InstitutionsException(
                "institutions.json",
                List.of(
                        new InputProblem(null, 2, 3, "[0].code", null, "missing"),
                        new InputProblem(null, 4, 1, "[1]", null, "expected an object")));
        assertThat(two.problems()).extracting(InputProblem::file).containsOnly("institutions.json");
        assertThat(report(two, false))
                .isEqualTo("peiling: institutions.json: 2 problems; [0].code (line 2, column 3): missing; [1] (line 4,"
                        + " column 1): expected an object" + System.lineSeparator());
    }

    @Test
    void outOfMemory_isAPlainLine_andAnythingElseAnInternalError() {
        assertThat(report(new OutOfMemoryError("Java heap space"), false))
                .startsWith("peiling: not enough memory for this input")
                .doesNotContain("OutOfMemoryError");
        assertThat(report(new IllegalStateException("bug"), false))
                .isEqualTo("peiling: internal error: java.lang.IllegalStateException: bug" + System.lineSeparator());
        assertThat(report(new IllegalStateException("bug"), true)).contains("\tat ");
    }
}
