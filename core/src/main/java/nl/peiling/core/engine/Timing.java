package nl.peiling.core.engine;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The time a respondent spent, against the edition's estimates and its length budget. The time between
 * two taken answers (or clears) counts for the question of the second, up to {@link Session#IDLE_LIMIT}
 * (a longer pause is a break, not time on the question).
 *
 * @param questions time per question with time spent, in questionnaire order
 * @param modules time per allocated module, in allocation order
 * @param total the time spent on all questions
 * @param estimate the estimated time of the allocated modules (SPEC section 2)
 * @param budget the edition's length budget, {@code maxMinutes}
 */
public record Timing(
        Map<String, Duration> questions,
        Map<String, Duration> modules,
        Duration total,
        Duration estimate,
        Duration budget) {

    public Timing {
        questions = Collections.unmodifiableMap(new LinkedHashMap<>(questions));
        modules = Collections.unmodifiableMap(new LinkedHashMap<>(modules));
        requireNonNull(total, "total");
        requireNonNull(estimate, "estimate");
        requireNonNull(budget, "budget");
    }

    /** Whether the respondent took longer than the length budget. */
    public boolean overBudget() {
        return total.compareTo(budget) > 0;
    }

    @Override
    public String toString() {
        return "Timing[" + total.toSeconds() + " s spent, " + estimate.toSeconds() + " s estimated, budget "
                + budget.toMinutes() + " min, per module " + modules + "]";
    }
}
