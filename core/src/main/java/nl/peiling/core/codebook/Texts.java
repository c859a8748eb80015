package nl.peiling.core.codebook;

import java.util.Locale;
import java.util.Map;

/** The codebook's own words (respondent fields, notes, headings) in the languages it supports. */
final class Texts {

    private static final Map<String, String> NL = Map.ofEntries(
            Map.entry("respondent", "Respondentsleutel (pseudoniem)"),
            Map.entry("institution", "Instelling (BRIN-code)"),
            Map.entry("location", "Vestiging"),
            Map.entry("level", "Niveau"),
            Map.entry("pathway", "Leerweg"),
            Map.entry("modules", "Modules in de vragenlijst van de respondent"),
            Map.entry("level.1", "Niveau 1: entreeopleiding"),
            Map.entry("level.2", "Niveau 2: basisberoepsopleiding"),
            Map.entry("level.3", "Niveau 3: vakopleiding"),
            Map.entry("level.4", "Niveau 4: middenkader- of specialistenopleiding"),
            Map.entry("pathway.BOL", "Beroepsopleidende leerweg (BOL)"),
            Map.entry("pathway.BBL", "Beroepsbegeleidende leerweg (BBL)"),
            Map.entry("notes.respondent", "Pseudoniem van de student, nooit het studentnummer"),
            Map.entry("notes.modules", "Module-ids gescheiden door |, in de volgorde van de vragenlijst"),
            Map.entry("notes.scale", "Schaal %s; negatief: %s; neutraal: %s; positief: %s"),
            Map.entry("notes.multi", "Codes gescheiden door |"),
            Map.entry("notes.atLeast", "minimaal %s"),
            Map.entry("notes.atMost", "hoogstens %s"),
            Map.entry("notes.between", "van %s tot en met %s"),
            Map.entry("notes.codes", " codes"),
            Map.entry("notes.number", "Decimaal getal met een punt"),
            Map.entry("notes.unit", ", in %s"),
            Map.entry("notes.grade", "Heel getal van 1 tot en met 10; 6 en hoger is voldoende"),
            Map.entry("notes.text", "Open tekst, wordt niet geaggregeerd"),
            Map.entry("notes.characters", " tekens"),
            Map.entry("md.title", "Codebook editie %s"),
            Map.entry(
                    "md.intro",
                    "Eén regel per kolom van het databestand (`responses.csv`), in de volgorde van het bestand: "
                            + "eerst de respondentgegevens, dan de vragen van de basisvragenlijst en de modules. "
                            + "Een lege cel betekent: niet beantwoord of niet getoond."),
            Map.entry("md.respondentFields", "Respondentgegevens"),
            Map.entry("md.variable", "Variabele"),
            Map.entry("md.type", "Type"),
            Map.entry("md.label", "Label"),
            Map.entry("md.values", "Waarden"),
            Map.entry("md.nonSubstantive", "Niet-inhoudelijk (SPSS-missing)"),
            Map.entry("md.visibleIf", "Getoond als"),
            Map.entry("md.notes", "Toelichting"));

    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("respondent", "Respondent key (pseudonym)"),
            Map.entry("institution", "Institution (BRIN code)"),
            Map.entry("location", "Location"),
            Map.entry("level", "Level"),
            Map.entry("pathway", "Pathway"),
            Map.entry("modules", "Modules in the respondent's questionnaire"),
            Map.entry("level.1", "Level 1: entry programme"),
            Map.entry("level.2", "Level 2: basic vocational programme"),
            Map.entry("level.3", "Level 3: professional programme"),
            Map.entry("level.4", "Level 4: middle-management or specialist programme"),
            Map.entry("pathway.BOL", "School-based pathway (BOL)"),
            Map.entry("pathway.BBL", "Work-based pathway (BBL)"),
            Map.entry("notes.respondent", "The student's pseudonym, never the student number"),
            Map.entry("notes.modules", "Module ids joined by |, in questionnaire order"),
            Map.entry("notes.scale", "Scale %s; negative: %s; neutral: %s; positive: %s"),
            Map.entry("notes.multi", "Codes joined by |"),
            Map.entry("notes.atLeast", "at least %s"),
            Map.entry("notes.atMost", "at most %s"),
            Map.entry("notes.between", "from %s to %s"),
            Map.entry("notes.codes", " codes"),
            Map.entry("notes.number", "Decimal number with a point"),
            Map.entry("notes.unit", ", in %s"),
            Map.entry("notes.grade", "Whole number from 1 to 10; 6 and up is a pass"),
            Map.entry("notes.text", "Open text, never aggregated"),
            Map.entry("notes.characters", " characters"),
            Map.entry("md.title", "Codebook edition %s"),
            Map.entry(
                    "md.intro",
                    "One row per column of the data file (`responses.csv`), in the order of the file: "
                            + "the respondent fields first, then the questions of the base questionnaire "
                            + "and the modules. "
                            + "An empty cell means: not answered or not shown."),
            Map.entry("md.respondentFields", "Respondent fields"),
            Map.entry("md.variable", "Variable"),
            Map.entry("md.type", "Type"),
            Map.entry("md.label", "Label"),
            Map.entry("md.values", "Values"),
            Map.entry("md.nonSubstantive", "Non-substantive (SPSS missing)"),
            Map.entry("md.visibleIf", "Shown if"),
            Map.entry("md.notes", "Notes"));

    private final Map<String, String> texts;

    private Texts(Map<String, String> texts) {
        this.texts = texts;
    }

    /** The texts of a supported language ({@link Codebook#LANGUAGES}). */
    static Texts of(String language) {
        return new Texts(language.equals("en") ? EN : NL);
    }

    String get(String key) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalStateException("no codebook text \"" + key + "\"");
        }
        return text;
    }

    String format(String key, Object... args) {
        return String.format(Locale.ROOT, get(key), args);
    }
}
