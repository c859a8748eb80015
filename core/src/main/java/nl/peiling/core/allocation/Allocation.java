package nl.peiling.core.allocation;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The questionnaire of one respondent: the ordered module ids, base first, then the institution's chosen
 * modules in the institution's order, then the random modules in the edition's order.
 *
 * @param respondent the respondent key
 * @param institution the institution code
 * @param modules the module ids in questionnaire order
 * @param randomCount how many of the modules, at the end, were allocated at random
 */
public record Allocation(String respondent, String institution, List<String> modules, int randomCount) {

    public Allocation {
        requireNonNull(respondent, "respondent");
        requireNonNull(institution, "institution");
        modules = List.copyOf(modules); // a no-op for the allocator's shared immutable lists
        if (modules.isEmpty()) {
            throw new IllegalArgumentException("modules of respondent " + respondent + " must hold at least the base");
        }
        if (randomCount < 0 || randomCount > modules.size() - 1) {
            throw new IllegalArgumentException("randomCount (" + randomCount + ") must be between 0 and "
                    + (modules.size() - 1) + ", the number of modules after the base");
        }
    }

    /** The base module. */
    public String base() {
        return modules.get(0);
    }

    /** The institution's chosen modules, in its order. */
    public List<String> chosen() {
        return modules.subList(1, modules.size() - randomCount);
    }

    /** The randomly allocated modules, in the edition's order. */
    public List<String> random() {
        return modules.subList(modules.size() - randomCount, modules.size());
    }

    /** The modules joined with {@code |}, as in {@code allocation.csv}. */
    public String modulesField() {
        return String.join("|", modules);
    }
}
