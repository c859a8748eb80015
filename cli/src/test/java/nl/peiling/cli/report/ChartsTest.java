package nl.peiling.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import j2html.tags.DomContent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import nl.peiling.cli.report.Charts.Axis;
import nl.peiling.cli.report.Charts.Bar;
import nl.peiling.cli.report.Charts.BarGroup;
import nl.peiling.cli.report.Charts.Difference;
import nl.peiling.cli.report.Charts.Mark;
import nl.peiling.cli.report.Charts.Meter;
import nl.peiling.cli.report.Charts.Series;
import nl.peiling.cli.report.Charts.Shares;
import nl.peiling.core.model.Language;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Golden checks of the charts' SVG geometry: the plot area runs from x = 170 over 460 units, so on the
 * 1–5 scale a mean of 4.0 is a bar of 345 units (75 %), its interval 3.8–4.2 has whiskers at x = 492 and
 * 538, and stacked shares fill the 460 units exactly.
 */
class ChartsTest {

    private static final Charts DUTCH = Charts.of(Words.in(Language.NL));
    private static final Axis ONE_TO_FIVE = new Axis(1, 5);

    @Test
    void meanBars_meanFourOnOneToFive_isThreeQuartersOfTheAxis() {
        Document svg = parse(DUTCH.meanBars(
                "c",
                "Thema's",
                ONE_TO_FIVE,
                List.of(group(
                        "De opleiding",
                        new Bar("10AD", Series.OWN, 4.0, 3.8, 4.2, Mark.NONE, null),
                        new Bar("Landelijk", Series.NATIONAL, 3.0, 2.9, 3.1, Mark.NONE, null)))));

        Element own = only(svg, "rect", "bar own");
        assertThat(number(own, "x")).isEqualTo(170.0);
        assertThat(number(own, "width")).isEqualTo(345.0);
        assertThat(number(own, "width") / Charts.AXIS_WIDTH).isEqualTo(0.75);
        Element national = only(svg, "rect", "bar national");
        assertThat(number(national, "width")).isEqualTo(230.0);
        assertThat(national.getAttribute("fill")).isEqualTo("url(#c-hatch)");
    }

    @Test
    void meanBars_whiskersStandAtTheIntervalEnds() {
        Document svg = parse(DUTCH.meanBars(
                "c",
                "t",
                ONE_TO_FIVE,
                List.of(group("Docenten", new Bar("10AD", Series.OWN, 4.0, 3.8, 4.2, Mark.NONE, null)))));

        Element line = only(svg, "line", "whisker-line");
        assertThat(number(line, "x1")).isEqualTo(492.0);
        assertThat(number(line, "x2")).isEqualTo(538.0);
        assertThat(number(only(svg, "line", "whisker-low"), "x1")).isEqualTo(492.0);
        assertThat(number(only(svg, "line", "whisker-high"), "x1")).isEqualTo(538.0);
        Element bar = only(svg, "rect", "bar own");
        double middle = number(bar, "y") + number(bar, "height") / 2;
        assertThat(number(line, "y1")).isEqualTo(middle);
    }

    @Test
    void meanBars_gridlinesAtEveryScalePoint() {
        Document svg = parse(DUTCH.meanBars(
                "c",
                "t",
                ONE_TO_FIVE,
                List.of(group("x", new Bar("a", Series.OWN, 2.0, null, null, Mark.NONE, null)))));

        List<Double> xs = new ArrayList<>();
        for (Element line : elements(svg, "line", "gridline")) {
            xs.add(number(line, "x1"));
        }
        assertThat(xs).containsExactly(170.0, 285.0, 400.0, 515.0, 630.0);
        assertThat(elements(svg, "line", "whisker-line"))
                .as("no interval, no whisker")
                .isEmpty();
    }

