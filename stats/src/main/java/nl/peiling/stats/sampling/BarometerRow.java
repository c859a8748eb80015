package nl.peiling.stats.sampling;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One line of the response barometer: the responses of an institution, or of one of its locations, against the
 * required net sample size of its population.
 *
 * @param institution the institution code
 * @param location the location code, or {@code null} on the institution's total row
 * @param population N, the enrolled students
 * @param responses the respondents so far
 * @param net the required net sample size {@link SampleSize#net(long) net(N)}; 0 when N = 0
 * @param gross the gross sample size {@link SampleSize#gross(long) gross(N)}; 0 when N = 0
 * @param percentOfNet 100 × responses / net; 100 when net = 0 (nothing is required, so the requirement is met)
 * @param reached whether responses &gt;= net
 */
public record BarometerRow(
        String institution,
        String location,
        long population,
        long responses,
        long net,
        long gross,
        double percentOfNet,
        boolean reached) {

    public BarometerRow {
        requireNonNull(institution, "institution");
        Rows.requireCounts(population, responses, net, gross);
    }

    /** The row of a group with population N and n responses under the given parameters. */
    static BarometerRow of(String institution, String location, long population, long responses, SampleSize size) {
        long net = population == 0 ? 0 : size.net(population);
        long gross = size.grossOfNet(net);
        return new BarometerRow(
                institution,
                location,
                population,
                responses,
                net,
                gross,
                Rows.percent(responses, net),
                responses >= net);
    }

    /** Whether this is an institution's total row rather than a location row. */
    public boolean isInstitutionTotal() {
        return location == null;
    }

    /** A compact line, e.g. {@code 25LZ/01: 120 of net 260 (46.2 %), population 800}. */
    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%s%s: %d of net %d (%.1f %%), population %d",
                institution,
                location == null ? "" : "/" + location,
                responses,
                net,
                percentOfNet,
                population);
    }

    /** The row with the keys of SPEC section 7's barometer JSON, in that order, plus {@code reached}. */
    public Map<String, Object> asMap() {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("institution", institution());
        entry.put("location", location());
        entry.put("population", population());
        entry.put("responses", responses());
        entry.put("net", net());
        entry.put("gross", gross());
        entry.put("percentOfNet", percentOfNet());
        entry.put("reached", reached());
        return entry;
    }
}
