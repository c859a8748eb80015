package nl.peiling.stats.scores;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an aggregation produced: the input counts, the groups (national first) and the benchmarks.
 *
 * @param edition the edition id
 * @param input rows read, accepted and rejected
 * @param weighted whether post-stratification weights were used
 * @param minN the minimum group size below which figures are suppressed
 * @param groupings the groupings asked for (the national group is always there)
 * @param groups the groups: national first, then per grouping in key order
 * @param benchmarks each institution against the nation, per question and cluster
 * @param fingerprints what makes each question and cluster comparable with another results file
 *     (see {@link Fingerprints}); null in results written before they were recorded
 * @param caseMixFactors what the benchmarks' case-mix comparisons adjust for: {@code level}, {@code
 *     pathway} or both
 */
public record Results(
        String edition,
        Input input,
        boolean weighted,
        int minN,
        List<String> groupings,
        List<GroupResult> groups,
        List<BenchmarkFigures> benchmarks,
        List<String> caseMixFactors,
        Fingerprints fingerprints) {

    /**
     * Rows of the responses file.
     *
     * @param rows data rows read
     * @param accepted rows used
     * @param rejected rows rejected (see the rejects file)
     */
    public record Input(long rows, long accepted, long rejected) {}

    public Results {
        groupings = List.copyOf(groupings);
        groups = List.copyOf(groups);
        benchmarks = List.copyOf(benchmarks);
        caseMixFactors = caseMixFactors == null ? List.of() : List.copyOf(caseMixFactors);
    }

    /** The national group. */
    public GroupResult national() {
        return groups.get(0);
    }

    /** The group with exactly this key, if present. */
    public Optional<GroupResult> group(Map<String, String> key) {
        return groups.stream().filter(g -> g.key().equals(key)).findFirst();
    }

    /** A short summary for people: counts of rows, groups and suppressed groups. */
    public String summary() {
        long suppressed = groups.stream().filter(GroupResult::suppressed).count();
        return String.format(
                java.util.Locale.ROOT,
                "edition %s: %d %s read, %d accepted, %d rejected; %d %s (%d suppressed below n = %d)%s",
                edition,
                input.rows(),
                input.rows() == 1 ? "row" : "rows",
                input.accepted(),
                input.rejected(),
                groups.size(),
                groups.size() == 1 ? "group" : "groups",
                suppressed,
                minN,
                weighted ? ", weighted" : "");
    }

    @Override
    public String toString() {
        return "Results[" + summary() + "]";
    }
}