    /** 1,000 means from 1 to 5, the bounds first; quicktheories shrinks a failing mean and reports its seed. */
    @Test
    void meanBars_barLengthFollowsTheValue() {
        qt().withExamples(1000).forAll(doubles().between(1, 5)).checkAssert(mean -> {
            Document svg = parse(DUTCH.meanBars(
                    "p",
                    "t",
                    ONE_TO_FIVE,
                    List.of(group("x", new Bar("a", Series.OWN, mean, null, null, Mark.NONE, null)))));

            assertThat(number(only(svg, "rect", "bar own"), "width"))
                    .isCloseTo((mean - 1) / 4 * Charts.AXIS_WIDTH, within(0.005));
        });
    }

    @Test
    void meanBars_onAGradeAxis_scalesToItsRange() {
        Document svg = parse(DUTCH.meanBars(
                "g",
                "t",
                new Axis(1, 10),
                List.of(group("Rapportcijfer", new Bar("10AD", Series.OWN, 7.3, null, null, Mark.NONE, null)))));

        assertThat(number(only(svg, "rect", "bar own"), "width")).isEqualTo(322.0);
    }

    @Test
    void meanBars_valuesOutsideTheAxis_areClampedToIt() {
        Document svg = parse(DUTCH.meanBars(
                "c", "t", ONE_TO_FIVE, List.of(group("x", new Bar("a", Series.OWN, 5.0, 4.9, 5.3, Mark.NONE, null)))));

        assertThat(number(only(svg, "rect", "bar own"), "width")).isEqualTo(460.0);
        assertThat(number(only(svg, "line", "whisker-line"), "x2")).isEqualTo(630.0);
    }

    @Test
    void meanBars_suppressedFigure_saysTooFewResponsesAndDrawsNoBar() {
        Document svg = parse(DUTCH.meanBars(
                "c",
                "t",
                ONE_TO_FIVE,
                List.of(group(
                        "Betaalbaarheid",
                        Bar.missing("13AY", Series.OWN, "te weinig respons"),
                        new Bar("Landelijk", Series.NATIONAL, 3.58, 3.55, 3.61, Mark.NONE, null)))));

        assertThat(elements(svg, "rect", "bar own")).isEmpty();
        assertThat(elements(svg, "rect", "bar national")).hasSize(1);
        Element suppressed = only(svg, "text", "missing");
        assertThat(suppressed.getTextContent()).isEqualTo("te weinig respons");
        assertThat(texts(svg)).doesNotContain("0,00", "0");
        assertThat(only(svg, "desc", null).getTextContent()).contains("13AY te weinig respons");
    }

    @Test
    void meanBars_missingFigure_saysTheWordsItIsGiven() {
        Document svg = parse(Charts.of(Words.in(Language.EN))
                .meanBars(
                        "c",
                        "t",
                        ONE_TO_FIVE,
                        List.of(group("x", Bar.missing("13AY", Series.OWN, "not administered")))));

        assertThat(only(svg, "text", "missing").getTextContent()).isEqualTo("not administered");
    }

    @Test
    void meanBars_significantDifference_isMarkedAfterTheValue() {
        Document svg = parse(DUTCH.meanBars(
                "c",
                "t",
                ONE_TO_FIVE,
                List.of(
                        group("hoger", new Bar("a", Series.OWN, 3.8, 3.7, 3.9, Mark.BETTER, null)),
                        group("lager", new Bar("a", Series.OWN, 3.2, 3.1, 3.3, Mark.WORSE, null)),
                        group("gelijk", new Bar("a", Series.OWN, 3.5, 3.4, 3.6, Mark.NONE, null)))));

        List<String> values = new ArrayList<>();
        for (Element value : elements(svg, "text", "value")) {
            values.add(value.getTextContent());
        }
        assertThat(values).containsExactly("3,80 ▲", "3,20 ▼", "3,50");
        assertThat(only(svg, "tspan", "mark better").getTextContent()).isEqualTo(" ▲");
        assertThat(only(svg, "desc", null).getTextContent())
                .contains("a 3,80 (95 %-interval 3,70 tot 3,90), significant beter dan landelijk");
    }

