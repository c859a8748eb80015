package nl.peiling.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.Module;
import nl.peiling.core.model.NumberQuestion;
import nl.peiling.core.routing.Condition;
import nl.peiling.core.routing.Routing;
import nl.peiling.core.routing.RoutingException;
import nl.peiling.core.validation.Validator;
import nl.peiling.core.validation.ViolationCode;
import org.junit.jupiter.api.Test;

/**
 * Fuzz tests of the definition loader and the routing parser: whatever the input, they return a result or
 * throw their own exception, never anything else.
 *
 * <p>Under a plain {@code ./mvnw test} each target replays the saved inputs in
 * {@code src/test/resources/nl/peiling/core/io/DefinitionLoaderFuzzTestInputs/<method>/}, which takes about
 * two seconds. With {@code JAZZER_FUZZ=1} one target is fuzzed; see docs/performance.md, section
 * "Fuzzing", for the command and how to choose the duration ({@code -Djazzer.max_duration=...} overrides
 * the {@code maxDuration} below). Inputs that make a target fail are kept in its folder as regression
 * inputs.
 */
class DefinitionLoaderFuzzTest {

    /** Answers of every kind the routing evaluator accepts, to evaluate parsed conditions on. */
    private static final List<Object> ANSWERS =
            List.of("1", "ja", "", " ", "-2.5", 3, 7.25, List.of("a", "ja"), "a|b", "1e999999", Long.MIN_VALUE);

    @FuzzTest(maxDuration = "60s")
    void readModule_anyBytes_returnsModuleOrThrowsDefinitionException(byte[] json) {
        Module module;
        try {
            module = Definitions.standard().readModule("fuzz.json", json);
        } catch (DefinitionException e) {
            // The exception must say why: a definition is only rejected with at least one error.
            assertThat(e.report().isValid())
                    .as("report of a rejected module: %s", e.report())
                    .isFalse();
            return;
        }
        assertThat(module).isNotNull();
        assertThat(Validator.standard().validate(module).isValid())
                .as("a module the loader returned is valid")
                .isTrue();
    }

    @FuzzTest(maxDuration = "60s")
    void readEdition_anyTwoFiles_returnsEditionOrThrowsDefinitionException(FuzzedDataProvider data) {
        // The edition file comes first, its length from the end of the input, so a seed is
        // <edition.json><basis.json><3 length bytes, most significant last>.
        int editionLength = data.consumeInt(0, 1 << 20);
        byte[] edition = data.consumeBytes(editionLength);
        byte[] basis = data.consumeRemainingAsBytes();
        Edition read;
        try {
            read = Definitions.standard()
                    .readEdition("fuzz", Map.of(Definitions.EDITION_FILE, edition, "basis.json", basis));
        } catch (DefinitionException e) {
            assertThat(e.report().isValid())
                    .as("report of a rejected edition: %s", e.report())
                    .isFalse();
            return;
        }
        assertThat(read.base().id()).isEqualTo(read.manifest().base());
        assertThat(Validator.standard().validate(read).isValid())
                .as("an edition the loader returned is valid")
                .isTrue();
    }

    @FuzzTest(maxDuration = "60s")
    void routingParse_anyText_returnsConditionOrThrowsRoutingException(byte[] bytes) {
        String expression = new String(bytes, StandardCharsets.UTF_8);
        Condition condition;
        try {
            condition = Routing.parse(expression);
        } catch (RoutingException e) {
            assertThat(e.position()).as("position of the problem").isBetween(0, expression.length());
            assertThat(e.expression()).isEqualTo(expression);
            return;
        }
        // A condition that parses can be evaluated on any answers without throwing.
        condition.test(Map.of());
        Map<String, Object> answers = new HashMap<>();
        for (int shift = 0; shift < ANSWERS.size(); shift++) {
            int i = shift;
            for (String question : condition.questionIds()) {
                answers.put(question, ANSWERS.get(i++ % ANSWERS.size()));
            }
            condition.test(answers);
        }
    }

    // ------------------------------------------------------------------- regressions found by fuzzing

    /** A number question whose bounds are {@code min} and {@code max}, as a module file. */
    private static byte[] numberModule(String min, String max) {
        return ("{\"format\": \"peiling.module/1\", \"id\": \"getal\", \"version\": \"1\", \"kind\": \"optional\","
                        + " \"title\": {\"nl\": \"Getal\", \"en\": \"Number\"}, \"questions\": [{\"id\": \"g1\","
                        + " \"type\": \"number\", \"text\": {\"nl\": \"Hoeveel?\", \"en\": \"How many?\"},"
                        + " \"min\": " + min + ", \"max\": " + max + "}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readModule_numberWithHugeExponent_isRejectedAsSyntaxInsteadOfCrashing() {
        // Found by the fuzzer: the min > max message printed -1E+2147483647 in full, which threw
        // NegativeArraySizeException from BigDecimal.toPlainString.
        byte[] json = numberModule("-1e999999", "-1E+2147483647");

        assertThatThrownBy(() -> Definitions.standard().readModule("getal.json", json))
                .isInstanceOfSatisfying(
                        DefinitionException.class,
                        e -> assertThat(e.report().errors()).singleElement().satisfies(v -> {
                            assertThat(v.code()).isEqualTo(ViolationCode.JSON_SYNTAX);
                            assertThat(v.message()).contains("-1e999999").contains("out of range");
                        }));
    }

    @Test
    void readModule_numberWithModestExponent_isRead() {
        Module module = Definitions.standard().readModule("getal.json", numberModule("-2.5E+2", "1.5e3"));

        NumberQuestion question = (NumberQuestion) module.questions().get(0);
        assertThat(question.min()).isEqualByComparingTo(new BigDecimal("-250"));
        assertThat(question.max()).isEqualByComparingTo(new BigDecimal("1500"));
    }
}
