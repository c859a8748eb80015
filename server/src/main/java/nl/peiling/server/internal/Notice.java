package nl.peiling.server.internal;

import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The survey owner's notice, read from the database at most once per {@link #TTL_MILLIS} per process, so
 * that every process shows a new notice within seconds without a query per request.
 */
final class Notice {

    static final long TTL_MILLIS = 3_000;

    private record Cached(Optional<String> text, long readAt) {}

    private final SessionStore store;
    private final AtomicBoolean reading = new AtomicBoolean();
    private volatile Cached cached = new Cached(Optional.empty(), Long.MIN_VALUE);

    Notice(SessionStore store) {
        this.store = store;
    }

    /** The notice; the last one read when the database cannot be asked now. */
    Optional<String> current() {
        Cached last = cached;
        long now = System.nanoTime() / 1_000_000;
        boolean known = last.readAt() != Long.MIN_VALUE;
        if (known && now - last.readAt() < TTL_MILLIS) {
            return last.text();
        }
        // One request reads it again; the others meanwhile show the notice they have.
        if (!reading.compareAndSet(false, true)) {
            return last.text();
        }
        try {
            Cached fresh = new Cached(store.notice(), now);
            cached = fresh;
            return fresh.text();
        } catch (SQLException e) {
            return last.text();
        } finally {
            reading.set(false);
        }
    }

    void set(Optional<String> text) throws SQLException {
        store.setNotice(text);
        cached = new Cached(text, System.nanoTime() / 1_000_000);
    }
}
