package nl.peiling.stats.sampling;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One module of one institution in the response barometer: the respondents allocated that module against the
 * required net sample size of the module's population.
 *
 * <p>The module's population is the part of the institution's students that the module reaches: the institution's
 * population N times the module's allocation share, the respondents allocated the module divided by all respondents
 * of the institution so far, rounded half up to a whole student: {@code round(N · allocated / responses)}. A chosen
 * module (share 1) thus has the institution's population; a module allocated at random to a third of the respondents
 * has about N/3.
 *
 * @param institution the institution code
 * @param module the module id
 * @param share the allocation share, allocated / responses of the institution, 0..1
 * @param population the module's population, round(N × share)
 * @param responses the respondents allocated the module
 * @param net the required net sample size of the module's population; 0 when that population is 0
 * @param gross the gross sample size of the module's population; 0 when that population is 0
 * @param percentOfNet 100 × responses / net; 100 when net = 0
 * @param reached whether responses &gt;= net
 */
public record ModuleRow(
        String institution,
        String module,
        double share,
        long population,
        long responses,
        long net,
        long gross,
        double percentOfNet,
        boolean reached) {

    public ModuleRow {
        requireNonNull(institution, "institution");
        requireNonNull(module, "module");
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "share (%s) must be >= 0 and <= 1", SampleSize.show(share)));
        }
        Rows.requireCounts(population, responses, net, gross);
    }

    /**
     * The row of a module allocated to {@code allocated} of the institution's {@code respondents}, in an institution
     * of {@code institutionPopulation} students.
     */
    static ModuleRow of(
            String institution,
            String module,
            long institutionPopulation,
            long respondents,
            long allocated,
            SampleSize size) {
        // round(N · a / r) half up, in integers: floor((2·N·a + r) / (2·r)).
        long population =
                Math.addExact(Math.multiplyExact(Math.multiplyExact(2, institutionPopulation), allocated), respondents)
                        / Math.multiplyExact(2, respondents);
        long net = population == 0 ? 0 : size.net(population);
        return new ModuleRow(
                institution,
                module,
                (double) allocated / respondents,
                population,
                allocated,
                net,
                size.grossOfNet(net),
                Rows.percent(allocated, net),
                allocated >= net);
    }

    /** A compact line, e.g. {@code 25LZ llo: 40 of net 197 (20.3 %), share 0.400, population 400}. */
    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%s %s: %d of net %d (%.1f %%), share %.3f, population %d",
                institution,
                module,
                responses,
                net,
                percentOfNet,
                share,
                population);
    }

    /** The row as the barometer JSON's {@code modules[]} entry. */
    public Map<String, Object> asMap() {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("institution", institution());
        entry.put("module", module());
        entry.put("share", share());
        entry.put("population", population());
        entry.put("responses", responses());
        entry.put("net", net());
        entry.put("gross", gross());
        entry.put("percentOfNet", percentOfNet());
        entry.put("reached", reached());
        return entry;
    }
}
