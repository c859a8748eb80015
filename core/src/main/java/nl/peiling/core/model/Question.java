package nl.peiling.core.model;

/**
 * A question of a module. Each of the six types is a record of its own.
 *
 * <p>Optional properties of the definition format ({@code visibleIf}, {@code seconds} and the type's
 * bounds) are {@code null} when the file leaves them out, so that writing a definition back gives the
 * same file.
 */
public sealed interface Question
        permits ScaleQuestion, SingleQuestion, MultiQuestion, NumberQuestion, GradeQuestion, TextQuestion {

    /** The question id, unique across the edition; it names the data column. */
    String id();

    /** The question text. */
    LocalizedText text();

    /** The routing condition in the {@code visibleIf} language, or {@code null} when always shown. */
    String visibleIf();

    /** The stated time estimate in seconds, or {@code null} for the type's default. */
    Integer seconds();

    /** The question's type. */
    QuestionType type();

    /** The time a respondent takes: {@link #seconds()} when stated, otherwise the type's default. */
    default int estimatedSeconds() {
        Integer stated = seconds();
        return stated != null ? stated : type().defaultSeconds();
    }
}
