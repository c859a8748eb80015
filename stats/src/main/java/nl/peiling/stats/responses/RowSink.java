package nl.peiling.stats.responses;

/**
 * Receives the accepted rows of one worker thread. Rows found later to be the losing side of a double
 * login are taken back with {@link #remove}, possibly on another worker's sink, so a sink keeps sums
 * that can be subtracted.
 */
public interface RowSink {

    /** Adds an accepted row. */
    void add(ResponseRow row);

    /** Takes back a row added earlier (to this sink or another of the same read). */
    void remove(ResponseRow row);
}
