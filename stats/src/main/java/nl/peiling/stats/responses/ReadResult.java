package nl.peiling.stats.responses;

import java.util.List;

/**
 * What a read produced: the sinks of its workers, the row counts and the rejects in line order.
 * {@code rows == accepted + rejects.size()} always holds.
 *
 * @param sinks one sink per worker thread, to merge
 * @param rows the data rows read (the header not counted)
 * @param accepted the rows accepted
 * @param rejects the rows rejected, in line order
 * @param <S> the sink type
 */
public record ReadResult<S extends RowSink>(List<S> sinks, long rows, long accepted, List<Reject> rejects) {

    public ReadResult {
        sinks = List.copyOf(sinks);
        rejects = List.copyOf(rejects);
        if (rows != accepted + rejects.size()) {
            throw new IllegalStateException(
                    "rows (" + rows + ") != accepted (" + accepted + ") + rejected (" + rejects.size() + ")");
        }
    }

    /** The number of rejected rows. */
    public long rejected() {
        return rejects.size();
    }
}
