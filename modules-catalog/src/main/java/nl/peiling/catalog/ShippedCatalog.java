package nl.peiling.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.peiling.core.io.Definitions;
import nl.peiling.core.model.Edition;
import nl.peiling.core.spi.CatalogProvider;

/**
 * The editions peiling ships: the JOB-monitor's base questionnaire and optional modules, in Dutch and
 * English. Each edition is a definition folder of class-path resources under
 * {@code nl/peiling/catalog/editions/<edition>/}, read on first use; its rules are checked by the build's
 * tests, not on each start.
 */
public final class ShippedCatalog implements CatalogProvider {

    /** The shipped editions with the files of each, in the order of their edition file. */
    private static final Map<String, List<String>> FILES = Map.of(
            "2025",
            List.of("edition.json", "basis.json"),
            "2027",
            List.of(
                    "edition.json",
                    "basis.json",
                    "nabijheid.json",
                    "huisvesting.json",
                    "positie.json",
                    "llo.json",
                    "geldzorgen.json",
                    "welzijn.json",
                    "burgerschap.json",
                    "stage.json"));

    private static final String ROOT = "/nl/peiling/catalog/editions/";

    private final Map<String, Edition> loaded = new ConcurrentHashMap<>();

    /** The provider; {@link java.util.ServiceLoader} calls this. */
    public ShippedCatalog() {}

    @Override
    public String name() {
        return "peiling-modules-catalog";
    }

    @Override
    public Set<String> editions() {
        return FILES.keySet();
    }

    @Override
    public Edition edition(String id) {
        if (!FILES.containsKey(id)) {
            throw new IllegalArgumentException(
                    "edition \"" + id + "\" is not shipped by " + name() + " (shipped: " + FILES.keySet() + ")");
        }
        return loaded.computeIfAbsent(id, this::read);
    }

    private Edition read(String id) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String file : FILES.get(id)) {
            files.put(file, resource(ROOT + id + "/" + file));
        }
        // Every rule, and the trends against the shipped previous edition, are checked by the tests, so
        // each start only parses and binds the files (strictly).
        return Definitions.standard().readValidatedEdition("catalog:" + id, files);
    }

    private static byte[] resource(String name) {
        try (InputStream in = ShippedCatalog.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the catalog resource " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read catalog resource " + name, e);
        }
    }
}
