package nl.peiling.stats.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.peiling.core.io.Definitions;
import nl.peiling.core.model.Edition;
import nl.peiling.stats.responses.Reject;
import nl.peiling.stats.responses.RejectReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The barometer's counts read by the one responses reader: the same rejects and double-login rule as aggregate. */
class CountedResponsesTest {

    static final Edition EDITION = Definitions.standard()
            .readEdition(Path.of("../modules-catalog/src/main/resources/nl/peiling/catalog/editions/2027"));

    @TempDir
    Path dir;

    @Test
    void badRowsAreRejected_andADoubleLoginCountsOnce_asAggregateCountsThem() throws IOException {
        Path population = dir.resolve("population.csv");
        Files.writeString(
                population, "institution,location,level,pathway,population\n25LZ,01,4,BOL,100\n25LZ,02,4,BOL,50\n");
        Path responses = dir.resolve("responses.csv");
        Files.writeString(
                responses,
                "respondent,institution,location,level,pathway,modules,opl01\n"
                        + "r1,25LZ,01,4,BOL,basis|stage,4\n"
                        + "r2,25LZ,01,4,BOL,basis,\n"
                        + "r2,25LZ,01,4,BOL,basis,3\n" // a double login: this row, with more answers, counts
                        + "r3,25LZ,09,4,BOL,basis,4\n" // unknown location
                        + "r4,25LZ,02,4,BOL,basis,11\n" // not a point of the scale
                        + "r5,25LZ,02,4,BOL,basis|stage,2\n");

        CountedResponses counted = CountedResponses.read(responses, Population.read(population), EDITION);

        assertThat(counted.rows()).isEqualTo(6);
        assertThat(counted.accepted()).isEqualTo(3);
        assertThat(counted.rejects())
                .extracting(Reject::line, Reject::reason)
                .containsExactly(
                        tuple(3L, RejectReason.DUPLICATE),
                        tuple(5L, RejectReason.UNKNOWN_LOCATION),
                        tuple(6L, RejectReason.UNKNOWN_CODE));
        assertThat(counted.counts().responses()).isEqualTo(Map.of("25LZ", Map.of("01", 2L, "02", 1L)));
        assertThat(counted.counts().allocated()).isEqualTo(Map.of("25LZ", Map.of("basis", 3L, "stage", 2L)));
    }
}
