package nl.peiling.core.allocation;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The audit of one stratum (institution × location): per module of the edition its role, the expected
 * and the actual number of respondents who got it.
 *
 * <p>Expected counts are respondents × share ({@link InstitutionPlan#share}): all respondents for base
 * and chosen modules, {@code respondents × k / n} for each module of a complete random pool of n
 * modules with k per respondent. In batch mode every actual count of a random module is the expected
 * count rounded down or up.
 *
 * @param institution the institution code
 * @param location the location code
 * @param respondents the respondents in the stratum
 * @param modules one entry per module of the edition, base first, then the optional modules in the
 *     edition's order
 * @param spread the largest minus the smallest count of the stratum's random modules (0 with fewer than two)
 * @param pairSpread the largest minus the smallest count of respondents who got both modules of a pair of
 *     random modules, over all pairs (0 with fewer than two random modules per respondent)
 */
public record StratumSummary(
        String institution, String location, int respondents, List<ModuleCount> modules, int spread, int pairSpread) {

    public StratumSummary {
        requireNonNull(institution, "institution");
        requireNonNull(location, "location");
        modules = List.copyOf(modules);
    }

    /**
     * One module's line of the audit.
     *
     * @param module the module id
     * @param role what the module is for the institution
     * @param expected the expected number of respondents with the module
     * @param actual the number of respondents who got it
     */
    public record ModuleCount(String module, ModuleRole role, double expected, int actual) {

        public ModuleCount {
            requireNonNull(module, "module");
            requireNonNull(role, "role");
        }
    }

    /** The actual count per module, in the edition's order. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        modules.forEach(m -> counts.put(m.module(), m.actual()));
        return Collections.unmodifiableMap(counts);
    }

    /** The expected count per module, in the edition's order. */
    public Map<String, Double> expected() {
        Map<String, Double> expected = new LinkedHashMap<>();
        modules.forEach(m -> expected.put(m.module(), m.expected()));
        return Collections.unmodifiableMap(expected);
    }

    /** The count of one module, 0 if the edition does not have it. */
    public int count(String module) {
        return modules.stream()
                .filter(m -> m.module().equals(module))
                .mapToInt(ModuleCount::actual)
                .findFirst()
                .orElse(0);
    }

    /** An aligned table: module, role, expected, actual. */
    public String table() {
        int width = Math.max(
                "module".length(),
                modules.stream().mapToInt(m -> m.module().length()).max().orElse(0));
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                Locale.ROOT, "%-" + width + "s  %-8s  %10s  %8s%n", "module", "role", "expected", "actual"));
        for (ModuleCount m : modules) {
            text.append(String.format(
                    Locale.ROOT,
                    "%-" + width + "s  %-8s  %10.2f  %8d%n",
                    m.module(),
                    m.role().key(),
                    m.expected(),
                    m.actual()));
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "StratumSummary[%s/%s: %d respondents, spread %d, pair spread %d, %s]",
                institution,
                location,
                respondents,
                spread,
                pairSpread,
                counts());
    }
}
