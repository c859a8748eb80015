package nl.peiling.core.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Fuzz tests of the allocation input readers: whatever the bytes, {@link Institutions} returns institutions
 * or throws {@link InstitutionsException}, and {@link AllocationFiles#readStudents} returns respondents or
 * throws {@link StudentsException}, never anything else.
 *
 * <p>Under a plain {@code ./mvnw test} each target replays the saved inputs in
 * {@code src/test/resources/nl/peiling/core/allocation/AllocationInputsFuzzTestInputs/<method>/}; with
 * {@code JAZZER_FUZZ=1} one target is fuzzed (see docs/performance.md, "Fuzzing").
 */
class AllocationInputsFuzzTest {

    private static final List<Institution> INSTITUTIONS = List.of(
            Institution.of("25LZ", List.of("llo", "welzijn", "stage"), List.of(), "01", "02"),
            Institution.of("30RC", List.of("positie", "nabijheid", "geldzorgen"), List.of(), "01"));

    @FuzzTest(maxDuration = "60s")
    void parseInstitutions_anyBytes_returnsInstitutionsOrThrowsInstitutionsException(byte[] json) {
        List<Institution> institutions;
        try {
            institutions = Institutions.parse("fuzz.json", json);
        } catch (InstitutionsException e) {
            assertThat(e.problems())
                    .as("a rejected file names at least one problem")
                    .isNotEmpty();
            return;
        }
        // What was read writes back and reads again as the same institutions.
        assertThat(Institutions.parse(
                        "again.json", Institutions.toJson(institutions).getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(institutions);
    }

    @FuzzTest(maxDuration = "60s")
    void readStudents_anyBytes_returnsRespondentsOrThrowsStudentsException(byte[] csv) throws IOException {
        Path file = Files.createTempFile("students", ".csv");
        try {
            Files.write(file, csv);
            List<Respondent> respondents;
            try {
                respondents = AllocationFiles.readStudents(file, INSTITUTIONS);
            } catch (StudentsException e) {
                assertThat(e.reason()).isNotBlank();
                return;
            }
            assertThat(respondents)
                    .allSatisfy(r -> assertThat(INSTITUTIONS.stream()
                                    .anyMatch(i -> i.code().equals(r.institution())
                                            && i.locationCodes().contains(r.location())))
                            .isTrue());
            assertThat(respondents.stream().map(Respondent::key).distinct().count())
                    .isEqualTo(respondents.size());
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
