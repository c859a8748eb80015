package nl.peiling.cli.report;

import static java.util.Objects.requireNonNull;

import j2html.tags.ContainerTag;
import j2html.tags.DomContent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's charts as inline SVG, built element by element (text and attributes are escaped by j2html):
 * bars of means with 95 % interval whiskers, stacked negative / neutral / positive bars and the response
 * barometer.
 *
 * <p>Every chart is {@value #WIDTH} units wide and scales to its container; the plot area runs from x =
 * {@value #AXIS_X} over {@value #AXIS_WIDTH} units, so a bar's length is {@code (value − min) / (max − min) ×}
 * {@value #AXIS_WIDTH}. Each chart is an image for assistive technology ({@code role="img"}) with a
 * {@code <title>}, an {@code aria-label} and a {@code <desc>} that states every figure in words.
 *
 * <p>Colours are from the Okabe–Ito palette (own institution blue, the nation orange with white hatching)
 * and ColorBrewer's colour-blind-safe purple–orange scheme (negative orange, neutral grey, positive purple);
 * each is set apart in black and white by its lightness or hatching and by its printed label as well.
 */
public final class Charts {

    /** The width of every chart in SVG units. */
    public static final int WIDTH = 760;

    /** Where the plot area starts; the series labels stand to its left. */
    public static final int AXIS_X = 170;

    /** The width of the plot area; values and marks stand to its right. */
    public static final int AXIS_WIDTH = 460;

    static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";
    static final String FONT = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif";

    static final String OWN_COLOUR = "#0072B2";
    static final String NATIONAL_COLOUR = "#E69F00";
    static final String NEGATIVE_COLOUR = "#E66101";
    static final String NEUTRAL_COLOUR = "#C8C8C8";
    static final String POSITIVE_COLOUR = "#5E3C99";

    private static final int TOP = 24;
    private static final int BAR_HEIGHT = 16;
    private static final int BAR_STEP = 21;
    private static final int TITLE_HEIGHT = 20;
    private static final int ROW_GAP = 10;
    private static final int SEGMENT_LABEL_MIN = 34;
    private static final double DIFFERENCE_MIN_EXTENT = 0.3;
    /** The most characters of a label left of the plot area (about 6.3 units each at font size 12). */
    private static final int LABEL_MAX = 25;

    /** Which bars a bar looks like: the own institution's or the nation's. */
    public enum Series {
        OWN,
        NATIONAL;

        String cssClass() {
            return this == OWN ? "own" : "national";
        }
    }

    /**
     * A significant difference from the nation, or none: better or worse, by the figure's polarity (a
     * higher mean of a reverse-worded question is worse).
     */
    public enum Mark {
        NONE,
        BETTER,
        WORSE;

        String symbol() {
            return switch (this) {
                case BETTER -> "▲";
                case WORSE -> "▼";
                case NONE -> "";
            };
        }

        /** The words of the mark in a description: "significant beter dan landelijk". */
        String words(Words words) {
            return switch (this) {
                case BETTER -> words.get("better");
                case WORSE -> words.get("worse");
                case NONE -> "";
            };
        }
    }

    /**
     * The axis of means.
     *
     * @param min the lowest scale point, where bars start
     * @param max the highest scale point
     */
    public record Axis(double min, double max) {

        public Axis {
            if (!(max > min)) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT, "axis %s..%s is empty; the maximum must exceed the minimum", min, max));
            }
        }

        /** The x coordinate of a value, clamped to the plot area. */
        public double x(double value) {
            double share = (value - min) / (max - min);
            return AXIS_X + Math.max(0, Math.min(1, share)) * AXIS_WIDTH;
        }
    }

    /**
     * One bar of a mean.
     *
     * @param label the series label beside the bar, e.g. the institution or "Landelijk"
     * @param series how the bar looks
     * @param mean the mean, or null when the figure is suppressed
     * @param low the lower end of the 95 % interval, or null (no whisker)
     * @param high the upper end of the 95 % interval, or null (no whisker)
     * @param mark a significant difference from the nation
     * @param missing the words drawn instead of a withheld or absent figure ("niet afgenomen", "te weinig
     *     respons"); null when the figure is shown
     */
    public record Bar(String label, Series series, Double mean, Double low, Double high, Mark mark, String missing) {

        public Bar {
            requireNonNull(label, "label");
            requireNonNull(series, "series");
            requireNonNull(mark, "mark");
        }

        /** A bar without a figure: these words instead. */
        public static Bar missing(String label, Series series, String words) {
            return new Bar(label, series, null, null, null, Mark.NONE, requireNonNull(words, "words"));
        }

        /** Whether the figure is withheld. */
        public boolean suppressed() {
            return mean == null;
        }
    }

    /**
     * A titled group of bars, e.g. one cluster: own and national.
     *
     * @param title the cluster's title
     * @param bars the bars, top to bottom
     */
    public record BarGroup(String title, List<Bar> bars) {

        public BarGroup {
            requireNonNull(title, "title");
            bars = List.copyOf(bars);
        }
    }

    /**
     * One stacked bar of answer shares 0..1; all three null when the figure is suppressed.
     *
     * @param label the series label beside the bar
     * @param series the series
     * @param negative share of negative answers
     * @param neutral share of neutral answers
     * @param positive share of positive answers
     * @param mean the mean shown beside the bar, or null
     * @param mark a significant difference from the nation
     * @param missing the words drawn instead of a withheld or absent figure; null when shown
     */
    public record Shares(
            String label,
            Series series,
            Double negative,
            Double neutral,
            Double positive,
            Double mean,
            Mark mark,
            String missing) {

        public Shares {
            requireNonNull(label, "label");
            requireNonNull(series, "series");
            requireNonNull(mark, "mark");
        }

        /** A bar without a figure: these words instead. */
        public static Shares missing(String label, Series series, String words) {
            return new Shares(label, series, null, null, null, null, Mark.NONE, requireNonNull(words, "words"));
        }

        /** Whether the figure is withheld. */
        public boolean suppressed() {
            return negative == null || neutral == null || positive == null;
        }
    }

    /**
     * One bar of the response barometer.
     *
     * @param label the group
     * @param responses the respondents, or null when suppressed
     * @param net the required net response, or null when unknown
     * @param missing the words drawn instead of withheld responses; null when shown
     */
    public record Meter(String label, Long responses, Long net, String missing) {

        public Meter {
            requireNonNull(label, "label");
        }
    }

    private final Words words;

    private Charts(Words words) {
        this.words = words;
    }

    /** Charts labelled in these words. */
    public static Charts of(Words words) {
        return new Charts(requireNonNull(words, "words"));
    }

    /**
     * Horizontal bars of means, grouped under titles, with whiskers at the interval ends and a ▲ or ▼
     * after the value of a significant difference.
     *
     * @param id a document-unique id; the chart's inner ids start with it
     * @param title the chart's title for assistive technology
     */
    public DomContent meanBars(String id, String title, Axis axis, List<BarGroup> groups) {
        requireNonNull(axis, "axis");
        int bars = groups.stream().mapToInt(g -> g.bars().size()).sum();
        int height = TOP + groups.size() * (TITLE_HEIGHT + ROW_GAP) + bars * BAR_STEP;
        List<String> description = new ArrayList<>();
        Svg svg = chart(id, title, height, "mean-chart").with(hatch(id));
        Svg grid = el("g").withClass("grid");
        for (int tick = (int) Math.ceil(axis.min()); tick <= axis.max(); tick++) {
            double x = axis.x(tick);
            grid.with(line(x, TOP - 6, x, height - ROW_GAP, "#D0D0D0", 1).withClass("gridline"));
            grid.with(text(x, 14, Integer.toString(tick), "tick").attr("text-anchor", "middle"));
        }
        svg.with(grid);
        double y = TOP;
        for (BarGroup group : groups) {
            Svg g = el("g").withClass("bar-group");
            g.with(text(0, y + 14, group.title(), "group-title").attr("font-weight", "bold"));
            y += TITLE_HEIGHT;
            List<String> parts = new ArrayList<>();
            for (Bar bar : group.bars()) {
                g.with(seriesLabel(bar.label(), y));
                if (bar.suppressed()) {
                    g.with(missing(y, bar.missing()));
                    parts.add(bar.label() + " " + missingWords(bar.missing()));
                } else {
                    g.with(meanBar(id, axis, bar, y));
                    parts.add(describe(bar));
                }
                y += BAR_STEP;
            }
            y += ROW_GAP;
            svg.with(g);
            description.add(group.title() + ": " + String.join("; ", parts));
        }
        return svg.with(desc(id, String.join(". ", description) + "."));
    }

    /**
     * Stacked bars of shares, negative left, neutral in the middle, positive right; the segments of a bar
     * fill the plot area exactly. Shares that do not add up to 1 are scaled to it.
     */
    public DomContent stackedBars(String id, String title, List<Shares> rows) {
        int height = 6 + rows.size() * BAR_STEP;
        Svg svg = chart(id, title, height, "stack-chart");
        List<String> description = new ArrayList<>();
        double y = 4;
        for (Shares row : rows) {
            svg.with(seriesLabel(row.label(), y));
            if (row.suppressed()) {
                svg.with(missing(y, row.missing()));
                description.add(row.label() + ": " + missingWords(row.missing()));
            } else {
                svg.with(stack(row, y));
                String value = row.mean() == null ? "" : words.get("mean", words.decimal(row.mean(), 2));
                if (row.mark() != Mark.NONE) {
                    value = value + " " + row.mark().symbol();
                }
                if (!value.isEmpty()) {
                    svg.with(text(AXIS_X + AXIS_WIDTH + 8, y + 12.5, value.trim(), "value"));
                }
                description.add(words.get(
                                "shares.desc",
                                row.label(),
                                words.percent(row.negative()),
                                words.percent(row.neutral()),
                                words.percent(row.positive()))
                        + (row.mark() == Mark.NONE ? "" : ", " + row.mark().words(words)));
            }
            y += BAR_STEP;
        }
        return svg.with(desc(id, String.join("; ", description) + "."));
    }

    /**
     * The response barometer: per group the responses as a share of the required net response, with a
     * dashed line at 100 %. The axis runs to 150 % or further when a group goes beyond.
     */
    public DomContent barometer(String id, String title, List<Meter> meters) {
        double maxShare = 1.5;
        for (Meter meter : meters) {
            if (meter.responses() != null && meter.net() != null && meter.net() > 0) {
                maxShare = Math.max(maxShare, Math.ceil(meter.responses() / (double) meter.net() * 2) / 2);
            }
        }
        Axis axis = new Axis(0, maxShare);
        int height = TOP + meters.size() * BAR_STEP + 4;
        Svg svg = chart(id, title, height, "barometer-chart");
        double step = maxShare <= 2 ? 0.25 : maxShare <= 5 ? 0.5 : Math.ceil(maxShare / 8);
        for (double tick = 0; tick <= maxShare + 1e-9; tick += step) {
            double x = axis.x(tick);
            svg.with(line(x, TOP - 6, x, height - 4, "#D0D0D0", 1).withClass("gridline"));
            svg.with(text(x, 14, words.percent(tick), "tick").attr("text-anchor", "middle"));
        }
        List<String> description = new ArrayList<>();
        double y = TOP;
        for (Meter meter : meters) {
            svg.with(seriesLabel(meter.label(), y));
            if (meter.responses() == null) {
                svg.with(missing(y, meter.missing()));
                description.add(meter.label() + ": " + missingWords(meter.missing()));
            } else if (meter.net() == null || meter.net() == 0) {
                svg.with(text(AXIS_X + 6, y + 12.5, words.get("unknown"), "unknown")
                        .attr("font-style", "italic"));
                description.add(meter.label() + ": " + words.get("unknown"));
            } else {
                double share = meter.responses() / (double) meter.net();
                svg.with(rect(AXIS_X, y, axis.x(share) - AXIS_X, BAR_HEIGHT, share >= 1 ? OWN_COLOUR : NEGATIVE_COLOUR)
                        .withClass("bar meter " + (share >= 1 ? "reached" : "short")));
                svg.with(text(
                        AXIS_X + AXIS_WIDTH + 8, y + 12.5, words.percent(share) + (share >= 1 ? " ✓" : ""), "value"));
                description.add(words.get(
                        "barometer.desc",
                        meter.label(),
                        words.count(meter.responses()),
                        words.percent(share),
                        words.count(meter.net())));
            }
            y += BAR_STEP;
        }
        double full = axis.x(1);
        svg.with(line(full, TOP - 8, full, height - 2, "#000000", 1.5)
                .withClass("required")
                .attr("stroke-dasharray", "4 3"));
        return svg.with(desc(id, String.join(" ", description)));
    }

    /**
     * One row of a difference chart: own − national with the own figure's 95 % interval moved by the same
     * national mean.
     *
     * @param label the figure, e.g. a theme
     * @param difference own − national, or null when not shown
     * @param low the lower end of the own interval less the national mean, or null
     * @param high the upper end, or null
     * @param mark a significant difference, better or worse
     * @param missing the words drawn instead of a figure that is not shown; null when shown
     */
    public record Difference(String label, Double difference, Double low, Double high, Mark mark, String missing) {

        public Difference {
            requireNonNull(label, "label");
            requireNonNull(mark, "mark");
        }
    }

    /**
     * Differences from the nation on an axis centred on 0, wide enough for every interval and at least
     * ±{@value #DIFFERENCE_MIN_EXTENT}: small differences stay visible, with their intervals, where bars
     * from the bottom of the scale would hide them. A bar runs from 0 to the difference, coloured by its
     * mark (better purple, worse orange, not significant grey).
     */
    public DomContent differences(String id, String title, List<Difference> rows) {
        double extent = DIFFERENCE_MIN_EXTENT;
        for (Difference row : rows) {
            for (Double value : new Double[] {row.difference(), row.low(), row.high()}) {
                if (value != null) {
                    extent = Math.max(extent, Math.ceil(Math.abs(value) * 10 - 1e-9) / 10);
                }
            }
        }
        Axis axis = new Axis(-extent, extent);
        int height = TOP + rows.size() * BAR_STEP + 4;
        Svg svg = chart(id, title, height, "difference-chart");
        double step = extent <= 0.5 ? 0.1 : extent <= 1 ? 0.25 : 0.5;
        for (double tick = -Math.floor(extent / step) * step; tick <= extent + 1e-9; tick += step) {
            double x = axis.x(tick);
            boolean zero = Math.abs(tick) < 1e-9;
            svg.with(line(x, TOP - 6, x, height - 2, zero ? "#000000" : "#D0D0D0", zero ? 1.5 : 1)
                    .withClass(zero ? "zero" : "gridline"));
            svg.with(text(x, 14, signed(zero ? 0 : tick, 1), "tick").attr("text-anchor", "middle"));
        }
        List<String> description = new ArrayList<>();
        double y = TOP;
        for (Difference row : rows) {
            svg.with(seriesLabel(row.label(), y));
            if (row.difference() == null) {
                svg.with(missing(y, row.missing()));
                description.add(row.label() + ": " + missingWords(row.missing()));
            } else {
                double zero = axis.x(0);
                double end = axis.x(row.difference());
                String fill = row.mark() == Mark.BETTER
                        ? POSITIVE_COLOUR
                        : row.mark() == Mark.WORSE ? NEGATIVE_COLOUR : NEUTRAL_COLOUR;
                svg.with(rect(Math.min(zero, end), y + 3, Math.abs(end - zero), BAR_HEIGHT - 6, fill)
                        .withClass("bar difference " + row.mark().name().toLowerCase(Locale.ROOT))
                        .attr("data-value", number(row.difference())));
                if (row.low() != null && row.high() != null) {
                    double middle = y + BAR_HEIGHT / 2.0;
                    svg.with(line(axis.x(row.low()), middle, axis.x(row.high()), middle, "#000000", 1.5)
                            .withClass("whisker-line"));
                }
                Svg value = text(AXIS_X + AXIS_WIDTH + 8, y + 12.5, signed(row.difference(), 2), "value");
                if (row.mark() != Mark.NONE) {
                    value.with(el("tspan")
                            .withClass("mark " + row.mark().name().toLowerCase(Locale.ROOT))
                            .attr("font-weight", "bold")
                            .withText(" " + row.mark().symbol()));
                }
                svg.with(value);
                description.add(row.label() + " " + signed(row.difference(), 2)
                        + (row.mark() == Mark.NONE ? "" : ", " + row.mark().words(words)));
            }
            y += BAR_STEP;
        }
        return svg.with(desc(id, String.join("; ", description) + "."));
    }

    /** A difference with its sign: +0,14, −0,05, 0,00. */
    String signed(double value, int decimals) {
        String digits = words.decimal(Math.abs(value), decimals);
        boolean zero = digits.equals(words.decimal(0, decimals));
        return (zero ? "" : value > 0 ? "+" : "−") + digits;
    }

    /**
     * A legend for mean bars: own and national swatches, the whisker and the marks.
     *
     * @param id a document-unique id for the swatches' hatching
     * @param ownLabel the own institution's label, or null in the national report
     */
    public DomContent meanLegend(String id, String ownLabel) {
        Svg legend = el("ul").withClass("legend");
        if (ownLabel != null) {
            legend.with(entry(swatch(null).with(rect(0, 1, 24, 14, OWN_COLOUR).withClass("swatch own")), ownLabel));
        }
        legend.with(entry(
                swatch(hatch(id))
                        .with(rect(0, 1, 24, 14, "url(#" + id + "-hatch)").withClass("swatch national")),
                words.get("national")));
        legend.with(entry(
                swatch(null)
                        .with(
                                line(1, 8, 23, 8, "#000000", 1.5),
                                line(1, 3, 1, 13, "#000000", 1.5),
                                line(23, 3, 23, 13, "#000000", 1.5)),
                words.get("interval.legend")));
        if (ownLabel != null) {
            legend.with(el("li").withText("▲ ▼ " + words.get("significance")));
        }
        return legend;
    }

    /** A legend for stacked bars: the three answer classes, and how the national bar is drawn. */
    public DomContent sharesLegend(String ownLabel) {
        Svg legend = el("ul").withClass("legend");
        String[][] entries = {{"negative", NEGATIVE_COLOUR}, {"neutral", NEUTRAL_COLOUR}, {"positive", POSITIVE_COLOUR}
        };
        for (String[] entry : entries) {
            legend.with(entry(
                    swatch(null).with(rect(0, 1, 24, 14, entry[1]).withClass("swatch " + entry[0])),
                    words.get(entry[0])));
        }
        if (ownLabel != null) {
            legend.with(entry(
                    swatch(null)
                            .with(rect(0.5, 1.5, 23, 13, "#FFFFFF")
                                    .attr("stroke", "#000000")
                                    .attr("stroke-dasharray", "3 2")),
                    words.get("national.outline")));
        }
        return legend;
    }

    private static Svg entry(Svg swatch, String label) {
        return el("li").with(swatch).with(el("span").withText(label));
    }

    private static Svg swatch(Svg defs) {
        Svg svg = el("svg")
                .attr("xmlns", SVG_NAMESPACE)
                .attr("viewBox", "0 0 24 16")
                .attr("width", "24")
                .attr("height", "16")
                .attr("aria-hidden", "true")
                .withClass("swatch");
        return defs == null ? svg : svg.with(defs);
    }

    private Svg meanBar(String id, Axis axis, Bar bar, double y) {
        Svg g = el("g").withClass("bar-row");
        double end = axis.x(bar.mean());
        String fill = bar.series() == Series.OWN ? OWN_COLOUR : "url(#" + id + "-hatch)";
        g.with(rect(AXIS_X, y, end - AXIS_X, BAR_HEIGHT, fill)
                .withClass("bar " + bar.series().cssClass())
                .attr("data-value", number(bar.mean())));
        if (bar.low() != null && bar.high() != null) {
            double low = axis.x(bar.low());
            double high = axis.x(bar.high());
            double middle = y + BAR_HEIGHT / 2.0;
            g.with(el("g").withClass("whisker")
                    .with(line(low, middle, high, middle, "#000000", 1.5).withClass("whisker-line"))
                    .with(line(low, middle - 5, low, middle + 5, "#000000", 1.5).withClass("whisker-low"))
                    .with(line(high, middle - 5, high, middle + 5, "#000000", 1.5)
                            .withClass("whisker-high")));
        }
        String value = words.decimal(bar.mean(), 2);
        Svg label = text(AXIS_X + AXIS_WIDTH + 8, y + 12.5, value, "value");
        if (bar.mark() != Mark.NONE) {
            label.with(el("tspan")
                    .withClass("mark " + bar.mark().name().toLowerCase(Locale.ROOT))
                    .attr("font-weight", "bold")
                    .withText(" " + bar.mark().symbol()));
        }
        return g.with(label);
    }

    private Svg stack(Shares row, double y) {
        double total = row.negative() + row.neutral() + row.positive();
        double[] shares = {row.negative() / total, row.neutral() / total, row.positive() / total};
        String[] classes = {"negative", "neutral", "positive"};
        String[] fills = {NEGATIVE_COLOUR, NEUTRAL_COLOUR, POSITIVE_COLOUR};
        String[] inks = {"#000000", "#000000", "#FFFFFF"};
        Svg g = el("g").withClass("stack " + row.series().cssClass());
        double x = AXIS_X;
        double cumulative = 0;
        for (int i = 0; i < 3; i++) {
            cumulative += shares[i];
            // Each segment ends where the running total ends, so the segments meet and fill the axis exactly.
            double end = i == 2 ? AXIS_X + AXIS_WIDTH : AXIS_X + round(cumulative * AXIS_WIDTH);
            double width = end - x;
            g.with(rect(x, y, width, BAR_HEIGHT, fills[i])
                    .withClass("segment " + classes[i])
                    .attr("data-share", number(shares[i])));
            if (width >= SEGMENT_LABEL_MIN) {
                g.with(text(x + width / 2, y + 12.5, words.percent(shares[i]), "segment-label")
                        .attr("text-anchor", "middle")
                        .attr("fill", inks[i]));
            }
            x = end;
        }
        if (row.series() == Series.NATIONAL) {
            // The national bar gets a dark outline, so own and national differ in black and white too.
            g.with(rect(AXIS_X, y, AXIS_WIDTH, BAR_HEIGHT, "none")
                    .withClass("outline")
                    .attr("stroke", "#000000")
                    .attr("stroke-width", "1")
                    .attr("stroke-dasharray", "3 2"));
        }
        return g;
    }

    private String describe(Bar bar) {
        StringBuilder text = new StringBuilder(bar.label()).append(' ').append(words.decimal(bar.mean(), 2));
        if (bar.low() != null && bar.high() != null) {
            text.append(" (")
                    .append(words.get("interval", words.decimal(bar.low(), 2), words.decimal(bar.high(), 2)))
                    .append(')');
        }
        if (bar.mark() != Mark.NONE) {
            text.append(", ").append(bar.mark().words(words));
        }
        return text.toString();
    }

    /**
     * A label left of the plot area, shortened with "…" when longer than fits in it; the full label is
     * then its tooltip, and every chart's description has it in full.
     */
    private Svg seriesLabel(String label, double y) {
        if (label.codePointCount(0, label.length()) <= LABEL_MAX) {
            return text(AXIS_X - 8, y + 12.5, label, "series-label").attr("text-anchor", "end");
        }
        String shortened =
                label.substring(0, label.offsetByCodePoints(0, LABEL_MAX - 1)).strip() + "…";
        return text(AXIS_X - 8, y + 12.5, shortened, "series-label")
                .attr("text-anchor", "end")
                .with(el("title").withText(label));
    }

    /** The words in place of a figure that is not shown: never a number. */
    private Svg missing(double y, String text) {
        return text(AXIS_X + 6, y + 12.5, missingWords(text), "missing")
                .attr("font-style", "italic")
                .attr("fill", "#444444");
    }

    private String missingWords(String text) {
        return text == null ? words.get("state.n") : text;
    }

    private static Svg chart(String id, String title, int height, String cssClass) {
        return el("svg")
                .attr("xmlns", SVG_NAMESPACE)
                .attr("viewBox", "0 0 " + WIDTH + " " + height)
                .attr("width", "100%")
                .attr("role", "img")
                .attr("aria-label", title)
                .attr("aria-describedby", id + "-desc")
                .attr("font-family", FONT)
                .attr("font-size", "12")
                .withId(id)
                .withClass("chart " + cssClass)
                .with(el("title").withId(id + "-title").withText(title));
    }

    private static Svg desc(String id, String text) {
        return el("desc").withId(id + "-desc").withText(text);
    }

    /** White diagonal hatching over the national colour: tells the nation apart in black and white. */
    private static Svg hatch(String id) {
        return el("defs")
                .with(el("pattern")
                        .withId(id + "-hatch")
                        .attr("patternUnits", "userSpaceOnUse")
                        .attr("width", "6")
                        .attr("height", "6")
                        .attr("patternTransform", "rotate(45)")
                        .with(rect(0, 0, 6, 6, NATIONAL_COLOUR))
                        .with(line(0, 0, 0, 6, "#FFFFFF", 2.5)));
    }

    private static Svg rect(double x, double y, double width, double height, String fill) {
        return el("rect")
                .attr("x", number(x))
                .attr("y", number(y))
                .attr("width", number(Math.max(0, width)))
                .attr("height", number(height))
                .attr("fill", fill);
    }

    private static Svg line(double x1, double y1, double x2, double y2, String stroke, double width) {
        return el("line")
                .attr("x1", number(x1))
                .attr("y1", number(y1))
                .attr("x2", number(x2))
                .attr("y2", number(y2))
                .attr("stroke", stroke)
                .attr("stroke-width", number(width));
    }

    private static Svg text(double x, double y, String content, String cssClass) {
        return el("text")
                .attr("x", number(x))
                .attr("y", number(y))
                .withClass(cssClass)
                .withText(content);
    }

    static Svg el(String name) {
        return new Svg(name);
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /** A coordinate with at most two decimals, in SVG's notation. */
    static String number(double value) {
        BigDecimal rounded =
                BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }

    /** An element of any name whose fluent methods keep its own type. */
    static final class Svg extends ContainerTag<Svg> {
        Svg(String name) {
            super(name);
        }
    }
}
