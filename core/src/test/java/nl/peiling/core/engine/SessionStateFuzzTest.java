package nl.peiling.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import nl.peiling.core.model.Language;

/**
 * Fuzz test of {@link Questionnaire#resume}: whatever the text, it resumes a session or throws {@link
 * SessionStateException}, never anything else; a session it resumes saves to a state that resumes to the
 * same session.
 *
 * <p>Under a plain {@code ./mvnw test} the target replays the saved inputs in {@code
 * src/test/resources/nl/peiling/core/engine/SessionStateFuzzTestInputs/<method>/}; with {@code
 * JAZZER_FUZZ=1} it is fuzzed (docs/performance.md, "Fuzzing").
 */
class SessionStateFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void resume_anyText_returnsSessionOrThrowsSessionStateException(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Session session;
        try {
            session = SessionTest.QUESTIONNAIRE.resume(text, SessionTest.ALLOCATION);
        } catch (SessionStateException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        String saved = session.save();
        assertThat(SessionTest.QUESTIONNAIRE
                        .resume(saved, SessionTest.ALLOCATION)
                        .save())
                .isEqualTo(saved);
        assertThat(session.language()).isIn(Language.NL, Language.EN);
    }
}
