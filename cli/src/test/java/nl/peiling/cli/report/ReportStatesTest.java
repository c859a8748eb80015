package nl.peiling.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.peiling.cli.SimulatedSurvey;
import nl.peiling.cli.report.Charts.Mark;
import nl.peiling.core.allocation.Institution;
import nl.peiling.core.allocation.Institutions;
import nl.peiling.core.catalog.Catalog;
import nl.peiling.core.model.Cluster;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.Language;
import nl.peiling.core.model.Module;
import nl.peiling.core.model.Question;
import nl.peiling.core.model.QuestionType;
import nl.peiling.stats.sampling.Barometer;
import nl.peiling.stats.sampling.BarometerRow;
import nl.peiling.stats.scores.BenchmarkFigures;
import nl.peiling.stats.scores.ClusterFigures;
import nl.peiling.stats.scores.GroupResult;
import nl.peiling.stats.scores.ItemFigures;
import nl.peiling.stats.scores.ResponseFigures;
import nl.peiling.stats.scores.Results;
import nl.peiling.stats.scores.ResultsFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's honesty without a browser, on a simulated institution that excluded a module: each state
 * of a figure not shown has its own words, none is ever drawn as a number, reverse-worded questions count
 * agreement as unfavourable, every question type but open text is there, and the response figures are
 * the barometer's.
 */
class ReportStatesTest {

    @TempDir
    static Path dir;

    static Path data;
    static Results results;
    static Edition edition;
    static Institution excluding;
    static String html;

    @BeforeAll
    static void report() throws IOException {
        data = SimulatedSurvey.write(dir.resolve("data"), 5, 10000, "states");
        results = ResultsFiles.readJson(SimulatedSurvey.aggregate(data, dir.resolve("results.json"), 60));
        edition = Catalog.load().edition("2027");
        excluding = Institutions.read(data.resolve("institutions.json")).stream()
                .filter(i -> !i.excluded().isEmpty())
                .findFirst()
                .orElseThrow(() -> new AssertionError("the simulation should have an institution that excludes"));
        html = Report.of(results, edition)
                .withNames(Names.of(results))
                .withInstitution(excluding.code())
                .html();
    }

    private static GroupResult own() {
        return results.group(Map.of("institution", excluding.code())).orElseThrow();
    }

    private static List<GroupResult> locations() {
        return results.groups().stream()
                .filter(g ->
                        g.key().size() == 2 && excluding.code().equals(g.key().get("institution")))
                .toList();
    }

    @Test
    void anExcludedModule_isNotAdministered_neverTooFewResponses() {
        for (String module : excluding.excluded()) {
            for (Cluster cluster : edition.module(module).orElseThrow().clusters()) {
                ClusterFigures figures = own().cluster(cluster.id()).orElseThrow();
                assertThat(figures.state()).isEqualTo("not-administered");
            }
        }
        int clusters = excluding.excluded().stream()
                .mapToInt(m -> edition.module(m).orElseThrow().clusters().size())
                .sum();
        assertThat(count(html, "<text[^>]*class=\"missing\"[^>]*>niet afgenomen</text>"))
                .as("own bars of the excluded modules' themes, and their differences")
                .isGreaterThanOrEqualTo(2 * clusters);
        assertThat(count(
                        html, "<p class=\"missing module-missing\" data-state=\"not-administered\">niet afgenomen</p>"))
                .as("one line per excluded module among the questions")
                .isEqualTo(excluding.excluded().size());
        assertThat(count(
                        html,
                        "<td class=\"number\" data-state=\"not-administered\"[^>]*><span class=\"missing\">"
                                + "niet afgenomen</span></td>"))
                .as("the whole institution and each location in the table by location")
                .isGreaterThanOrEqualTo(clusters * (1 + locations().size()));
    }

    @Test
    void noFigureThatIsNotShown_isEverDrawnAsANumber() {
        Matcher missing = Pattern.compile("<(text|span|p)[^>]*class=\"missing[^\"]*\"[^>]*>([^<]*)<")
                .matcher(html);
        int found = 0;
        while (missing.find()) {
            found++;
            assertThat(missing.group(2)).as("words in place of a figure").doesNotContainPattern("[0-9]");
        }
        assertThat(found).isPositive();

        // Own bars (with their value) exactly for the themes shown; none for the others.
        long shownClusters =
                own().clusters().stream().filter(c -> c.mean() != null).count();
        assertThat(count(html, "<rect[^>]*class=\"bar own\" data-value=\"[0-9.]+\""))
                .isEqualTo((int) shownClusters);

        // In the table by location, a figure cell per group and theme that is not shown says why.
        String groups = html.substring(html.indexOf("<section id=\"groups\""));
        List<GroupResult> columns = new ArrayList<>(List.of(results.national(), own()));
        columns.addAll(locations());
        int expected = 0;
        for (GroupResult column : columns) {
            expected += (int)
                    column.clusters().stream().filter(c -> c.mean() == null).count();
            expected += column.suppressed() ? 1 : 0; // the respondents row
        }
        assertThat(count(groups, "<td class=\"number\"[^>]*><span class=\"missing\">[^<0-9]+</span></td>"))
                .isEqualTo(expected);
        // Every cell of that table holds a number with two decimals, a count, or words without digits.
        Matcher cells = Pattern.compile("<td class=\"number\"[^>]*>(.*?)</td>").matcher(groups);
        while (cells.find()) {
            assertThat(cells.group(1)).matches("[0-9]+,[0-9]{2}|[0-9.]+|<span class=\"missing\">[^<0-9]+</span>");
        }
    }

