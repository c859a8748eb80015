/** peiling stats: response formulas and score aggregation. */
module nl.peiling.stats {
    requires transitive nl.peiling.core;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.dataformat.csv;

    exports nl.peiling.stats.sampling;
    exports nl.peiling.stats.responses;
    exports nl.peiling.stats.scores;
}
