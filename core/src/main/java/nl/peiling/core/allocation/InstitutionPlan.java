package nl.peiling.core.allocation;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What allocation does for one institution, worked out from its plan and the edition: the modules every
 * respondent gets, the random pool, and the combinations of random modules that fit the length budget.
 *
 * @param institution the institution code
 * @param base the base module
 * @param chosen the chosen modules, in the institution's order
 * @param excluded the excluded modules
 * @param pool the modules that can be allocated at random, in the edition's order
 * @param tooLong offered modules that never fit the length budget beside base and chosen
 * @param randomPerRespondent how many random modules each respondent gets: the edition's number, or less
 *     when the pool or the length budget does not allow it
 * @param combinations the allowed combinations of random modules, each in the edition's order, the list in
 *     lexicographic order of pool positions
 * @param complete whether every combination of {@code randomPerRespondent} pool modules is allowed; only
 *     then does batch allocation guarantee balance within one
 * @param fixedSeconds the length of base plus chosen modules, in seconds
 */
public record InstitutionPlan(
        String institution,
        String base,
        List<String> chosen,
        List<String> excluded,
        List<String> pool,
        List<String> tooLong,
        int randomPerRespondent,
        List<List<String>> combinations,
        boolean complete,
        int fixedSeconds) {

    public InstitutionPlan {
        requireNonNull(institution, "institution");
        requireNonNull(base, "base");
        chosen = List.copyOf(chosen);
        excluded = List.copyOf(excluded);
        pool = List.copyOf(pool);
        tooLong = List.copyOf(tooLong);
        combinations = combinations.stream().map(List::copyOf).toList();
        if (combinations.isEmpty()) {
            throw new IllegalArgumentException("plan of institution " + institution + " has no combinations;"
                    + " with no random modules it has one, the empty combination");
        }
    }

    /** What the module is for this institution's respondents, or empty if it is not in the edition. */
    public Optional<ModuleRole> role(String module) {
        requireNonNull(module, "module");
        if (module.equals(base)) {
            return Optional.of(ModuleRole.BASE);
        } else if (chosen.contains(module)) {
            return Optional.of(ModuleRole.CHOSEN);
        } else if (pool.contains(module)) {
            return Optional.of(ModuleRole.RANDOM);
        } else if (excluded.contains(module)) {
            return Optional.of(ModuleRole.EXCLUDED);
        } else if (tooLong.contains(module)) {
            return Optional.of(ModuleRole.TOO_LONG);
        }
        return Optional.empty();
    }

    /**
     * The expected share of respondents that get the module: 1 for base and chosen modules, for a pool
     * module the share of allowed combinations that hold it ({@code k/n} for a complete pool of n modules
     * and k random modules each), else 0.
     */
    public double share(String module) {
        ModuleRole role = role(module).orElse(null);
        if (role == ModuleRole.BASE || role == ModuleRole.CHOSEN) {
            return 1.0;
        }
        if (role != ModuleRole.RANDOM) {
            return 0.0;
        }
        long holding = combinations.stream().filter(c -> c.contains(module)).count();
        return (double) holding / combinations.size();
    }
}
