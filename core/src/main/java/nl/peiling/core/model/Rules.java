package nl.peiling.core.model;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * The allocation rules of an edition.
 *
 * @param chosenPerInstitution how many optional modules each institution chooses for all its students
 * @param randomPerRespondent how many further optional modules each respondent gets at random
 * @param maxMinutes the length budget of base + chosen + random modules, in minutes
 */
public record Rules(
        @PositiveOrZero(message = "must be at least 0") int chosenPerInstitution,
        @PositiveOrZero(message = "must be at least 0") int randomPerRespondent,
        @Positive(message = "must be at least 1") int maxMinutes) {

    /** The number of optional modules every respondent gets when the pool allows it. */
    public int modulesPerRespondent() {
        return chosenPerInstitution + randomPerRespondent;
    }
}
