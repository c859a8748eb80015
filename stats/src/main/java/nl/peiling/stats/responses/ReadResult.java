package nl.peiling.stats.responses;

import java.util.List;

/**
 * What a read produced: the sinks of its workers, the row counts, the rejected rows and the answers
 * left out by routing, in line order. {@code rows == accepted + rejects.size()} always holds.
 *
 * @param sinks one sink per worker thread, to merge
 * @param rows the data rows read (the header not counted)
 * @param accepted the rows accepted
 * @param rejects the rows rejected, in line order
 * @param routedOut the answers of accepted rows that their {@code visibleIf} left out, in line order
 * @param <S> the sink type
 */
public record ReadResult<S extends RowSink>(
        List<S> sinks, long rows, long accepted, List<Reject> rejects, List<Reject> routedOut) {

    public ReadResult {
        sinks = List.copyOf(sinks);
        rejects = List.copyOf(rejects);
        routedOut = List.copyOf(routedOut);
        if (rows != accepted + rejects.size()) {
            throw new IllegalStateException(
                    "rows (" + rows + ") != accepted (" + accepted + ") + rejected (" + rejects.size() + ")");
        }
    }

    /** The number of rejected rows. */
    public long rejected() {
        return rejects.size();
    }

    /**
     * What the rejects file lists: the rejected rows and the routed-out answers, in line order (a line's
     * routed-out answers in column order).
     */
    public List<Reject> rejectsFile() {
        List<Reject> all = new java.util.ArrayList<>(rejects.size() + routedOut.size());
        all.addAll(rejects);
        all.addAll(routedOut);
        all.sort(java.util.Comparator.comparingLong(Reject::line)); // stable: a line's notes keep their order
        return List.copyOf(all);
    }
}
