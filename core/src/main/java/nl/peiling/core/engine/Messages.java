package nl.peiling.core.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import nl.peiling.core.model.Language;
import nl.peiling.core.model.MultiQuestion;
import nl.peiling.core.model.NumberQuestion;
import nl.peiling.core.model.Option;
import nl.peiling.core.model.Scale;
import nl.peiling.core.model.SingleQuestion;
import nl.peiling.core.model.TextQuestion;

/** The respondent's words for each {@link ProblemCode}, in Dutch and English. */
final class Messages {

    private Messages() {}

    /**
     * The message for a refused answer.
     *
     * @param rule the question's rule, or null for an unknown question
     * @param question the question id as given
     * @param value the refused cell text, or null
     */
    static String of(ProblemCode code, AnswerRule rule, String question, String value, Language language) {
        boolean nl = language == Language.NL;
        return switch (code) {
            case UNKNOWN_QUESTION ->
                nl
                        ? "Vraag \"" + question + "\" staat niet in deze vragenlijst."
                        : "There is no question \"" + question + "\" in this questionnaire.";
            case NOT_ALLOCATED ->
                nl
                        ? "Vraag " + question + " hoort niet bij jouw vragenlijst."
                        : "Question " + question + " is not part of your questionnaire.";
            case NOT_VISIBLE ->
                nl
                        ? "Vraag " + question + " wordt niet gesteld na je eerdere antwoorden."
                        : "Question " + question + " is not asked, given your earlier answers.";
            case MALFORMED -> malformed(rule, nl);
            case UNKNOWN_CODE ->
                (nl ? "Kies een van de antwoorden: " : "Choose one of the answers: ") + choices(rule, language) + ".";
            case OUT_OF_RANGE -> outOfRange(rule, nl);
            case TOO_FEW_SELECTED -> {
                int min = ((AnswerRule.MultiRule) rule).min();
                yield nl
                        ? "Kies minstens " + min + (min == 1 ? " antwoord." : " antwoorden.")
                        : "Choose at least " + min + (min == 1 ? " answer." : " answers.");
            }
            case TOO_MANY_SELECTED -> {
                int max = ((AnswerRule.MultiRule) rule).max();
                yield nl
                        ? "Kies hoogstens " + max + (max == 1 ? " antwoord." : " antwoorden.")
                        : "Choose at most " + max + (max == 1 ? " answer." : " answers.");
            }
            case TOO_LONG -> {
                int max = ((TextQuestion) rule.question()).maxLength();
                int length = value == null ? 0 : value.codePointCount(0, value.length());
                yield nl
                        ? "Je antwoord is " + length + " tekens lang; er passen er hoogstens " + max + "."
                        : "Your answer is " + length + " characters long; at most " + max + " fit.";
            }
            case FINISHED ->
                nl
                        ? "Je hebt de vragenlijst al afgerond; je antwoorden kunnen niet meer veranderen."
                        : "You have finished the questionnaire; your answers can no longer change.";
        };
    }

    private static String malformed(AnswerRule rule, boolean nl) {
        return switch (rule.question().type()) {
            case NUMBER ->
                nl
                        ? "Vul een getal in, met een punt voor decimalen (zoals 12 of 3.5)."
                        : "Enter a number, with a point for decimals (such as 12 or 3.5).";
            case GRADE -> nl ? "Vul een heel cijfer in van 1 tot en met 10." : "Enter a whole mark from 1 to 10.";
            case MULTI -> nl ? "Kies elk antwoord maar één keer." : "Choose each answer only once.";
            case SCALE, SINGLE, TEXT -> nl ? "Dit antwoord kan hier niet." : "This answer is not possible here.";
        };
    }

    private static String outOfRange(AnswerRule rule, boolean nl) {
        if (rule.question() instanceof NumberQuestion number) {
            BigDecimal min = number.min();
            BigDecimal max = number.max();
            if (min != null && max != null) {
                return nl
                        ? "Vul een getal in van " + plain(min) + " tot en met " + plain(max) + "."
                        : "Enter a number from " + plain(min) + " to " + plain(max) + ".";
            }
            if (min != null) {
                return nl
                        ? "Vul een getal in van minstens " + plain(min) + "."
                        : "Enter a number of at least " + plain(min) + ".";
            }
            return nl
                    ? "Vul een getal in van hoogstens " + plain(max) + "."
                    : "Enter a number of at most " + plain(max) + ".";
        }
        return nl ? "Vul een heel cijfer in van 1 tot en met 10." : "Enter a whole mark from 1 to 10.";
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** The answers a respondent can give, as "label (code)" in the respondent's language. */
    private static String choices(AnswerRule rule, Language language) {
        String lang = language.code();
        List<String> choices = new ArrayList<>();
        List<Option> options = switch (rule.question().type()) {
            case SCALE -> {
                Scale scale = ((AnswerRule.ScaleRule) rule).scale();
                scale.points().forEach(p -> choices.add(p.label().in(lang) + " (" + p.code() + ")"));
                yield scale.nonSubstantive();
            }
            case SINGLE -> ((SingleQuestion) rule.question()).options();
            case MULTI -> ((MultiQuestion) rule.question()).options();
            case NUMBER, GRADE, TEXT -> List.of();
        };
        options.forEach(o -> choices.add(o.label().in(lang) + " (" + o.code() + ")"));
        return String.join(", ", choices);
    }
}
