/** peiling modules catalog: the shipped editions, found through {@code ServiceLoader}. */
module nl.peiling.catalog {
    requires nl.peiling.core;

    exports nl.peiling.catalog;

    provides nl.peiling.core.spi.CatalogProvider with
            nl.peiling.catalog.ShippedCatalog;
}
