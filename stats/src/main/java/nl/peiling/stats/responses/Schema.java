package nl.peiling.stats.responses;

import java.util.List;
import nl.peiling.core.engine.AnswerRule;
import nl.peiling.core.engine.Questionnaire;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.Question;

/** What the edition says about each question, prepared for fast checks of cells. */
final class Schema {
    /** The edition's id, for messages. */
    final String edition;

    final Questionnaire questionnaire;
    final List<Question> questions;
    final AnswerRule[] rules;
    /**
     * Per question: the bytes that are a whole answer on their own (bit b for byte b), as {@link
     * AnswerRule#isWholeDigit} says: the one-digit points of a scale, and the marks 1 to 9 of a grade.
     */
    final long[] digitBytes;

    Schema(Edition edition) {
        this.edition = edition.id();
        questionnaire = Questionnaire.compile(edition);
        questions = questionnaire.questions();
        rules = new AnswerRule[questions.size()];
        digitBytes = new long[questions.size()];
        for (int q = 0; q < questions.size(); q++) {
            rules[q] = questionnaire.rule(q);
            for (int digit = 0; digit <= 9; digit++) {
                if (rules[q].isWholeDigit(digit)) {
                    digitBytes[q] |= 1L << ('0' + digit);
                }
            }
        }
    }
}
