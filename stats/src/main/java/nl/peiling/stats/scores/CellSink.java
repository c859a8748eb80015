package nl.peiling.stats.scores;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import nl.peiling.stats.responses.ResponseRow;
import nl.peiling.stats.responses.RowSink;

/** The exact sums of one reading thread, per cell (institution × location × level × pathway). */
final class CellSink implements RowSink {
    private final Plan plan;
    /** Per institution and location ("institution\u0000location"): the cells by level × pathway. */
    private final Map<String, CellStats[]> cells = new HashMap<>();

    private String lastInstitution;
    private String lastLocation;
    private CellStats[] last;

    CellSink(Plan plan) {
        this.plan = plan;
    }

    private CellStats cell(ResponseRow row) {
        if (last == null
                || !row.institution().equals(lastInstitution)
                || !row.location().equals(lastLocation)) {
            lastInstitution = row.institution();
            lastLocation = row.location();
            last = cells.computeIfAbsent(lastInstitution + "\u0000" + lastLocation, k -> new CellStats[8]);
        }
        int slot = (row.level() - 1) * 2 + row.pathway();
        CellStats stats = last[slot];
        if (stats == null) {
            stats = new CellStats(plan);
            last[slot] = stats;
        }
        return stats;
    }

    /** The cells with their keys. */
    void forEach(BiConsumer<CellKey, CellStats> action) {
        cells.forEach((place, byLevel) -> {
            int cut = place.indexOf('\u0000');
            for (int slot = 0; slot < byLevel.length; slot++) {
                if (byLevel[slot] != null) {
                    action.accept(
                            new CellKey(place.substring(0, cut), place.substring(cut + 1), slot / 2 + 1, slot % 2),
                            byLevel[slot]);
                }
            }
        });
    }

    @Override
    public void add(ResponseRow row) {
        cell(row).apply(plan, row, 1);
    }

    @Override
    public void remove(ResponseRow row) {
        cell(row).apply(plan, row, -1);
    }
}
