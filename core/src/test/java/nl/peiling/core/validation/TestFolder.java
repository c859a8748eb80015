package nl.peiling.core.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small valid edition as real files in a folder, for tests that break one thing at a time: base
 * {@code basis} (a routing question, three scale items in a cluster, a grade) and two optional modules
 * {@code mod_a} and {@code mod_b}. Each file can be replaced or edited before it is written.
 */
final class TestFolder {

    static final String SCALE = """
            {"id": "eens5",
             "points": [{"code": 1, "label": {"nl": "Helemaal oneens", "en": "Strongly disagree"}},
                        {"code": 2, "label": {"nl": "Oneens", "en": "Disagree"}},
                        {"code": 3, "label": {"nl": "Neutraal", "en": "Neutral"}},
                        {"code": 4, "label": {"nl": "Eens", "en": "Agree"}},
                        {"code": 5, "label": {"nl": "Helemaal eens", "en": "Strongly agree"}}],
             "negative": [1, 2], "neutral": [3], "positive": [4, 5],
             "nonSubstantive": [{"code": "nvt", "label": {"nl": "Niet van toepassing", "en": "Not applicable"}}]}""";

    static final String EDITION = """
            {"format": "peiling.edition/1", "edition": "2027", "previous": "2025", "base": "basis",
             "modules": ["mod_a", "mod_b"],
             "rules": {"chosenPerInstitution": 1, "randomPerRespondent": 1, "maxMinutes": 10}}
            """;

    static final String BASIS = """
            {"format": "peiling.module/1", "id": "basis", "version": "2027.1", "kind": "base",
             "title": {"nl": "Basisvragenlijst", "en": "Base questionnaire"},
             "scales": [SCALE],
             "questions": [
               {"id": "b01", "type": "single", "text": {"nl": "Stage gelopen?", "en": "Internship?"},
                "options": [{"code": "ja", "label": {"nl": "Ja", "en": "Yes"}},
                            {"code": "nee", "label": {"nl": "Nee", "en": "No"}}]},
               {"id": "b02", "type": "scale", "scale": "eens5", "text": {"nl": "Stelling twee", "en": "Statement two"},
                "visibleIf": "b01 = 'ja'"},
               {"id": "b03", "type": "scale", "scale": "eens5", "text": {"nl": "Stelling drie", "en": "Statement three"}},
               {"id": "b04", "type": "scale", "scale": "eens5", "text": {"nl": "Stelling vier", "en": "Statement four"}},
               {"id": "b05", "type": "grade", "text": {"nl": "Rapportcijfer", "en": "Report mark"}}
             ],
             "clusters": [
               {"id": "b_stage", "title": {"nl": "Stage", "en": "Internship"}, "items": ["b02", "b03", "b04"]}
             ]}
            """.replace("SCALE", SCALE);

    static String optional(String id, String prefix) {
        return """
                {"format": "peiling.module/1", "id": "ID", "version": "2027.1", "kind": "optional",
                 "title": {"nl": "Module ID", "en": "Module ID"},
                 "scales": [SCALE],
                 "questions": [
                   {"id": "P1", "type": "scale", "scale": "eens5", "text": {"nl": "Een", "en": "One"}},
                   {"id": "P2", "type": "scale", "scale": "eens5", "text": {"nl": "Twee", "en": "Two"}},
                   {"id": "P3", "type": "scale", "scale": "eens5", "text": {"nl": "Drie", "en": "Three"},
                    "visibleIf": "b01 = 'ja'"}
                 ],
                 "clusters": [
                   {"id": "P_c", "title": {"nl": "Cluster", "en": "Cluster"}, "items": ["P1", "P2", "P3"], "reverse": ["P3"]}
                 ]}
                """.replace("SCALE", SCALE).replace("ID", id).replace("P", prefix);
    }

    private final Map<String, String> files = new LinkedHashMap<>();

    TestFolder() {
        files.put("edition.json", EDITION);
        files.put("basis.json", BASIS);
        files.put("mod_a.json", optional("mod_a", "a"));
        files.put("mod_b.json", optional("mod_b", "c"));
    }

    /** Replaces text in one file; fails when the text is not there, so a test cannot silently test nothing. */
    TestFolder edit(String file, String from, String to) {
        String content = files.get(file);
        if (content == null || !content.contains(from)) {
            throw new IllegalArgumentException(file + " does not contain " + from);
        }
        files.put(file, content.replace(from, to));
        return this;
    }

    TestFolder put(String file, String content) {
        files.put(file, content);
        return this;
    }

    TestFolder remove(String file) {
        files.remove(file);
        return this;
    }

    String get(String file) {
        return files.get(file);
    }

    Path write(Path folder) {
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