    @Test
    void meanBars_isAnAccessibleImage() {
        Document svg = parse(DUTCH.meanBars(
                "clusters-basis",
                "Gemiddelde per thema: Basis",
                ONE_TO_FIVE,
                List.of(group("De opleiding", new Bar("10AD", Series.OWN, 3.45, 3.41, 3.49, Mark.NONE, null)))));

        Element root = svg.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("svg");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-label")).isEqualTo("Gemiddelde per thema: Basis");
        assertThat(root.getAttribute("aria-describedby")).isEqualTo("clusters-basis-desc");
        assertThat(root.getAttribute("viewBox")).startsWith("0 0 760 ");
        Element first = (Element) root.getElementsByTagName("*").item(0);
        assertThat(first.getTagName()).isEqualTo("title");
        assertThat(first.getTextContent()).isEqualTo("Gemiddelde per thema: Basis");
        assertThat(only(svg, "desc", null).getAttribute("id")).isEqualTo("clusters-basis-desc");
        assertThat(only(svg, "desc", null).getTextContent())
                .isEqualTo("De opleiding: 10AD 3,45 (95 %-interval 3,41 tot 3,49).");
    }

    @Test
    void meanBars_escapesTextAndAttributes() {
        String label = "<script>alert('x')</script> & \"co\"";
        String html = DUTCH.meanBars(
                        "c",
                        label,
                        ONE_TO_FIVE,
                        List.of(group(label, new Bar(label, Series.OWN, 3.0, null, null, Mark.NONE, null))))
                .render();

        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;");
        Document svg = parse(html);
        assertThat(only(svg, "text", "group-title").getTextContent()).isEqualTo(label);
        assertThat(svg.getDocumentElement().getAttribute("aria-label")).isEqualTo(label);
    }

    @Test
    void stackedBars_segmentsFillTheAxisAndFollowTheShares() {
        Document svg = parse(DUTCH.stackedBars(
                "i",
                "Mijn opleiding past bij mij.",
                List.of(new Shares("10AD", Series.OWN, 0.2, 0.3, 0.5, 3.4, Mark.NONE, null))));

        List<Element> segments = elements(svg, "rect", "segment");
        assertThat(segments).hasSize(3);
        assertThat(segments)
                .extracting(e -> e.getAttribute("class"))
                .containsExactly("segment negative", "segment neutral", "segment positive");
        assertThat(segments).extracting(e -> number(e, "width")).containsExactly(92.0, 138.0, 230.0);
        assertThat(number(segments.get(0), "x")).isEqualTo(170.0);
        assertThat(number(segments.get(1), "x")).isEqualTo(262.0);
        assertThat(number(segments.get(2), "x")).isEqualTo(400.0);
        assertThat(segments)
                .extracting(e -> e.getAttribute("fill"))
                .containsExactly(Charts.NEGATIVE_COLOUR, Charts.NEUTRAL_COLOUR, Charts.POSITIVE_COLOUR);
        List<String> labels = new ArrayList<>();
        for (Element label : elements(svg, "text", "segment-label")) {
            labels.add(label.getTextContent());
        }
        assertThat(labels).containsExactly("20%", "30%", "50%");
        assertThat(only(svg, "text", "value").getTextContent()).isEqualTo("gem. 3,40");
    }

    /**
     * 1,000 shares, negative and neutral from 0 to 1, positive from 0.01 to 1, all at their lower and all at their upper
     * bounds first; quicktheories shrinks a failing case and reports its seed.
     */
    @Test
    void stackedBars_segmentsAlwaysSumToTheFullWidth() {
        qt().withExamples(1000)
                .forAll(
                        doubles().between(0, 1),
                        doubles().between(0, 1),
                        doubles().between(0.01, 1))
                .checkAssert(ChartsTest::stackedBars_segmentsAlwaysSumToTheFullWidth);
    }

