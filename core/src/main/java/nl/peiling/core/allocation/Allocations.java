package nl.peiling.core.allocation;

import static java.util.Objects.requireNonNull;

import java.util.AbstractList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * The result of allocating a list of respondents: each respondent's modules, in the input's order, and
 * the audit summary per stratum.
 *
 * <p>It holds, per respondent, only the id of its combination (an int) in a table of module lists shared
 * by all respondents with the same combination; {@link #get} builds the {@link Allocation} on demand.
 */
public final class Allocations {

    private final AllocationMode mode;
    private final Respondent[] respondents;
    private final Pool.Combo[] table;
    private final int[] combos;
    private final List<StratumSummary> strata;

    /**
     * @param table the allocator's combinations by id
     * @param combos per respondent the id of its combination
     */
    Allocations(
            AllocationMode mode,
            Respondent[] respondents,
            Pool.Combo[] table,
            int[] combos,
            List<StratumSummary> strata) {
        this.mode = mode;
        this.respondents = respondents;
        this.table = table;
        this.combos = combos;
        this.strata = List.copyOf(strata);
    }

    /** How the respondents were allocated. */
    public AllocationMode mode() {
        return mode;
    }

    /** The number of respondents. */
    public int size() {
        return respondents.length;
    }

    /** The respondent at this position of the input. */
    public Respondent respondent(int index) {
        return respondents[index];
    }

    /** The allocation of the respondent at this position of the input. */
    public Allocation get(int index) {
        Respondent respondent = respondents[index];
        Pool.Combo combo = table[combos[index]];
        return new Allocation(respondent.key(), respondent.institution(), combo.modules, combo.random);
    }

    /** All allocations in the input's order, as a view built on demand. */
    public List<Allocation> list() {
        return new View();
    }

    /**
     * The modules per respondent key, in the input's order. Keys are unique in batch mode; in stateless
     * mode a key given twice appears once, with its last allocation.
     */
    public Map<String, List<String>> byRespondent() {
        Map<String, List<String>> map = new LinkedHashMap<>(respondents.length * 2);
        for (int i = 0; i < respondents.length; i++) {
            map.put(respondents[i].key(), table[combos[i]].modules);
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * The audit per stratum with respondents: in the order of the institutions list and, within an
     * institution, of its locations.
     */
    public List<StratumSummary> strata() {
        return strata;
    }

    /** The audit of one stratum, if it has respondents. */
    public Optional<StratumSummary> stratum(String institution, String location) {
        requireNonNull(institution, "institution");
        requireNonNull(location, "location");
        return strata.stream()
                .filter(s -> s.institution().equals(institution) && s.location().equals(location))
                .findFirst();
    }

    /** One line per stratum: respondents, spreads, and the actual count of every module. */
    public String summary() {
        if (strata.isEmpty()) {
            return "no respondents\n";
        }
        List<String> modules = strata.get(0).modules().stream()
                .map(StratumSummary.ModuleCount::module)
                .toList();
        int institutionWidth = Math.max(
                11,
                strata.stream().mapToInt(s -> s.institution().length()).max().orElse(0));
        int locationWidth = Math.max(
                8, strata.stream().mapToInt(s -> s.location().length()).max().orElse(0));
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                Locale.ROOT,
                "%-" + institutionWidth + "s  %-" + locationWidth + "s  %11s  %6s  %6s",
                "institution",
                "location",
                "respondents",
                "spread",
                "pairs"));
        for (String module : modules) {
            text.append("  ").append(module);
        }
        text.append('\n');
        for (StratumSummary s : strata) {
            text.append(String.format(
                    Locale.ROOT,
                    "%-" + institutionWidth + "s  %-" + locationWidth + "s  %11d  %6d  %6d",
                    s.institution(),
                    s.location(),
                    s.respondents(),
                    s.spread(),
                    s.pairSpread()));
            for (int m = 0; m < modules.size(); m++) {
                String cell = String.valueOf(s.modules().get(m).actual());
                text.append("  ")
                        .append(" ".repeat(Math.max(0, modules.get(m).length() - cell.length())))
                        .append(cell);
            }
            text.append('\n');
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT, "Allocations[%s, %d respondents, %d strata]", mode.key(), size(), strata.size());
    }

    private final class View extends AbstractList<Allocation> implements RandomAccess {
        @Override
        public Allocation get(int index) {
            return Allocations.this.get(index);
        }

        @Override
        public int size() {
            return respondents.length;
        }
    }
}
