package nl.peiling.stats.responses;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.peiling.stats.scores.Aggregation;
import nl.peiling.stats.scores.Aggregator;
import nl.peiling.stats.scores.AggregatorFixtures;

/**
 * Fuzz test of the responses reader: whatever the bytes, a read either fails the file with its own
 * exception or accounts for every row, accepted or rejected, never anything else; and its fast path
 * for plain records reads them exactly as the general decoding does.
 *
 * <p>Under a plain {@code ./mvnw test} it replays the saved inputs in
 * {@code src/test/resources/nl/peiling/stats/responses/ResponseReaderFuzzTestInputs/}; with
 * {@code JAZZER_FUZZ=1} it fuzzes (see docs/performance.md, "Fuzzing").
 */
class ResponseReaderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void readResponses_anyBytes_acceptsOrRejectsEveryRow(byte[] csv) throws IOException {
        Path file = Files.createTempFile("fuzz", ".csv");
        try {
            Files.write(file, csv);
            Aggregation aggregation;
            try {
                aggregation = Aggregator.of(ResponseReader.of(AggregatorFixtures.edition())
                                .withThreads(2)
                                .withBlockSize(1024))
                        .withMinN(1)
                        .aggregate(file);
            } catch (ResponseFormatException e) {
                assertThat(e.getMessage()).startsWith(file.toString());
                return;
            }
            var input = aggregation.results().input();
            assertThat(input.rows()).isEqualTo(input.accepted() + input.rejected());
            assertThat(aggregation.rejects()).hasSize((int) input.rejected());
            assertThat(aggregation.rejects()).isSortedAccordingTo(java.util.Comparator.comparingLong(Reject::line));
            // The fast path for plain records reads exactly as the general decoding does.
            ResponseReader reader = ResponseReader.of(AggregatorFixtures.edition())
                    .withThreads(2)
                    .withBlockSize(1024);
            assertThat(FastPathProperties.read(reader, file))
                    .isEqualTo(FastPathProperties.read(reader.withoutFastPath(), file));
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