    private static void stackedBars_segmentsAlwaysSumToTheFullWidth(double negative, double neutral, double positive) {
        Document svg = parse(DUTCH.stackedBars(
                "p",
                "t",
                List.of(new Shares("a", Series.NATIONAL, negative, neutral, positive, null, Mark.NONE, null))));

        List<Element> segments = elements(svg, "rect", "segment");
        double total = negative + neutral + positive;
        double sum = 0;
        double x = Charts.AXIS_X;
        for (int i = 0; i < 3; i++) {
            assertThat(number(segments.get(i), "x")).isCloseTo(x, within(1e-9));
            x += number(segments.get(i), "width");
            sum += number(segments.get(i), "width");
        }
        assertThat(sum).isCloseTo(Charts.AXIS_WIDTH, within(1e-9));
        assertThat(number(segments.get(2), "width")).isCloseTo(positive / total * Charts.AXIS_WIDTH, within(0.02));
    }

    @Test
    void stackedBars_sharesNotAddingUpToOne_areScaledToIt() {
        Document svg = parse(DUTCH.stackedBars(
                "i", "t", List.of(new Shares("a", Series.OWN, 0.1, 0.1, 0.2, null, Mark.NONE, null))));

        assertThat(elements(svg, "rect", "segment"))
                .extracting(e -> number(e, "width"))
                .containsExactly(115.0, 115.0, 230.0);
    }

    @Test
    void stackedBars_suppressedRow_saysTooFewResponsesAndDrawsNoSegments() {
        Document svg = parse(DUTCH.stackedBars(
                "i",
                "t",
                List.of(
                        Shares.missing("13AY", Series.OWN, "te weinig respons"),
                        new Shares("Landelijk", Series.NATIONAL, 0.2, 0.3, 0.5, 3.5, Mark.NONE, null))));

        assertThat(elements(svg, "rect", "segment")).hasSize(3);
        assertThat(elements(svg, "g", "stack own")).isEmpty();
        assertThat(only(svg, "text", "missing").getTextContent()).isEqualTo("te weinig respons");
        assertThat(only(svg, "desc", null).getTextContent())
                .isEqualTo("13AY: te weinig respons; Landelijk: 20% ongunstig, 30% neutraal, 50% gunstig.");
    }

    @Test
    void barometer_barIsTheShareOfTheRequiredNet_withALineAtOneHundredPercent() {
        Document svg = parse(DUTCH.barometer(
                "b",
                "t",
                List.of(
                        new Meter("10AD", 345L, 345L, null),
                        new Meter("11AK", 690L, 345L, null),
                        new Meter("12AR", null, 300L, "te weinig respons"))));

        List<Element> bars = elements(svg, "rect", "bar meter");
        assertThat(bars).hasSize(2);
        // 690 of 345 is 200 %: the axis runs to 200 %, so 100 % is half of it.
        assertThat(number(bars.get(0), "width")).isEqualTo(230.0);
        assertThat(number(bars.get(1), "width")).isEqualTo(460.0);
        assertThat(number(only(svg, "line", "required"), "x1")).isEqualTo(400.0);
        assertThat(only(svg, "text", "missing").getTextContent()).isEqualTo("te weinig respons");
    }

