package nl.peiling.core.spi;

import java.util.Set;
import nl.peiling.core.model.Edition;

/**
 * A source of shipped editions, found with {@link java.util.ServiceLoader}. The peiling modules
 * catalog is one provider; a vendor adds its own editions by adding a jar with another.
 */
public interface CatalogProvider {

    /** A short name of the provider, used in messages about conflicts. */
    String name();

    /** The ids of the editions this provider ships. */
    Set<String> editions();

    /**
     * The edition with this id.
     *
     * @throws IllegalArgumentException when the provider does not ship it
     */
    Edition edition(String id);
}
