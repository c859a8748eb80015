package nl.peiling.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.peiling.core.catalog.Catalog;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.Language;
import nl.peiling.core.model.Module;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code peiling catalog}: the shipped editions and the modules of one. */
@Command(name = "catalog", description = "Lists the shipped editions and the modules of one edition.")
final class CatalogCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(
            names = "--edition",
            paramLabel = "E",
            description = "A shipped edition id or a definition folder (default: the newest shipped edition).")
    String edition;

    @Option(
            names = "--lang",
            paramLabel = "nl|en",
            defaultValue = "nl",
            description = "Language of the titles (default: ${DEFAULT-VALUE}).")
    Language lang;

    @Override
    public Integer call() {
        Catalog catalog = Editions.catalog();
        String id = edition != null
                ? edition
                : catalog.latest().orElseThrow(() -> new InputException("no edition is shipped on the class path"));
        Edition chosen = Editions.resolve(id);
        if (common.json()) {
            Json.print(spec, json(catalog, chosen));
        } else {
            text(catalog, chosen, spec.commandLine().getOut());
        }
        return Peiling.EXIT_OK;
    }

    private Map<String, Object> json(Catalog catalog, Edition edition) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("edition", edition.id());
        json.put("previous", edition.manifest().previous());
        json.put("base", edition.base().id());
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("chosenPerInstitution", edition.rules().chosenPerInstitution());
        rules.put("randomPerRespondent", edition.rules().randomPerRespondent());
        rules.put("maxMinutes", edition.rules().maxMinutes());
        json.put("rules", rules);
        json.put("longestMinutes", minutes(longestSeconds(edition)));
        json.put("editions", catalog.editions());
        List<Map<String, Object>> modules = new ArrayList<>();
        for (Module module : edition.modules()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", module.id());
            entry.put("kind", module.kind().key());
            entry.put("title", module.title().in(lang.code()));
            entry.put("version", module.version());
            entry.put("questions", module.questions().size());
            entry.put("clusters", module.clusters().size());
            entry.put("seconds", module.seconds());
            entry.put("minutes", minutes(module.seconds()));
            modules.add(entry);
        }
        json.put("modules", modules);
        return json;
    }

    private void text(Catalog catalog, Edition edition, PrintWriter out) {
        var rules = edition.rules();
        out.printf(
                Locale.ROOT,
                "Edition %s%s: base %s, %d chosen + %d random modules per respondent, at most %d minutes%n%n",
                edition.id(),
                edition.manifest().previous() == null
                        ? ""
                        : " (previous " + edition.manifest().previous() + ")",
                edition.base().id(),
                rules.chosenPerInstitution(),
                rules.randomPerRespondent(),
                rules.maxMinutes());
        TextTable table = TextTable.of("module", "kind", ">questions", ">clusters", ">minutes", "title");
        for (Module module : edition.modules()) {
            table.row(
                    module.id(),
                    module.kind().key(),
                    module.questions().size(),
                    module.clusters().size(),
                    minutes(module.seconds()).toPlainString(),
                    module.title().in(lang.code()));
        }
        out.print(table);
        out.printf(
                Locale.ROOT,
                "%nLongest questionnaire: %s minutes (base + the %d longest optional modules)%n",
                minutes(longestSeconds(edition)).toPlainString(),
                Math.min(rules.modulesPerRespondent(), edition.optional().size()));
        out.println("Shipped editions: " + String.join(", ", catalog.editions()));
        out.flush();
    }

    private static int longestSeconds(Edition edition) {
        return edition.base().seconds()
                + edition.optional().stream()
                        .map(Module::seconds)
                        .sorted(Comparator.reverseOrder())
                        .limit(edition.rules().modulesPerRespondent())
                        .mapToInt(Integer::intValue)
                        .sum();
    }

    private static BigDecimal minutes(int seconds) {
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }
}
