package nl.peiling.cli.report;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import nl.peiling.core.model.Language;

/**
 * The report's own words in Dutch and English, and numbers written the way readers of that language
 * write them ({@code 3,45} in Dutch, {@code 3.45} in English).
 */
public final class Words {

    // key, Dutch, English. Patterns use String.format with the language's locale.
    private static final String[][] TABLE = {
        {"title.institution", "JOB-monitor %s: %s", "JOB monitor %s: %s"},
        {"title.national", "JOB-monitor %s: landelijk rapport", "JOB monitor %s: national report"},
        {
            "subtitle.institution",
            "Uitkomsten van %s naast de landelijke uitkomsten",
            "Results of %s beside the national results"
        },
        {
            "subtitle.national",
            "Landelijke uitkomsten van alle instellingen samen",
            "National results of all institutions together"
        },
        {"national", "Landelijk", "National"},
        {"institution", "Instelling", "Institution"},
        {"location", "Locatie", "Location"},
        {"wholeInstitution", "Hele instelling", "Whole institution"},
        {"tooFew", "te weinig respons", "too few responses"},
        {"unknown", "onbekend", "unknown"},
        {"response", "Respons", "Response"},
        {"population", "Populatie", "Population"},
        {"responses", "Respondenten", "Responses"},
        {"net", "Vereiste netto respons", "Required net responses"},
        {"percentOfNet", "Deel van vereiste netto", "Share of required net"},
        {"percent", "%s%%", "%s%%"},
        {"barometer", "Responsbarometer", "Response barometer"},
        {
            "barometer.explain",
            "De vereiste netto respons geeft een foutmarge van hoogstens %s procentpunten bij %d %% betrouwbaarheid;"
                    + " 100 %% betekent dat die respons gehaald is.",
            "The required net response gives a margin of error of at most %s percentage points at %d %% confidence;"
                    + " 100 %% means that response was reached."
        },
        {
            "barometer.chart",
            "Respons als deel van de vereiste netto respons",
            "Response as a share of the required net response"
        },
        {"barometer.desc", "%s: %s respondenten, %s van de vereiste %s.", "%s: %s responses, %s of the required %s."},
        {
            "barometer.noPopulation",
            "Zonder populatiebestand is de vereiste respons onbekend.",
            "Without a population file the required response is unknown."
        },
        {"perInstitution", "Respons per instelling", "Response by institution"},
        {"perLocation", "Respons per locatie", "Response by location"},
        {"clusters", "Thema's", "Themes"},
        {
            "clusters.explain",
            "Gemiddelde score per thema op een schaal van %s tot %s. Het lijntje door het eind van een balk is het"
                    + " 95 %%-betrouwbaarheidsinterval: de marge waarbinnen het echte gemiddelde vrijwel zeker ligt.",
            "Mean score per theme on a scale of %s to %s. The line through the end of a bar is the 95 %% confidence"
                    + " interval: the margin within which the true mean almost certainly lies."
        },
        {"clusters.chart", "Gemiddelde per thema: %s", "Mean per theme: %s"},
        {
            "significance",
            "significant hoger / lager dan landelijk (p < 0,05)",
            "significantly higher / lower than national (p < 0.05)"
        },
        {"summary", "Opvallend", "At a glance"},
        {
            "summary.higher",
            "▲ Hoger dan landelijk (significant en d ≥ 0,2)",
            "▲ Higher than national (significant and d ≥ 0.2)"
        },
        {
            "summary.lower",
            "▼ Lager dan landelijk (significant en d ≥ 0,2)",
            "▼ Lower than national (significant and d ≥ 0.2)"
        },
        {
            "summary.none",
            "Geen enkel thema verschilt significant en merkbaar (d ≥ 0,2) van landelijk.",
            "No theme differs significantly and notably (d ≥ 0.2) from national."
        },
        {"caseMix", "Vergeleken met studenten van hetzelfde %s", "Compared with students of the same %s"},
        {
            "caseMix.explain",
            "Wat de instelling zou scoren als haar studenten per %s scoorden zoals de studenten elders in het land"
                    + " (verwacht), naast het landelijk gemiddelde. Zo telt niet mee dat een instelling andere"
                    + " studenten heeft. Dekking: het deel van de studenten dat vergeleken kon worden.",
            "What the institution would score if its students of each %s scored as the students elsewhere in the"
                    + " country do (expected), beside the national mean. This leaves out that an institution teaches"
                    + " other students. Coverage: the share of students that could be compared."
        },
        {"caseMix.level", "niveau", "level"},
        {"caseMix.pathway", "leerweg", "pathway"},
        {"caseMix.and", " en ", " and "},
        {"caseMix.theme", "Thema", "Theme"},
        {"caseMix.own", "Eigen", "Own"},
        {"caseMix.expected", "Verwacht", "Expected"},
        {"caseMix.difference", "Verschil", "Difference"},
        {"caseMix.coverage", "Dekking", "Coverage"},
        {"caseMix.higher", "▲", "▲"},
        {"caseMix.lower", "▼", "▼"},
        {"higher", "significant hoger dan landelijk", "significantly higher than national"},
        {"lower", "significant lager dan landelijk", "significantly lower than national"},
        {"interval", "95 %%-interval %s tot %s", "95 %% interval %s to %s"},
        {"interval.legend", "95 %-betrouwbaarheidsinterval", "95 % confidence interval"},
        {"national.outline", "gestippelde rand: landelijk", "dotted outline: national"},
        {"items", "Vragen", "Questions"},
        {
            "items.explain",
            "Verdeling van de antwoorden per vraag over negatief, neutraal en positief, zonder 'weet niet' en"
                    + " 'niet van toepassing'.",
            "Answers per question split into negative, neutral and positive, without 'don't know' and 'not"
                    + " applicable'."
        },
        {"negative", "negatief", "negative"},
        {"neutral", "neutraal", "neutral"},
        {"positive", "positief", "positive"},
        {"mean", "gem. %s", "mean %s"},
        {"shares.desc", "%s: %s negatief, %s neutraal, %s positief", "%s: %s negative, %s neutral, %s positive"},
        {"byLocation", "Per locatie", "By location"},
        {"byInstitution", "Per instelling", "By institution"},
        {"byGroup.explain", "Gemiddelde score per thema (schaal %s tot %s).", "Mean score per theme (scale %s to %s)."},
        {"byGroup.none", "De uitkomsten hebben geen cijfers per %s.", "The results have no figures by %s."},
        {"theme", "Thema", "Theme"},
        {"edition", "Editie", "Edition"},
        {"weighted", "gewogen naar de populatie", "weighted by the population"},
        {"progress.done", "klaar", "done"},
        {"progress.simulate", "%s en %s simuleren, modules toewijzen", "simulating %s and %s, allocating modules"},
        {"progress.barometer", "responsbarometer", "response barometer"},
        {"progress.aggregate", "aggregeren met populatiegewichten", "aggregating with population weights"},
        {"progress.reports", "rapporten schrijven", "writing the reports"},
        {"unweighted", "ongewogen", "unweighted"},
        {
            "minN",
            "Cijfers van groepen met minder dan %d respondenten worden niet getoond.",
            "Figures of groups with fewer than %d respondents are not shown."
        },
    };

