/** peiling command line: one executable for the whole job. */
module nl.peiling.cli {
    requires nl.peiling.core;
    requires nl.peiling.stats;
    requires nl.peiling.server;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    requires com.j2html;

    uses nl.peiling.core.spi.CatalogProvider;

    exports nl.peiling.cli;

    opens nl.peiling.cli to
            info.picocli;
}
