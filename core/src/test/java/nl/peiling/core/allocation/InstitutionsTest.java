package nl.peiling.core.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstitutionsTest {

    private static final String EXAMPLE = """
            [
              {"code": "25LZ", "name": "ROC Zuid", "shortName": "Zuid",
               "chosen": ["llo", "welzijn", "stage"], "excluded": ["huisvesting"],
               "locations": [{"code": "01", "name": "Centrum"}, {"code": "02", "name": "Noord"}]},
              {"code": "30RC", "name": "Techniek College", "chosen": ["positie", "nabijheid", "geldzorgen"],
               "locations": [{"code": "01", "name": "Hoofdlocatie"}]}
            ]
            """;

    private static List<Institution> parse(String json) {
        return Institutions.parse("institutions.json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parse_specExample_readsEveryField() {
        List<Institution> institutions = parse(EXAMPLE);
        assertThat(institutions).hasSize(2);
        Institution zuid = institutions.get(0);
        assertThat(zuid.code()).isEqualTo("25LZ");
        assertThat(zuid.shortName()).isEqualTo("Zuid");
        assertThat(zuid.chosen()).containsExactly("llo", "welzijn", "stage");
        assertThat(zuid.excluded()).containsExactly("huisvesting");
        assertThat(zuid.locations()).containsExactly(new Location("01", "Centrum"), new Location("02", "Noord"));
        Institution rc = institutions.get(1);
        assertThat(rc.shortName()).as("defaults to the name").isEqualTo("Techniek College");
        assertThat(rc.excluded()).as("defaults to none").isEmpty();
    }

    @Test
    void toJson_roundTrips() {
        List<Institution> institutions = parse(EXAMPLE);
        assertThat(parse(Institutions.toJson(institutions))).isEqualTo(institutions);
        assertThat(Institutions.toJson(institutions)).startsWith("[ {\n  \"code\" : \"25LZ\"");
    }

    @Test
    void notUtf8_isAnEncodingProblemWithItsLine() {
        byte[] json = "[{\"code\": \"25LZ\",\n  \"name\": \"Caf#\", \"chosen\": [], \"locations\": []}]"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        json[new String(json, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf('#')] = (byte) 0xE9;
        assertThatThrownBy(() -> Institutions.parse("institutions.json", json))
                .isInstanceOfSatisfying(
                        InstitutionsException.class,
                        e -> assertThat(e.problems().get(0).line()).isEqualTo(2))
                .hasMessageStartingWith("institutions.json: [0].name (line 2, column ")
                .hasMessageContaining(": not UTF-8 text: Invalid UTF-8");
    }

    @Test
    void unknownProperty_isAnErrorWithPathLineAndColumn() {
        assertThatThrownBy(() -> parse("[{\"code\": \"25LZ\", \"name\": \"x\", \"chosen\": [],\n  \"locatons\": []}]"))
                .isInstanceOfSatisfying(InstitutionsException.class, e -> {
                    assertThat(e.file()).isEqualTo("institutions.json");
                    assertThat(e.problems()).hasSize(2);
                    assertThat(e.problems().get(0))
                            .isEqualTo(
                                    new nl.peiling.core.io.InputProblem(
                                            "institutions.json",
                                            2,
                                            3,
                                            "[0].locatons",
                                            null,
                                            "unknown property \"locatons\" (known: code, name, shortName, chosen, excluded, locations)"));
                    assertThat(e.problems().get(1).message()).isEqualTo("missing property \"locations\"");
                })
                .hasMessageStartingWith(
                        "institutions.json: 2 problems\n  [0].locatons (line 2, column 3): unknown property");
    }

    @Test
    void wrongTypes_areErrorsNamingThePath() {
        String json =
                "[{\"code\": 25, \"name\": \"x\", \"chosen\": [\"llo\", 3], \"locations\": [{\"code\": \"01\"}]}, 7]";
        assertThatThrownBy(() -> parse(json))
                .isInstanceOfSatisfying(
                        InstitutionsException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.path() + ": " + p.message())
                                .containsExactly(
                                        "[0].code: expected a string, found a number",
                                        "[0].chosen[1]: expected a string, found a number",
                                        "[0].locations[0]: missing property \"name\"",
                                        "[1]: expected an institution object, found a number"));
    }

    @Test
    void repeatedProperty_isAnError() {
        assertThatThrownBy(() -> parse(
                        "[{\"code\": \"A\", \"code\": \"B\", \"name\": \"x\", \"chosen\": [], \"locations\": []}]"))
                .hasMessage("institutions.json: [0].code (line 1, column 16): property \"code\" appears twice");
    }

    @Test
    void syntaxError_isAnErrorWithItsLine() {
        assertThatThrownBy(() -> parse("[\n{\"code\": \"A\",,}]"))
                .isInstanceOfSatisfying(
                        InstitutionsException.class,
                        e -> assertThat(e.problems().get(0).line()).isEqualTo(2))
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void notAnArray_orEmpty_isAnError() {
        assertThatThrownBy(() -> parse("{}"))
                .hasMessage(
                        "institutions.json: document (line 1, column 1): expected an array of institutions, found an object");
        assertThatThrownBy(() -> parse(""))
                .hasMessage("institutions.json: document: the file is empty; expected an array of institutions");
        assertThatThrownBy(() -> parse("[] []")).hasMessageContaining("unexpected content after the array");
    }

    @Test
    void read_missingFile_isAnInstitutionsException(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> Institutions.read(missing))
                .isInstanceOf(InstitutionsException.class)
                .hasMessageStartingWith(missing + ": document: cannot read the file: NoSuchFileException");
    }

    @Test
    void write_thenRead_givesTheSameInstitutions(@TempDir Path dir) throws IOException {
        List<Institution> institutions = parse(EXAMPLE);
        Path file = dir.resolve("institutions.json");
        Institutions.write(institutions, file);
        assertThat(Files.readString(file)).endsWith("]\n");
        assertThat(Institutions.read(file)).isEqualTo(institutions);
    }
}
