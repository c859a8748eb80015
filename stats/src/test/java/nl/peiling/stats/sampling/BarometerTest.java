package nl.peiling.stats.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The barometer on a small example calculated by hand (net sizes from SPEC section 4 at z = 1.96, p = 50, e = 5):
 *
 * <pre>
 * 25LZ/01  N = 600 + 200 = 800  raw 259.75 → net 260, gross 286   130 responses  50.0 %
 * 25LZ/02  N = 200              raw 131.75 → net 132, gross 146    30 responses  22.727 %
 * 25LZ     N = 1000             raw 277.74 → net 278, gross 306   160 responses  57.554 %
 * 30AB/01  N = 50               raw 44.34  → net 45,  gross 50     45 responses  100 %, reached
 * modules of 25LZ (160 respondents):
 *   basis, llo  160 → share 1,    N 1000, net 278, 57.554 %
 *   stage        40 → share 0.25, N 250 (raw 151.68 → net 152, gross 168), 26.316 %
 *   welzijn      80 → share 0.5,  N 500 (net 218, gross 240), 36.697 %
 * </pre>
 */
class BarometerTest {

    private static final double PERCENT = 1e-9;

    @TempDir
    Path dir;

    private Path population() throws IOException {
        return write(
                "population.csv",
                "institution,location,level,pathway,population",
                "25LZ,01,4,BOL,600",
                "25LZ,01,3,BBL,200",
                "25LZ,02,2,BOL,200",
                "30AB,01,4,BOL,50");
    }

