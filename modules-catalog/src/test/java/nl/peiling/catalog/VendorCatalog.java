package nl.peiling.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.EditionManifest;
import nl.peiling.core.model.LocalizedText;
import nl.peiling.core.model.Module;
import nl.peiling.core.model.ModuleKind;
import nl.peiling.core.model.NumberQuestion;
import nl.peiling.core.spi.CatalogProvider;

/**
 * A vendor's provider, as a vendor would ship it in a jar of its own: the 2027 edition plus one module
 * of the vendor, under the vendor's own edition id. Registered in this test's META-INF/services.
 */
public final class VendorCatalog implements CatalogProvider {

    static final String EDITION = "2027-vendor";

    @Override
    public String name() {
        return "vendor-test";
    }

    @Override
    public Set<String> editions() {
        return Set.of(EDITION);
    }

    @Override
    public Edition edition(String id) {
        if (!id.equals(EDITION)) {
            throw new IllegalArgumentException("not shipped: " + id);
        }
        Edition shipped = new ShippedCatalog().edition("2027");
        Module own = new Module(
                "vendor_extra",
                "2027.1",
                ModuleKind.OPTIONAL,
                LocalizedText.of("Extra", "Extra"),
                List.of(),
                List.of(new NumberQuestion(
                        "vx01",
                        LocalizedText.of("Hoeveel uur werk je?", "How many hours do you work?"),
                        null,
                        null,
                        null,
                        null,
                        null)),
                List.of());
        List<String> ids = new ArrayList<>(shipped.manifest().modules());
        ids.add(own.id());
        List<Module> modules = new ArrayList<>(shipped.optional());
        modules.add(own);
        EditionManifest manifest =
                new EditionManifest(EDITION, "2027", shipped.manifest().base(), ids, shipped.rules());
        return new Edition(manifest, shipped.base(), modules);
    }
}
