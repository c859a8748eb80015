package nl.peiling.stats.scores;

/** Figures with every number withheld, for a reason. */
final class Withheld {

    private Withheld() {}

    /** An item whose figures are all withheld. */
    static ItemFigures item(String id, String type, Suppression reason) {
        return new ItemFigures(
                id,
                type,
                null,
                null,
                null,
                null,
                null,
                null,
                true,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                reason.key());
    }

    /** A cluster whose figures are all withheld. */
    static ClusterFigures cluster(String id, Suppression reason) {
        return new ClusterFigures(id, null, null, null, null, null, null, true, null, null, reason.key());
    }

    /** The benchmark entry with every figure withheld. */
    static BenchmarkFigures benchmark(String institution, String kind, String id, Suppression reason) {
        return new BenchmarkFigures(
                institution, kind, id, null, null, null, null, null, null, null, null, true, null, reason.key());
    }
}
