package nl.peiling.stats.responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.peiling.core.engine.ResponseLayout;
import nl.peiling.core.engine.ResponseRecord;
import nl.peiling.core.io.Definitions;
import nl.peiling.core.model.Edition;
import nl.peiling.stats.scores.Aggregation;
import nl.peiling.stats.scores.Aggregator;
import nl.peiling.stats.scores.ItemFigures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC section 9's last rule: the reader applies routing as the engine does. An answer to a question
 * whose {@code visibleIf} is false for its row is left out of the figures and listed as {@code
 * routed-out}; the row is accepted.
 */
class RoutedOutTest {

    static final Edition EDITION = Definitions.standard()
            .readEdition(Path.of("../modules-catalog/src/main/resources/nl/peiling/catalog/editions/2027"));

    @TempDir
    Path dir;

    private static String line(String respondent, Map<String, String> answers) {
        List<String> columns = ResponseLayout.columns(EDITION);
        List<String> cells = new ArrayList<>();
        for (String column : columns) {
            cells.add(
                    switch (column) {
                        case "respondent" -> respondent;
                        case "institution" -> "25LZ";
                        case "location" -> "01";
                        case "level" -> "4";
                        case "pathway" -> "BOL";
                        case "modules" -> "basis|huisvesting|stage";
                        default -> answers.getOrDefault(column, "");
                    });
        }
        return new ResponseRecord(columns, cells).csvLine();
    }

    private Path file(String... lines) throws IOException {
        Path file = dir.resolve("responses.csv");
        String header = String.join(",", ResponseLayout.columns(EDITION));
        Files.writeString(file, header + "\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private Path routedFile() throws IOException {
        return file(
                line("r1", Map.of("hv01", "kamer", "hv02", "ja_nu", "hv03", "te_duur", "hv04", "4")),
                line("r2", Map.of("hv01", "ouders", "hv02", "ja_nu", "hv03", "te_duur", "hv04", "5")),
                line("r3", Map.of("hv01", "ouders", "hv02", "nee")),
                line("r4", Map.of("bpv00", "nee", "st08", "450.50", "alg02", "tekst")));
    }

    @Test
    void answersOfHiddenQuestions_areRoutedOut_cascading_andTheRowsAccepted() throws IOException {
        for (ResponseReader reader : List.of(
                ResponseReader.of(EDITION),
                ResponseReader.of(EDITION).withoutFastPath(),
                ResponseReader.of(EDITION).withThreads(1))) {
            ReadResult<RowSink> read = reader.read(routedFile(), () -> new RowSink() {
                @Override
                public void add(ResponseRow row) {}

                @Override
                public void remove(ResponseRow row) {}
            });

            assertThat(read.rows()).isEqualTo(4);
            assertThat(read.accepted()).isEqualTo(4);
            assertThat(read.rejects()).isEmpty();
            assertThat(read.routedOut())
                    .extracting(Reject::line, Reject::respondent, Reject::reason, Reject::column, Reject::value)
                    .containsExactly(
                            tuple(2L, "r1", RejectReason.ROUTED_OUT, "hv02", "ja_nu"),
                            tuple(2L, "r1", RejectReason.ROUTED_OUT, "hv03", "te_duur"),
                            tuple(3L, "r2", RejectReason.ROUTED_OUT, "hv04", "5"),
                            tuple(5L, "r4", RejectReason.ROUTED_OUT, "st08", "450.5"));
            assertThat(read.rejectsFile()).isEqualTo(read.routedOut());
        }
    }

    @Test
    void routedOutAnswers_countNowhereInTheFigures() throws IOException {
        Aggregation aggregation = Aggregator.of(EDITION).withMinN(1).aggregate(routedFile());

        ItemFigures hv02 = aggregation.results().national().item("hv02").orElseThrow();
        ItemFigures hv03 = aggregation.results().national().item("hv03").orElseThrow();
        ItemFigures hv04 = aggregation.results().national().item("hv04").orElseThrow();

        assertThat(aggregation.results().input().rejected()).isZero();
        assertThat(aggregation.results().input().accepted()).isEqualTo(4);
        assertThat(hv02.n()).isEqualTo(2); // r2 and r3; r1's answer is routed out
        assertThat(hv02.distribution()).containsEntry("ja_nu", 0.5).containsEntry("nee", 0.5);
        assertThat(hv03.n()).isEqualTo(1); // r2
        assertThat(hv04.n()).isEqualTo(1); // r1's 4; r2's 5 is routed out
        assertThat(hv04.mean()).isEqualTo(4.0);
        assertThat(aggregation.results().national().item("st08").orElseThrow().state())
                .as("no answers: n 0")
                .isEqualTo("no-answers");
        assertThat(aggregation.rejects()).hasSize(4).allMatch(r -> r.reason() == RejectReason.ROUTED_OUT);
    }

    @Test
    void aLosingDoubleLogin_isRejectedWhole_withoutRoutedOutNotes() throws IOException {
        Path file = file(
                line("r1", Map.of("hv01", "kamer", "hv02", "ja_nu")),
                line("r1", Map.of("hv01", "kamer", "hv04", "4", "hv05", "4", "opl01", "3")));

        Aggregation aggregation = Aggregator.of(EDITION).withMinN(1).aggregate(file);

        assertThat(aggregation.rejects())
                .extracting(Reject::line, Reject::reason)
                .containsExactly(tuple(2L, RejectReason.DUPLICATE));
        assertThat(aggregation.results().national().item("hv02").orElseThrow().state())
                .as("no answers: n 0")
                .isEqualTo("no-answers");
        assertThat(aggregation.results().national().item("hv04").orElseThrow().n())
                .isEqualTo(1);
    }
}
