package nl.peiling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.peiling.core.catalog.Catalog;
import nl.peiling.core.engine.ResponseLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aggregate} on a file with answers that their routing hides: listed as routed-out, rows kept. */
class AggregateRoutingCommandTest {

    @TempDir
    Path dir;

    @Test
    void routedOutAnswers_areInTheRejectsFileAndTheSummary_andTheRowsAccepted() throws IOException {
        List<String> columns = ResponseLayout.columns(Catalog.load().edition("2027"));
        Map<String, String> answers = Map.of("bpv00", "nee", "st02", "ja", "st09", "4", "opl01", "5");
        List<String> cells = new ArrayList<>();
        for (String column : columns) {
            cells.add(
                    switch (column) {
                        case "respondent" -> "r1";
                        case "institution" -> "25LZ";
                        case "location" -> "01";
                        case "level" -> "3";
                        case "pathway" -> "BBL";
                        case "modules" -> "basis|stage|llo|welzijn|positie|geldzorgen";
                        default -> answers.getOrDefault(column, "");
                    });
        }
        Path responses = dir.resolve("responses.csv");
        Files.writeString(
                responses, String.join(",", columns) + "\n" + String.join(",", cells) + "\n", StandardCharsets.UTF_8);
        Path rejects = dir.resolve("rejects.csv");

        Peiling.Run run = Peiling.execute(
                "aggregate",
                "--edition",
                "2027",
                "--responses",
                responses.toString(),
                "--min-n",
                "1",
                "--rejects",
                rejects.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Edition 2027: 1 row read, 1 accepted, 0 rejected")
                .contains("Answers to questions their routing hides, left out (routed-out): 2 (in " + rejects + ")")
                .doesNotContain("Rejected rows by reason");
        assertThat(Files.readAllLines(rejects))
                .containsExactly(
                        "line,respondent,reason,column,value", "2,r1,routed-out,st02,ja", "2,r1,routed-out,st09,4");
    }
}
