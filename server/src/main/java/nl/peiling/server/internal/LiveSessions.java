package nl.peiling.server.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.peiling.core.engine.Session;
import nl.peiling.server.internal.SessionStore.Row;

/**
 * The sessions this process worked on lately, by token, so that a change needs no read of the row and no
 * resume of the state: each with the row's version it was last stored or read at. The database stays the
 * truth: a change is stored only if the row still has that version, and otherwise the row is read again
 * (another process changed it). At most {@link #CAPACITY} sessions (about 3 KB each), the least recently
 * used dropped first; a finished session is dropped at once.
 */
final class LiveSessions {

    /** The most sessions held. */
    static final int CAPACITY = 10_000;

    /**
     * A session in memory. Its fields are used only while holding the object's monitor; {@code session} is
     * null when the copy is not to be trusted (a store failed, or another process changed the row).
     */
    static final class Live {
        final Row row;
        Session session;
        int version;

        Live(Row row, Session session) {
            this.row = row.withoutState();
            this.session = session;
            this.version = row.version();
        }
    }

    private final Map<String, Live> byToken = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Live> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The session of a token, or null when this process holds none. */
    synchronized Live get(String token) {
        return byToken.get(token);
    }

    /** Holds a session just read or created; an entry already held for the token wins. */
    synchronized Live hold(Live live) {
        Live held = byToken.putIfAbsent(live.row.token(), live);
        return held == null ? live : held;
    }

    /** Drops the session of a token (finished: it changes no more). */
    synchronized void drop(String token) {
        byToken.remove(token);
    }
}