    @Test
    void differences_areBarsFromZeroOnASymmetricAxis_withTheIntervalAsALine() {
        Document svg = parse(DUTCH.differences(
                "d",
                "t",
                List.of(
                        new Difference("Docenten", 0.15, 0.05, 0.25, Mark.BETTER, null),
                        new Difference("Sfeer", -0.03, -0.12, 0.06, Mark.NONE, null),
                        new Difference("Stage", null, null, null, Mark.NONE, "niet afgenomen"))));

        // The axis runs from −0.3 to +0.3 (the minimum): 0 at 170 + 230 = 400, 0.15 at 170 + 0.45/0.6 × 460.
        assertThat(number(only(svg, "line", "zero"), "x1")).isEqualTo(400.0);
        List<Element> bars = elements(svg, "rect", "bar difference");
        assertThat(bars).hasSize(2);
        assertThat(number(bars.get(0), "x")).isEqualTo(400.0);
        assertThat(number(bars.get(0), "width")).isEqualTo(115.0);
        assertThat(number(bars.get(0), "y")).isEqualTo(27.0);
        assertThat(number(bars.get(0), "height")).isEqualTo(10.0);
        assertThat(bars.get(0).getAttribute("fill")).isEqualTo("#5E3C99");
        // −0.03: a bar of 23 units left of 0, grey (not significant).
        assertThat(number(bars.get(1), "x")).isEqualTo(377.0);
        assertThat(number(bars.get(1), "width")).isEqualTo(23.0);
        assertThat(bars.get(1).getAttribute("fill")).isEqualTo("#C8C8C8");
        List<Element> whiskers = elements(svg, "line", "whisker-line");
        assertThat(number(whiskers.get(0), "x1")).isEqualTo(438.33);
        assertThat(number(whiskers.get(0), "x2")).isEqualTo(591.67);
        List<String> values = new ArrayList<>();
        for (Element value : elements(svg, "text", "value")) {
            values.add(value.getTextContent());
        }
        assertThat(values).containsExactly("+0,15 ▲", "−0,03");
        assertThat(only(svg, "text", "missing").getTextContent()).isEqualTo("niet afgenomen");
        assertThat(only(svg, "desc", null).getTextContent())
                .isEqualTo("Docenten +0,15, significant beter dan landelijk; Sfeer −0,03; Stage: niet afgenomen.");
    }

    @Test
    void differences_beyondTheMinimum_widenTheAxisToTheNextTenth() {
        Document svg =
                parse(DUTCH.differences("d", "t", List.of(new Difference("x", -0.32, -0.41, -0.23, Mark.WORSE, null))));

        // E = 0.5 (0.41 rounded up to a tenth): −0.32 ends at 170 + 0.18/1.0 × 460 = 252.8.
        Element bar = only(svg, "rect", "bar difference worse");
        assertThat(number(bar, "x")).isEqualTo(252.8);
        assertThat(number(bar, "width")).isEqualTo(147.2);
        assertThat(bar.getAttribute("fill")).isEqualTo("#E66101");
    }

    @Test
    void longLabels_areShortenedWithTheFullTextAsTooltip() {
        String label = "Loopbaanoriëntatie en -begeleiding (LOB)";
        Document svg =
                parse(DUTCH.differences("d", "t", List.of(new Difference(label, 0.0, null, null, Mark.NONE, null))));

        Element text = only(svg, "text", "series-label");
        assertThat(text.getFirstChild().getTextContent()).isEqualTo("Loopbaanoriëntatie en -b…");
        assertThat(text.getElementsByTagName("title").item(0).getTextContent()).isEqualTo(label);
        assertThat(only(svg, "desc", null).getTextContent()).startsWith(label);
    }

    @Test
    void axis_withoutRange_isRefused() {
        assertThatThrownBy(() -> new Axis(5, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("axis 5.0..5.0 is empty; the maximum must exceed the minimum");
    }

    private static BarGroup group(String title, Bar... bars) {
        return new BarGroup(title, List.of(bars));
    }

    private static Document parse(DomContent chart) {
        return parse(chart.render());
    }

    private static Document parse(String svg) {
        try {
            return DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("the chart is not well-formed XML: " + svg, e);
        }
    }

    /** Elements of a tag whose class list starts with the given classes (null: any class). */
    private static List<Element> elements(Document svg, String tag, String cssClass) {
        NodeList nodes = svg.getElementsByTagName(tag);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element element = (Element) nodes.item(i);
            if (cssClass == null || (element.getAttribute("class") + " ").startsWith(cssClass + " ")) {
                found.add(element);
            }
        }
        return found;
    }

    private static Element only(Document svg, String tag, String cssClass) {
        List<Element> found = elements(svg, tag, cssClass);
        assertThat(found).as("<%s class=\"%s\">", tag, cssClass).hasSize(1);
        return found.get(0);
    }

    private static List<String> texts(Document svg) {
        List<String> texts = new ArrayList<>();
        for (Element text : elements(svg, "text", null)) {
            texts.add(text.getTextContent());
        }
        return texts;
    }

    private static double number(Element element, String attribute) {
        return Double.parseDouble(element.getAttribute(attribute));
    }
}
