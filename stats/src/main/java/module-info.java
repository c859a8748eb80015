/** peiling stats: response formulas and score aggregation. */
module nl.peiling.stats {
    requires transitive nl.peiling.core;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.csv;

    exports nl.peiling.stats.sampling;
    exports nl.peiling.stats.responses;
    exports nl.peiling.stats.scores;
    exports nl.peiling.stats.simulation;
    exports nl.peiling.stats.trend;

    // Results are written and read as JSON by Jackson, which reads the records reflectively.
    opens nl.peiling.stats.scores to
            com.fasterxml.jackson.databind;
    opens nl.peiling.stats.trend to
            com.fasterxml.jackson.databind;
}