    private static final Map<Language, Words> WORDS = new LinkedHashMap<>();

    static {
        for (Language language : Language.values()) {
            Map<String, String> texts = new LinkedHashMap<>();
            for (String[] row : TABLE) {
                texts.put(row[0], row[language == Language.NL ? 1 : 2]);
            }
            WORDS.put(language, new Words(language, Map.copyOf(texts)));
        }
    }

    private final Language language;
    private final Locale locale;
    private final Map<String, String> texts;

    private Words(Language language, Map<String, String> texts) {
        this.language = language;
        this.locale = Locale.forLanguageTag(language.code());
        this.texts = texts;
    }

    /** The words of one language. */
    public static Words in(Language language) {
        return WORDS.get(requireNonNull(language, "language"));
    }

    /** The language. */
    public Language language() {
        return language;
    }

    /** The text of a key, formatted with the arguments in the language's locale. */
    public String get(String key, Object... args) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "no report text \"%s\"; known: %s", key, texts.keySet()));
        }
        return args.length == 0 ? text.replace("%%", "%") : String.format(locale, text, args);
    }

    /** A number with a fixed count of decimals, in the language's notation. */
    public String decimal(double value, int decimals) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        format.setGroupingUsed(false);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(BigDecimal.valueOf(value));
    }

    /** A count with the language's thousands separator ({@code 10.206} in Dutch, {@code 10,206} in English). */
    public String count(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** A count with its noun, singular for 1 and plural otherwise: {@code 1 cluster}, {@code 1.200 studenten}. */
    public String counted(long value, String one, String many) {
        return count(value) + " " + (value == 1 ? one : many);
    }

    /** A share 0..1 as a whole percentage, e.g. {@code 49%}. */
    public String percent(double share) {
        return get("percent", decimal(share * 100, 0));
    }
}
