package nl.peiling.stats.scores;

import nl.peiling.core.model.Edition;

/** The small test edition of this package, for tests in other packages. */
public final class AggregatorFixtures {

    private AggregatorFixtures() {}

    /** The edition with one question of every type; see {@code TestEdition}. */
    public static Edition edition() {
        return TestEdition.EDITION;
    }

    /** The same edition with question q3 (an item of cluster c1) reworded in English. */
    public static Edition editionWithQ3Reworded() {
        return TestEdition.edition("q3");
    }
}