    @Test
    void secondaryAndResponseRateSuppression_haveTheirOwnWords() {
        Words words = Words.in(Language.NL);
        Scope scope = new Scope(results, edition, Language.NL, excluding.code(), Names.none());
        assertThat(scope.missing(nl.peiling.stats.scores.FigureState.SUPPRESSED, "secondary"))
                .isEqualTo(words.get("state.secondary"))
                .isNotEqualTo(words.get("state.n"));
        assertThat(scope.missing(nl.peiling.stats.scores.FigureState.SUPPRESSED, "response-rate"))
                .isEqualTo("responspercentage te laag");
        assertThat(scope.missing(nl.peiling.stats.scores.FigureState.NO_ANSWERS, null))
                .isEqualTo("geen antwoorden");
        boolean secondary = results.groups().stream()
                .flatMap(g -> g.clusters().stream())
                .anyMatch(c -> "secondary".equals(c.suppressedBecause()));
        if (secondary) {
            String national = Report.of(results, edition).html();
            assertThat(national + html).contains("afgeschermd, anders herleidbaar");
        }
    }

    @Test
    void aReverseWordedQuestion_countsAgreementAsUnfavourable_andAHigherMeanAsWorse() {
        ItemFigures les03 = own().item("les03").orElseThrow();
        assertThat(les03.positive()).isNotNull();
        Words words = Words.in(Language.NL);
        int at = html.indexOf("id=\"item-les03-desc\">");
        assertThat(at).isPositive();
        String desc = html.substring(at, html.indexOf("</desc>", at));
        assertThat(desc)
                .contains(Names.of(results).shortName(excluding.code()) + ": " + words.percent(les03.positive())
                        + " ongunstig");
        assertThat(html).contains("omgekeerd gesteld: eens is ongunstig");

        BenchmarkFigures higher = new BenchmarkFigures(
                "X", "item", "les03", 100L, 3.5, 3.2, 3.3, 0.2, 0.001, true, 0.3, false, null, null);
        assertThat(Scope.mark(higher, true)).isEqualTo(Mark.WORSE);
        assertThat(Scope.mark(higher, false)).isEqualTo(Mark.BETTER);
    }

    @Test
    void everyQuestionType_isShown_butOpenTextNever() {
        GroupResult own = own();
        int choices = 0;
        int numbers = 0;
        for (Module module : edition.modules()) {
            if (excluding.excluded().contains(module.id())) {
                continue;
            }
            boolean administered = module.questions().stream()
                    .anyMatch(q -> own.item(q.id())
                            .map(i -> !i.state().equals("not-administered"))
                            .orElse(false));
            for (Question question : module.questions()) {
                if (question.type() == QuestionType.TEXT) {
                    assertThat(html).doesNotContain(question.id());
                } else if (administered
                        && (question.type() == QuestionType.SINGLE || question.type() == QuestionType.MULTI)) {
                    choices++;
                } else if (administered && question.type() == QuestionType.NUMBER) {
                    numbers++;
                }
            }
        }
        assertThat(count(html, "<figure class=\"chart-figure item choice\">")).isEqualTo(choices);
        assertThat(count(html, "<figure class=\"chart-figure item number\">")).isEqualTo(numbers);
        assertThat(choices).isPositive();
        assertThat(numbers).isPositive();
    }

    @Test
    void theResponseFigures_areTheBarometers_overTheSameFiles() {
        Barometer barometer = Barometer.read(data.resolve("population.csv"), data.resolve("responses.csv"), edition);
        List<BarometerRow> rows = barometer.rows();
        assertThat(results.response()).hasSameSizeAs(rows);
        for (int r = 0; r < rows.size(); r++) {
            assertThat(results.response().get(r)).isEqualTo(ResponseFigures.of(rows.get(r)));
        }
        ResponseFigures row = results.response().stream()
                .filter(f -> f.institution().equals(excluding.code()) && f.location() == null)
                .findFirst()
                .orElseThrow();
        Words words = Words.in(Language.NL);
        assertThat(html)
                .contains(
                        "Responspercentage",
                        words.decimal(100 * row.responseRate(), 1) + " %",
                        words.count(row.net()),
                        row.reached() ? "✓ gehaald" : "nog niet")
                .doesNotContain("Deel van vereiste netto 2");
    }

    private static int count(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
