package nl.peiling.core.allocation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.peiling.core.io.Definitions;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.EditionManifest;
import nl.peiling.core.model.LocalizedText;
import nl.peiling.core.model.Module;
import nl.peiling.core.model.ModuleKind;
import nl.peiling.core.model.Rules;
import nl.peiling.core.model.TextQuestion;

/** Editions, plans and populations for the allocation tests. */
final class Fixtures {

    /** The shipped 2027 edition: 8 optional modules, 3 chosen, 2 random, 25 minutes. */
    static final Path EDITION_2027 = Path.of("../modules-catalog/src/main/resources/nl/peiling/catalog/editions/2027");

    private Fixtures() {}

    static Edition edition2027() {
        return Definitions.standard().readEdition(EDITION_2027);
    }

    /** A module of one text question that takes the given seconds. */
    static Module module(String id, ModuleKind kind, int seconds) {
        TextQuestion question = new TextQuestion(id + "_q", LocalizedText.of("Vraag", "Question"), null, null, seconds);
        return new Module(id, "1", kind, LocalizedText.of(id, id), List.of(), List.of(question), List.of());
    }

    /**
     * An edition with a base module of {@code baseSeconds} and optional modules {@code m0, m1, …} of the
     * given lengths.
     */
    static Edition edition(int baseSeconds, int[] optionalSeconds, int chosen, int random, int maxMinutes) {
        List<Module> optional = new ArrayList<>();
        for (int i = 0; i < optionalSeconds.length; i++) {
            optional.add(module("m" + i, ModuleKind.OPTIONAL, optionalSeconds[i]));
        }
        EditionManifest manifest = new EditionManifest(
                "2099",
                null,
                "basis",
                optional.stream().map(Module::id).toList(),
                new Rules(chosen, random, maxMinutes));
        return new Edition(manifest, module("basis", ModuleKind.BASE, baseSeconds), optional);
    }

    /** The length of a respondent's modules, in seconds. */
    static int seconds(Edition edition, List<String> modules) {
        return modules.stream()
                .mapToInt(m -> edition.module(m).orElseThrow().seconds())
                .sum();
    }
}
