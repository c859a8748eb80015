package nl.peiling.core.codebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small valid edition as a definition folder, made to exercise the codebook: one question of each type,
 * routing, two scales with two distinct non-substantive codes ({@code nvt} on both, {@code wn} on one), a label
 * with quotes and a comma, a label with a pipe, and a label longer than SPSS's 256 bytes.
 */
final class CodebookFolder {

    static final String EDITION = """
            {"format": "peiling.edition/1", "edition": "2099", "base": "basis",
             "modules": ["reizen", "stage"],
             "rules": {"chosenPerInstitution": 1, "randomPerRespondent": 1, "maxMinutes": 10}}
            """;

    static final String BASIS = """
            {"format": "peiling.module/1", "id": "basis", "version": "2099.1", "kind": "base",
             "title": {"nl": "Basisvragenlijst", "en": "Base questionnaire"},
             "scales": [
               {"id": "eens5",
                "points": [{"code": 1, "label": {"nl": "Helemaal oneens", "en": "Strongly disagree"}},
                           {"code": 2, "label": {"nl": "Oneens", "en": "Disagree"}},
                           {"code": 3, "label": {"nl": "Neutraal", "en": "Neutral"}},
                           {"code": 4, "label": {"nl": "Eens", "en": "Agree"}},
                           {"code": 5, "label": {"nl": "Helemaal eens", "en": "Strongly agree"}}],
                "negative": [1, 2], "neutral": [3], "positive": [4, 5],
                "nonSubstantive": [{"code": "nvt", "label": {"nl": "Niet van toepassing", "en": "Not applicable"}}]}
             ],
             "questions": [
               {"id": "b01", "type": "single", "text": {"nl": "Heb je dit jaar stage gelopen?", "en": "Did you do an internship this year?"},
                "options": [{"code": "ja", "label": {"nl": "Ja", "en": "Yes"}},
                            {"code": "nee", "label": {"nl": "Nee", "en": "No"}}]},
               {"id": "b02", "type": "scale", "scale": "eens5",
                "text": {"nl": "Mijn begeleider zei \\"goed gedaan\\", ook als 't niet zo was.",
                         "en": "My supervisor said \\"well done\\", even when it wasn't."},
                "visibleIf": "b01 = 'ja'"},
               {"id": "b03", "type": "grade", "text": {"nl": "Welk rapportcijfer geef je je school?", "en": "What grade do you give your school?"}},
               {"id": "b04", "type": "text", "text": {"nl": "Wat kan er beter?", "en": "What could be better?"}, "maxLength": 500}
             ],
             "clusters": []}
            """;

    static final String REIZEN = """
            {"format": "peiling.module/1", "id": "reizen", "version": "2099.1", "kind": "optional",
             "title": {"nl": "Reizen naar school", "en": "Travelling to school"},
             "scales": [
               {"id": "vaak3",
                "points": [{"code": 1, "label": {"nl": "Nooit", "en": "Never"}},
                           {"code": 2, "label": {"nl": "Soms", "en": "Sometimes"}},
                           {"code": 3, "label": {"nl": "Vaak", "en": "Often"}}],
                "negative": [3], "neutral": [2], "positive": [1],
                "nonSubstantive": [{"code": "wn", "label": {"nl": "Weet niet", "en": "Don't know"}},
                                   {"code": "nvt", "label": {"nl": "Niet van toepassing", "en": "Not applicable"}}]}
             ],
             "questions": [
               {"id": "r01", "type": "number", "text": {"nl": "Hoeveel minuten reis je naar school?", "en": "How many minutes do you travel to school?"},
                "min": 0, "max": 300, "unit": {"nl": "minuten", "en": "minutes"}},
               {"id": "r02", "type": "multi", "text": {"nl": "Hoe reis je naar school?", "en": "How do you travel to school?"},
                "options": [{"code": "lopen", "label": {"nl": "Lopen", "en": "Walking"}},
                            {"code": "fiets", "label": {"nl": "Fiets", "en": "Bicycle"}},
                            {"code": "ov", "label": {"nl": "Bus | tram | trein", "en": "Bus | tram | train"}}],
                "minSelected": 1, "maxSelected": 2, "visibleIf": "r01 > 0"},
               {"id": "r03", "type": "scale", "scale": "vaak3",
                "text": {"nl": "LONG_NL", "en": "LONG_EN"},
                "visibleIf": "answered(r02) and b01 = 'ja'"},
               {"id": "r04", "type": "scale", "scale": "vaak3", "text": {"nl": "Ik kom te laat door vertraging.", "en": "I am late because of delays."}}
             ],
             "clusters": [
               {"id": "r_vertraging", "title": {"nl": "Vertraging", "en": "Delays"}, "items": ["r03", "r04"]}
             ]}
            """.replace(
                    "LONG_NL",
                    "Hoe vaak komt het voor dat je bus, tram of trein zo veel vertraging heeft dat je te laat "
                            + "komt voor de eerste les van de dag, ook als je op tijd van huis bent vertrokken en de reisplanner "
                            + "had gezegd dat je ruim op tijd zou zijn? Denk aan de afgelopen vier weken, en tel ook de dagen "
                            + "mee waarop je een andere route moest nemen door werkzaamheden aan het spoor.")
            .replace(
                    "LONG_EN",
                    "How often does your bus, tram or train run so late that you miss the start of "
                            + "the first lesson of the day?");

    static final String STAGE = """
            {"format": "peiling.module/1", "id": "stage", "version": "2099.1", "kind": "optional",
             "title": {"nl": "Stage", "en": "Internship"},
             "scales": [
               {"id": "eens5",
                "points": [{"code": 1, "label": {"nl": "Helemaal oneens", "en": "Strongly disagree"}},
                           {"code": 2, "label": {"nl": "Oneens", "en": "Disagree"}},
                           {"code": 3, "label": {"nl": "Neutraal", "en": "Neutral"}},
                           {"code": 4, "label": {"nl": "Eens", "en": "Agree"}},
                           {"code": 5, "label": {"nl": "Helemaal eens", "en": "Strongly agree"}}],
                "negative": [1, 2], "neutral": [3], "positive": [4, 5],
                "nonSubstantive": [{"code": "nvt", "label": {"nl": "Niet van toepassing", "en": "Not applicable"}}]}
             ],
             "questions": [
               {"id": "s01", "type": "scale", "scale": "eens5", "text": {"nl": "Ik leer veel op mijn stage.", "en": "I learn a lot in my internship."},
                "visibleIf": "b01 = 'ja'"},
               {"id": "s02", "type": "scale", "scale": "eens5", "text": {"nl": "Mijn stage past bij mijn opleiding.", "en": "My internship fits my programme."},
                "visibleIf": "b01 = 'ja'"}
             ],
             "clusters": []}
            """;

    private CodebookFolder() {}

    /** Writes the edition into {@code folder} and returns it. */
    static Path write(Path folder) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("edition.json", EDITION);
        files.put("basis.json", BASIS);
        files.put("reizen.json", REIZEN);
        files.put("stage.json", STAGE);
        try {
            Files.createDirectories(folder);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(folder.resolve(file.getKey()), file.getValue());
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
