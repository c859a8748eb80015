package nl.peiling.core.catalog;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import nl.peiling.core.model.Edition;
import nl.peiling.core.spi.CatalogProvider;

/**
 * The editions shipped on the class path or module path, found through {@link CatalogProvider}s with
 * {@link ServiceLoader}. Two providers that ship the same edition id are an error, so that no edition
 * is silently shadowed.
 */
public final class Catalog {

    private final Map<String, CatalogProvider> providers;

    private Catalog(Map<String, CatalogProvider> providers) {
        this.providers = Collections.unmodifiableMap(new TreeMap<>(providers));
    }

    /**
     * The catalog of every provider that {@link ServiceLoader} finds.
     *
     * @throws CatalogException when two providers ship the same edition
     */
    public static Catalog load() {
        List<CatalogProvider> found = new ArrayList<>();
        ServiceLoader.load(CatalogProvider.class, Catalog.class.getClassLoader())
                .forEach(found::add);
        return of(found);
    }

    /**
     * The catalog of the given providers.
     *
     * @throws CatalogException when two providers ship the same edition
     */
    public static Catalog of(List<? extends CatalogProvider> providers) {
        requireNonNull(providers, "providers");
        Map<String, CatalogProvider> byEdition = new TreeMap<>();
        for (CatalogProvider provider : providers) {
            for (String edition : new java.util.TreeSet<>(provider.editions())) {
                CatalogProvider earlier = byEdition.putIfAbsent(edition, provider);
                if (earlier != null) {
                    throw new CatalogException(
                            "edition \"" + edition + "\" is shipped by two providers, \"" + earlier.name() + "\" and \""
                                    + provider.name() + "\"; remove one of them from the class path");
                }
            }
        }
        return new Catalog(byEdition);
    }

    /** The ids of all shipped editions, sorted. */
    public List<String> editions() {
        return List.copyOf(providers.keySet());
    }

    /** The newest edition id (the last in sorted order), if any edition is shipped. */
    public Optional<String> latest() {
        List<String> ids = editions();
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(ids.size() - 1));
    }

    /** The shipped edition with this id, if there is one. */
    public Optional<Edition> find(String id) {
        requireNonNull(id, "id");
        CatalogProvider provider = providers.get(id);
        return provider == null ? Optional.empty() : Optional.of(provider.edition(id));
    }

    /**
     * The shipped edition with this id.
     *
     * @throws CatalogException when no provider ships it
     */
    public Edition edition(String id) {
        return find(id).orElseThrow(() -> new CatalogException("unknown edition \"" + id + "\" (shipped: "
                + (providers.isEmpty() ? "none" : String.join(", ", providers.keySet())) + ")"));
    }

    /** The name of the provider that ships the edition, if any. */
    public Optional<String> providerOf(String id) {
        return Optional.ofNullable(providers.get(id)).map(CatalogProvider::name);
    }

    @Override
    public String toString() {
        return "Catalog" + editions();
    }
}
