package nl.peiling.core.engine;

import static java.util.Objects.requireNonNull;

/**
 * A refused answer: the stable code, the question it concerns and a message for the respondent in the
 * session's language.
 *
 * @param code why the answer was refused
 * @param question the question id as given
 * @param message what to tell the respondent, in the session's language
 */
public record Problem(ProblemCode code, String question, String message) {

    public Problem {
        requireNonNull(code, "code");
        requireNonNull(question, "question");
        requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return code.code() + " " + question + ": " + message;
    }
}
