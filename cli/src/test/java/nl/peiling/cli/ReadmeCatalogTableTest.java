package nl.peiling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's section on the shipped catalog says what {@code peiling catalog --edition 2027 --json}
 * says: per optional module its questions, clusters and minutes, the base questionnaire's counts and
 * minutes, the longest combination, and the questions of edition 2025's base.
 */
class ReadmeCatalogTableTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String section() throws IOException {
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        int from = readme.indexOf("## The shipped catalog");
        assertThat(from).as("README section").isNotNegative();
        return readme.substring(from, readme.indexOf("\n## ", from + 1));
    }

    private static JsonNode catalog(String edition) throws IOException {
        Peiling.Run run = Peiling.execute("catalog", "--edition", edition, "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return MAPPER.readTree(run.out());
    }

    @Test
    void theTableOfOptionalModules_matchesTheCatalog() throws IOException {
        Map<String, List<String>> readme = new LinkedHashMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z]+)` \\| [^|]+ \\| (\\d+) \\| (\\d+) \\| ([0-9.]+) \\|$")
                .matcher(section());
        while (row.find()) {
            readme.put(row.group(1), List.of(row.group(2), row.group(3), row.group(4)));
        }
        Map<String, List<String>> shipped = new LinkedHashMap<>();
        for (JsonNode module : catalog("2027").get("modules")) {
            if (!module.get("kind").asText().equals("base")) {
                shipped.put(
                        module.get("id").asText(),
                        List.of(
                                module.get("questions").asText(),
                                module.get("clusters").asText(),
                                module.get("minutes").decimalValue().toPlainString()));
            }
        }
        assertThat(readme).hasSize(8).isEqualTo(shipped);
    }

    @Test
    void theSentencesAboutTheBase_theLongestCombination_andEdition2025_matchTheCatalog() throws IOException {
        String section = section().replaceAll("\\s+", " ");
        JsonNode current = catalog("2027");
        JsonNode base = current.get("modules").get(0);
        assertThat(base.get("id").asText()).isEqualTo("basis");
        String minutes = base.get("minutes")
                .decimalValue()
                .setScale(1, RoundingMode.HALF_UP)
                .toPlainString();
        assertThat(section)
                .contains("the base questionnaire `basis` ("
                        + base.get("questions").asInt() + " questions, "
                        + base.get("clusters").asInt() + " clusters, " + minutes + " minutes;");
        BigDecimal longest = current.get("longestMinutes").decimalValue().setScale(1, RoundingMode.HALF_UP);
        assertThat(section).contains("(the longest combination takes " + longest.toPlainString() + " minutes)");
        List<Integer> optional = new ArrayList<>();
        for (JsonNode module : current.get("modules")) {
            if (!module.get("kind").asText().equals("base")) {
                optional.add(module.get("questions").asInt());
            }
        }
        assertThat(section)
                .contains("eight optional modules of "
                        + optional.stream().mapToInt(i -> i).min().orElseThrow() + " to "
                        + optional.stream().mapToInt(i -> i).max().orElseThrow() + " questions");
        JsonNode previous = catalog("2025").get("modules").get(0);
        assertThat(section)
                .contains("Edition 2025 holds the base questionnaire as it stood then ("
                        + previous.get("questions").asInt() + " questions)");
    }
}
