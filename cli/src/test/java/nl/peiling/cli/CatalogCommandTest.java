package nl.peiling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CatalogCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void json_listsTheModulesOfTheNewestEdition() throws Exception {
        Peiling.Run run = Peiling.execute("catalog", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = MAPPER.readTree(run.out());
        assertThat(json.get("edition").asText()).isEqualTo("2027");
        assertThat(json.get("base").asText()).isEqualTo("basis");
        assertThat(json.get("editions")).extracting(JsonNode::asText).containsExactly("2025", "2027");
        JsonNode modules = json.get("modules");
        assertThat(modules).hasSize(9);
        JsonNode base = modules.get(0);
        assertThat(base.fieldNames()).toIterable().contains("id", "kind", "title", "questions", "clusters", "minutes");
        assertThat(base.get("kind").asText()).isEqualTo("base");
        assertThat(base.get("title").asText()).isEqualTo("Basisvragenlijst");
        // minutes = seconds / 60, rounded to two decimals
        for (JsonNode module : modules) {
            assertThat(module.get("minutes").decimalValue().doubleValue())
                    .isCloseTo(module.get("seconds").asInt() / 60.0, org.assertj.core.data.Offset.offset(0.005));
        }
        assertThat(json.get("longestMinutes").asDouble()).isLessThanOrEqualTo(25.0);
    }

    @Test
    void text_isATableInTheChosenLanguage() {
        Peiling.Run run = Peiling.execute("catalog", "--edition", "2027", "--lang", "en");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith(
                        "Edition 2027 (previous 2025): base basis, 3 chosen + 2 random modules per respondent, at most 25 minutes")
                .contains("module       kind      questions  clusters  minutes  title")
                .contains("Student housing")
                .contains("Shipped editions: 2025, 2027");
    }

    @Test
    void unknownEdition_exitsTwo() {
        Peiling.Run run = Peiling.execute("catalog", "--edition", "2019");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .startsWith(
                        "peiling: edition \"2019\" is neither a shipped edition (2025, 2027) nor a definition folder");
    }
}
