package nl.peiling.core.model;

import static java.util.Objects.requireNonNull;

import jakarta.validation.constraints.NotBlank;
import java.util.List;

/**
 * The edition file ({@code edition.json}): which modules make up an edition and the allocation rules.
 *
 * @param edition the edition id, usually the year ({@code 2027})
 * @param previous the previous edition for trend checks, or {@code null} for none
 * @param base the id of the base module
 * @param modules the ids of the optional modules, in the order offered
 * @param rules the allocation rules
 */
public record EditionManifest(
        @NotBlank(message = "must not be blank") String edition,
        String previous,
        String base,
        List<String> modules,
        Rules rules) {

    public EditionManifest {
        requireNonNull(edition, "edition");
        requireNonNull(base, "base");
        modules = List.copyOf(modules);
        requireNonNull(rules, "rules");
    }
}
