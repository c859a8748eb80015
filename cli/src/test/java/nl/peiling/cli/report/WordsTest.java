package nl.peiling.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.peiling.core.model.Language;
import org.junit.jupiter.api.Test;

/** The report's words and numbers in Dutch and English. */
class WordsTest {

    private static final Words DUTCH = Words.in(Language.NL);
    private static final Words ENGLISH = Words.in(Language.EN);

    @Test
    void numbers_areWrittenTheWayEachLanguageWritesThem() {
        assertThat(DUTCH.decimal(3.455, 2)).isEqualTo("3,46");
        assertThat(ENGLISH.decimal(3.455, 2)).isEqualTo("3.46");
        assertThat(DUTCH.count(10_206)).isEqualTo("10.206");
        assertThat(ENGLISH.count(10_206)).isEqualTo("10,206");
        assertThat(DUTCH.percent(0.4884)).isEqualTo("49%");
        assertThat(DUTCH.decimal(12345.5, 1))
                .as("no thousands separator in decimals")
                .isEqualTo("12345,5");
    }

    @Test
    void everyStateOfAFigureNotShown_hasItsOwnWordsInBothLanguages() {
        assertThat(DUTCH.get("state.n")).isEqualTo("te weinig respons");
        assertThat(ENGLISH.get("state.n")).isEqualTo("too few responses");
        assertThat(DUTCH.get("state.not-administered")).isEqualTo("niet afgenomen");
        assertThat(ENGLISH.get("state.not-administered")).isEqualTo("not administered");
        assertThat(DUTCH.get("state.no-answers")).isEqualTo("geen antwoorden");
        assertThat(DUTCH.get("state.secondary")).isEqualTo("afgeschermd, anders herleidbaar");
        assertThat(DUTCH.get("state.response-rate")).isEqualTo("responspercentage te laag");
        for (String state : new String[] {"n", "secondary", "response-rate", "no-answers", "not-administered"}) {
            assertThat(DUTCH.get("state." + state)).doesNotContainPattern("[0-9]");
            assertThat(ENGLISH.get("state." + state)).doesNotContainPattern("[0-9]");
        }
    }

    @Test
    void patterns_areFormattedInTheLanguage() {
        assertThat(DUTCH.get("interval", "3,41", "3,49")).isEqualTo("95 %-interval 3,41 tot 3,49");
        assertThat(ENGLISH.get("minN", 10))
                .isEqualTo("Figures of groups with fewer than 10 respondents are not shown.");
        assertThat(DUTCH.get("interval.legend")).isEqualTo("95 %-betrouwbaarheidsinterval");
    }

    @Test
    void unknownKey_isRefusedNamingIt() {
        assertThatThrownBy(() -> DUTCH.get("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no report text \"nope\"; known: ");
    }
}
