/**
 * peiling core: the definition model, the JSON definition format, the validator and the routing
 * language of modular student surveys.
 */
module nl.peiling.core {
    requires transitive jakarta.validation;
    requires org.hibernate.validator;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.dataformat.csv;
    requires org.slf4j;

    exports nl.peiling.core.model;
    exports nl.peiling.core.routing;
    exports nl.peiling.core.io;
    exports nl.peiling.core.validation;
    exports nl.peiling.core.spi;
    exports nl.peiling.core.catalog;
    exports nl.peiling.core.codebook;
    exports nl.peiling.core.allocation;
    exports nl.peiling.core.engine;

    // Bean Validation reads the constraint annotations of the model records reflectively.
    opens nl.peiling.core.model to
            org.hibernate.validator;

    uses nl.peiling.core.spi.CatalogProvider;
}
