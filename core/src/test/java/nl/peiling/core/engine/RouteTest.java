package nl.peiling.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.EditionManifest;
import nl.peiling.core.model.LocalizedText;
import nl.peiling.core.model.Module;
import nl.peiling.core.model.ModuleKind;
import nl.peiling.core.model.NumberQuestion;
import nl.peiling.core.model.Question;
import nl.peiling.core.model.Rules;
import nl.peiling.core.model.TextQuestion;
import nl.peiling.core.routing.Routing;
import org.junit.jupiter.api.Test;

class RouteTest {

    private static Edition edition(List<Question> questions) {
        Module base =
                new Module("basis", "1", ModuleKind.BASE, LocalizedText.of("B", "B"), List.of(), questions, List.of());
        return new Edition(new EditionManifest("2099", null, "basis", List.of(), new Rules(0, 0, 25)), base, List.of());
    }

    private static NumberQuestion number(String id, String visibleIf) {
        return new NumberQuestion(id, LocalizedText.of("n", "n"), null, null, null, visibleIf, null);
    }

    /** Whether question {@code t} shows after {@code n} is answered with the cell. */
    private static boolean shows(String condition, String cell) {
        Questionnaire questionnaire =
                Questionnaire.compile(edition(List.of(number("n", null), number("t", condition))));
        byte[] states = new byte[2];
        long[] values = new long[2];
        byte[] bytes = cell.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(questionnaire.rule(0).decode(bytes, 0, bytes.length, states, values, 0))
                .isNull();
        long[] visible = new long[1];
        questionnaire.visibility(states, values, 1, visible);
        boolean compiled = (visible[0] & 2) != 0;
        assertThat(compiled)
                .as(condition + " on " + cell + " agrees with the parsed condition")
                .isEqualTo(Routing.parse(condition).test(Map.of("n", cell)));
        return compiled;
    }

    @Test
    void numberComparisons_withLiteralsBetweenTwoMillionths() {
        assertThat(shows("n = 3.0000005", "3")).isFalse();
        assertThat(shows("n != 3.0000005", "3")).isTrue();
        assertThat(shows("n < 3.0000005", "3")).isTrue();
        assertThat(shows("n <= 3.0000005", "3")).isTrue();
        assertThat(shows("n > 3.0000005", "3")).isFalse();
        assertThat(shows("n >= 3.0000005", "3")).isFalse();
        assertThat(shows("n > 3.0000005", "3.000001")).isTrue();
        assertThat(shows("n < -3.0000005", "-3.000001")).isTrue();
        assertThat(shows("n > -3.0000005", "-3")).isTrue();
        assertThat(shows("n in (2.5, 3.0000005)", "3")).isFalse();
        assertThat(shows("n in (2.5, 3)", "3.000000")).isTrue();
        assertThat(shows("n = 999999999999999999999", "999999999999")).isFalse();
        assertThat(shows("n < 999999999999999999999", "999999999999")).isTrue();
        assertThat(shows("n > -999999999999999999999", "-999999999999")).isTrue();
    }

    @Test
    void compile_refusesConditionsItCannotEvaluateInOnePass() {
        TextQuestion open = new TextQuestion("o", LocalizedText.of("o", "o"), null, null, null);
        assertThatThrownBy(() -> Questionnaire.compile(edition(List.of(open, number("t", "o = 'x'")))))
                .hasMessage("open question \"o\" can only be tested with answered(o) in the condition of t");
        assertThatThrownBy(() -> Questionnaire.compile(edition(List.of(number("t", "n > 1"), number("n", null)))))
                .hasMessage("question \"n\" is not asked before in the condition of t");
        assertThatThrownBy(() -> Questionnaire.compile(edition(List.of(number("t", "zz > 1")))))
                .hasMessage("unknown question \"zz\" in the condition of t");
        assertThatThrownBy(() -> Questionnaire.compile(edition(List.of(number("n", null), number("t", "n > 'a'")))))
                .hasMessage("number question \"n\" is compared with the text 'a' in the condition of t");
        assertThatThrownBy(() -> Questionnaire.compile(edition(List.of(number("t", "n >")))))
                .hasMessageStartingWith("question t: visibleIf is not valid:");
    }
}
