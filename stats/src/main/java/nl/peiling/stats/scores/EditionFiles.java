package nl.peiling.stats.scores;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.peiling.core.io.Definitions;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.Module;

/**
 * The definition an aggregation used, as the files of a definition folder ({@code edition.json}, then
 * one {@code <module>.json} per module in edition order), each as its JSON text: titles, question texts,
 * option labels, scales and reverse-keyed items, so that results describe themselves and {@code
 * Definitions.readEdition(location, files)} reads the edition back.
 */
final class EditionFiles {

    private EditionFiles() {}

    static Map<String, String> of(Edition edition) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(Definitions.EDITION_FILE, Definitions.toJson(edition.manifest()));
        for (Module module : edition.modules()) {
            files.put(module.id() + ".json", Definitions.toJson(module));
        }
        return files;
    }
}
