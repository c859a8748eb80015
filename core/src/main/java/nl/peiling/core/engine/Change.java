package nl.peiling.core.engine;

import java.util.List;

/**
 * What an answer or a clear did: the problems when it was refused (and nothing changed), otherwise the
 * questions it showed and hid, in questionnaire order.
 *
 * @param problems why the answer was refused; empty when it was taken
 * @param shown the ids of questions that became visible
 * @param hidden the ids of questions that became hidden
 */
public record Change(List<Problem> problems, List<String> shown, List<String> hidden) {

    public Change {
        problems = List.copyOf(problems);
        shown = List.copyOf(shown);
        hidden = List.copyOf(hidden);
        if (!problems.isEmpty() && !(shown.isEmpty() && hidden.isEmpty())) {
            throw new IllegalArgumentException("a refused answer shows or hides nothing");
        }
    }

    /** An answer taken that showed and hid nothing. */
    static final Change NONE = new Change(List.of(), List.of(), List.of());

    static Change refused(Problem problem) {
        return new Change(List.of(problem), List.of(), List.of());
    }

    /** Whether the answer was taken. */
    public boolean accepted() {
        return problems.isEmpty();
    }

    @Override
    public String toString() {
        return accepted() ? "Change[shown " + shown + ", hidden " + hidden + "]" : "Change[refused " + problems + "]";
    }
}