    private Path responses() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("respondent,institution,location,level,pathway,modules,opl01,alg02");
        for (int i = 0; i < 160; i++) {
            String modules = "basis|llo" + (i % 4 == 0 ? "|stage" : "") + (i % 2 == 1 ? "|welzijn" : "");
            if (i == 7) {
                // A module listed twice still counts once for the respondent.
                modules = "basis|llo|llo|welzijn";
            }
            String location = i < 130 ? "01" : "02";
            // Quoted cells with commas, quotes and a line break must not disturb the counting.
            String text = i == 3 ? "\"Fijn, echt \"\"top\"\"\nTweede regel\"" : "ok";
            lines.add(String.format("r%03d,25LZ,%s,4,BOL,%s,4,%s", i, location, modules, text));
        }
        for (int i = 0; i < 45; i++) {
            lines.add(String.format("s%03d,30AB,01,4,BOL,basis,5,", i));
        }
        return write("responses.csv", lines.toArray(String[]::new));
    }

    private Path write(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void read_handCalculatedExample_givesInstitutionAndLocationRows() throws IOException {
        Barometer barometer = Barometer.read(population(), responses(), CountedResponsesTest.EDITION);

        assertThat(barometer.rows())
                .extracting(
                        BarometerRow::institution,
                        BarometerRow::location,
                        BarometerRow::population,
                        BarometerRow::responses,
                        BarometerRow::net,
                        BarometerRow::gross,
                        BarometerRow::reached)
                .containsExactly(
                        tuple("25LZ", null, 1000L, 160L, 278L, 306L, false),
                        tuple("25LZ", "01", 800L, 130L, 260L, 286L, false),
                        tuple("25LZ", "02", 200L, 30L, 132L, 146L, false),
                        tuple("30AB", null, 50L, 45L, 45L, 50L, true),
                        tuple("30AB", "01", 50L, 45L, 45L, 50L, true));
        assertThat(barometer.rows())
                .extracting(BarometerRow::percentOfNet)
                .satisfiesExactly(
                        p -> assertThat(p).isCloseTo(100.0 * 160 / 278, within(PERCENT)),
                        p -> assertThat(p).isCloseTo(50.0, within(PERCENT)),
                        p -> assertThat(p).isCloseTo(22.727272727, within(1e-6)),
                        p -> assertThat(p).isEqualTo(100.0),
                        p -> assertThat(p).isEqualTo(100.0));
        assertThat(barometer.rows(Barometer.By.INSTITUTION))
                .extracting(BarometerRow::institution)
                .containsExactly("25LZ", "30AB");
        assertThat(barometer.institution("30AB"))
                .hasValueSatisfying(row -> assertThat(row.reached()).isTrue());
        assertThat(barometer).hasToString("Barometer[2 institutions, 3 locations, 5 module rows; 2 of 5 rows reached]");
    }

    @Test
    void read_handCalculatedExample_givesModuleRowsAgainstTheModulesPopulation() throws IOException {
        Barometer barometer = Barometer.read(population(), responses(), CountedResponsesTest.EDITION);

        assertThat(barometer.modules())
                .extracting(
                        ModuleRow::institution,
                        ModuleRow::module,
                        ModuleRow::share,
                        ModuleRow::population,
                        ModuleRow::responses,
                        ModuleRow::net,
                        ModuleRow::gross,
                        ModuleRow::reached)
                .containsExactly(
                        tuple("25LZ", "basis", 1.0, 1000L, 160L, 278L, 306L, false),
                        tuple("25LZ", "llo", 1.0, 1000L, 160L, 278L, 306L, false),
                        tuple("25LZ", "stage", 0.25, 250L, 40L, 152L, 168L, false),
                        tuple("25LZ", "welzijn", 0.5, 500L, 80L, 218L, 240L, false),
                        tuple("30AB", "basis", 1.0, 50L, 45L, 45L, 50L, true));
        assertThat(barometer.modules().get(2).percentOfNet()).isCloseTo(100.0 * 40 / 152, within(PERCENT));
        assertThat(barometer.modules().get(3).percentOfNet()).isCloseTo(100.0 * 80 / 218, within(PERCENT));
    }

    @Test
    void summary_handCalculatedExample_isAnAlignedTable() throws IOException {
        String summary = Barometer.read(population(), responses(), CountedResponsesTest.EDITION)
                .summary();

        assertThat(summary)
                .startsWith(String.join(
                        "\n",
                        "institution  location  population  responses  net  gross  % of net  reached",
                        "25LZ         (all)           1000        160  278    306      57.6  no",
                        "25LZ         01               800        130  260    286      50.0  no",
                        "25LZ         02               200         30  132    146      22.7  no",
                        "30AB         (all)             50         45   45     50     100.0  yes",
                        "30AB         01                50         45   45     50     100.0  yes",
                        "",
                        "institution  module   share %  population  responses  net  gross  % of net  reached",
                        "25LZ         basis      100.0        1000        160  278    306      57.6  no"));
    }

    @Test
    void of_vendorCounts_equalTheCountsReadFromTheFile() throws IOException {
        Population population = Population.read(population());
        ResponseCounts counts = ResponseCounts.of(
                Map.of("25LZ", Map.of("01", 130L, "02", 30L), "30AB", Map.of("01", 45L)),
                Map.of(
                        "25LZ", Map.of("basis", 160L, "llo", 160L, "stage", 40L, "welzijn", 80L),
                        "30AB", Map.of("basis", 45L)));

        assertThat(counts)
                .isEqualTo(CountedResponses.read(responses(), population, CountedResponsesTest.EDITION)
                        .counts());
        assertThat(Barometer.of(population, counts).rows())
                .isEqualTo(Barometer.read(population(), responses(), CountedResponsesTest.EDITION)
                        .rows());
    }

    @Test
    void of_locationWithoutResponses_isARowWithZeroResponses() throws IOException {
        Population population = Population.read(population());
        Barometer barometer = Barometer.of(population, ResponseCounts.of(Map.of("25LZ", Map.of("02", 12L))));

        assertThat(barometer.rows()).hasSize(5);
        assertThat(barometer.rows().get(1)).hasToString("25LZ/01: 0 of net 260 (0.0 %), population 800");
        assertThat(barometer.modules()).isEmpty();
    }

    @Test
    void of_zeroPopulation_requiresNothing() {
        Population population = Population.of(Map.of("25LZ", Map.of("01", 0L, "02", 10L)));
        Barometer barometer = Barometer.of(population, ResponseCounts.of(Map.of()));

        BarometerRow empty = barometer.rows().get(1);
        assertThat(empty.net()).isZero();
        assertThat(empty.gross()).isZero();
        assertThat(empty.percentOfNet()).isEqualTo(100.0);
        assertThat(empty.reached()).isTrue();
        assertThat(barometer.rows().get(0).net()).isEqualTo(10);
    }

    @Test
    void of_otherParameters_changeTheRequiredSizes() throws IOException {
        Population population = Population.read(population());
        Barometer barometer = Barometer.of(
                population, ResponseCounts.of(Map.of()), SampleSize.standard().withConfidence(99));

        assertThat(barometer.institution("25LZ"))
                .hasValueSatisfying(row -> assertThat(row.net()).isEqualTo(400));
    }

    @Test
    void of_unknownLocationInCounts_isABarometerExceptionNamingIt() throws IOException {
        Population population = Population.read(population());
        ResponseCounts counts = ResponseCounts.of(Map.of("25LZ", Map.of("09", 3L)));

        assertThatThrownBy(() -> Barometer.of(population, counts))
                .isInstanceOf(BarometerException.class)
                .hasMessage("location \"09\": unknown location of institution \"25LZ\", not in the population"
                        + " (known: 01, 02)");
    }

    @Test
    void responseCounts_zeroCounts_areLeftOutSoValuesCompareEqual() {
        ResponseCounts withZeros =
                ResponseCounts.of(Map.of("25LZ", Map.of("01", 0L, "02", 4L), "30AB", Map.of("01", 0L)));

        assertThat(withZeros).isEqualTo(ResponseCounts.of(Map.of("25LZ", Map.of("02", 4L))));
        assertThat(withZeros.responses("25LZ", "01")).isZero();
        assertThat(withZeros.responses("30AB")).isZero();
    }

    @Test
    void moduleRow_population_isRoundedHalfUp() {
        SampleSize size = SampleSize.standard();
        assertThat(ModuleRow.of("X", "m", 1000, 3, 1, size).population()).isEqualTo(333);
        assertThat(ModuleRow.of("X", "m", 1001, 2, 1, size).population()).isEqualTo(501);
        assertThat(ModuleRow.of("X", "m", 1000, 3, 1, size).net()).isEqualTo(179);
        assertThat(ModuleRow.of("X", "m", 1, 3, 1, size).population()).isZero();
    }

    @Test
    void tally_mergedParts_equalOnePass() {
        ResponseTally whole = new ResponseTally();
        ResponseTally first = new ResponseTally();
        ResponseTally second = new ResponseTally();
        for (int i = 0; i < 50; i++) {
            List<String> modules = i % 3 == 0 ? List.of("basis", "llo") : List.of("basis");
            whole.add("25LZ", i % 2 == 0 ? "01" : "02", modules);
            (i < 20 ? first : second).add("25LZ", i % 2 == 0 ? "01" : "02", modules);
        }
        ResponseCounts merged = first.merge(second).snapshot();

        assertThat(merged).isEqualTo(whole.snapshot());
        assertThat(merged.responses("25LZ")).isEqualTo(50);
        assertThat(merged.allocated("25LZ", "llo")).isEqualTo(17);
        assertThat(merged).hasToString("ResponseCounts[1 institutions, 50 respondents, 2 modules]");
    }

    @Test
    void responseCounts_moreAllocatedThanRespondents_isRejected() {
        assertThatThrownBy(() -> ResponseCounts.of(Map.of("25LZ", Map.of("01", 3L)), Map.of("25LZ", Map.of("llo", 4L))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("allocated 25LZ/llo (4) must be <= the respondents of institution 25LZ (3)");
        assertThatThrownBy(() -> ResponseCounts.of(Map.of("25LZ", Map.of("01", -1L))))
                .hasMessage("responses 25LZ/01 (-1) must be >= 0");
    }

    @Test
    void population_readsWithByteOrderMarkAndColumnsInAnyOrder() throws IOException {
        Path file = write(
                "population.csv",
                "\uFEFFpopulation,pathway,level,location,institution,remark",
                "10,BOL,4,01,25LZ,x",
                "5,BBL,4,01,25LZ,y",
                "0,BOL,2,02,25LZ,z");

        Population population = Population.read(file);

        assertThat(population.of("25LZ", "01")).isEqualTo(15);
        assertThat(population.of("25LZ", "02")).isZero();
        assertThat(population.of("25LZ")).isEqualTo(15);
        assertThat(population).hasToString("Population[1 institutions, 2 locations, 15 students]");
    }

    @Test
    void population_nonNumericValue_namesFileLineColumnAndValue() throws IOException {
        Path file = write(
                "population.csv",
                "institution,location,level,pathway,population",
                "25LZ,01,4,BOL,12",
                "25LZ,02,4,BOL,veel");

        BarometerException e = catchThrowableOfType(BarometerException.class, () -> Population.read(file));

        assertThat(e).hasMessage(file + ":3: population \"veel\": must be a whole number >= 0");
        assertThat(e.file()).isEqualTo(file.toString());
        assertThat(e.line()).isEqualTo(3L);
        assertThat(e.column()).isEqualTo("population");
        assertThat(e.value()).isEqualTo("veel");
    }

    @Test
    void population_negativeValue_isRejected() throws IOException {
        Path file = write("population.csv", "institution,location,level,pathway,population", "25LZ,01,4,BOL,-3");

        assertThatThrownBy(() -> Population.read(file))
                .isInstanceOf(BarometerException.class)
                .hasMessage(file + ":2: population \"-3\": must be a whole number >= 0");
    }

    @Test
    void population_missingColumn_namesTheColumnAndTheHeader() throws IOException {
        Path file = write("population.csv", "institution,location,level,population", "25LZ,01,4,12");

        assertThatThrownBy(() -> Population.read(file))
                .isInstanceOf(BarometerException.class)
                .hasMessage(file + ":1: pathway: missing column (required: institution, location, level, pathway,"
                        + " population; header: institution, location, level, population)");
    }

    @Test
    void population_repeatedCell_isRejected() throws IOException {
        Path file = write(
                "population.csv",
                "institution,location,level,pathway,population",
                "25LZ,01,4,BOL,12",
                "25LZ,01,4,BOL,3");

        assertThatThrownBy(() -> Population.read(file))
                .hasMessage(file + ":3: cell 25LZ/01/4/BOL appears twice (each institution, location, level and"
                        + " pathway once)");
    }

    @Test
    void population_headerOnly_isRejected() throws IOException {
        Path file = write("population.csv", "institution,location,level,pathway,population");

        assertThatThrownBy(() -> Population.read(file))
                .hasMessage(file + ": no data rows: a population needs >= 1 location");
    }

    @Test
    void population_missingFile_isABarometerException() {
        Path file = dir.resolve("nothing.csv");

        assertThatThrownBy(() -> Population.read(file))
                .isInstanceOf(BarometerException.class)
                .hasMessage(file + ": cannot read: no such file");
    }

    @Test
    void negativeCounts_areRejectedNamingTheCountAndItsValue() {
        ResponseTally tally = new ResponseTally();
        assertThatThrownBy(() -> tally.addResponses("25LZ", "01", -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("responses (-1) must be >= 0");
        assertThatThrownBy(() -> tally.addAllocated("25LZ", "llo", -2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("allocated (-2) must be >= 0");
        assertThat(tally.snapshot().responses()).as("nothing counted").isEmpty();
        assertThatThrownBy(() -> new BarometerRow("25LZ", "01", -5, 0, 0, 0, 100.0, true))
                .hasMessage("population (-5) must be >= 0");
        assertThatThrownBy(() -> new BarometerRow("25LZ", "01", 5, -1, 0, 0, 100.0, true))
                .hasMessage("responses (-1) must be >= 0");
        assertThatThrownBy(() -> new BarometerRow("25LZ", "01", 5, 1, -3, 0, 100.0, true))
                .hasMessage("net (-3) must be >= 0");
        assertThatThrownBy(() -> new BarometerRow("25LZ", "01", 5, 1, 3, -4, 33.3, false))
                .hasMessage("gross (-4) must be >= 0");
        assertThatThrownBy(() -> new ModuleRow("25LZ", "llo", 0.5, -1, 0, 0, 0, 100.0, true))
                .hasMessage("population (-1) must be >= 0");
        assertThatThrownBy(() -> new ModuleRow("25LZ", "llo", 1.5, 10, 0, 0, 0, 100.0, true))
                .hasMessage("share (1.5) must be >= 0 and <= 1");
    }
}
