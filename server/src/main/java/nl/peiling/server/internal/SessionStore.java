package nl.peiling.server.internal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The sessions table (docs/serve.md#the-schema): one row per respondent key and kind, holding the engine's
 * saved state. Every change runs in a transaction that locks the row, so one respondent's requests are
 * serialised across all processes, and is committed before the caller replies.
 */
final class SessionStore {

    /** A stored session row. */
    record Row(
            long id,
            String token,
            String respondent,
            String institution,
            String location,
            boolean test,
            String state,
            int version,
            boolean finished) {}

    /**
     * What a change made of the row it locked: its result for the caller and, when something is to be
     * stored, the new state (and the finished record's CSV line when the change finished the session).
     */
    record Outcome<T>(T result, String state, String record) {

        /** Nothing to store: the change was refused or changed nothing. */
        static <T> Outcome<T> keep(T result) {
            return new Outcome<>(result, null, null);
        }

        /** Store the new state; {@code record} is null unless the session is now finished. */
        static <T> Outcome<T> store(T result, String state, String record) {
            return new Outcome<>(result, requireNonNull(state, "state"), record);
        }
    }

    /** A change applied to a locked row, inside the transaction. */
    @FunctionalInterface
    interface Change<T> {
        Outcome<T> apply(Row row);
    }

    private static final String COLUMNS =
            "id, token, respondent, institution, location, test, state, version, finished";

    private final Database database;

    SessionStore(Database database) {
        this.database = requireNonNull(database, "database");
    }

    /** The session of a token, read without locking. */
    Optional<Row> find(String token) throws SQLException {
        try (Connection connection = database.connection();
                PreparedStatement select =
                        connection.prepareStatement("select " + COLUMNS + " from sessions where token = ?")) {
            select.setString(1, token);
            return one(select);
        }
    }

    /** The session of a respondent key and kind, read without locking. */
    Optional<Row> findRespondent(String respondent, boolean test) throws SQLException {
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement(
                        "select " + COLUMNS + " from sessions where test = ? and respondent = ?")) {
            select.setBoolean(1, test);
            select.setString(2, respondent);
            return one(select);
        }
    }

    /**
     * Inserts a new session unless the respondent already has one of this kind (a double login, maybe on
     * another process at the same moment); returns the row that is stored either way and whether it is new.
     */
    Inserted insert(Row row, String modules) throws SQLException {
        try (Connection connection = database.connection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into sessions (token, respondent, institution, location, modules, test, state)"
                                + " values (?, ?, ?, ?, ?, ?, ?)"
                                + " on conflict (test, respondent) do nothing returning " + COLUMNS)) {
            insert.setString(1, row.token());
            insert.setString(2, row.respondent());
            insert.setString(3, row.institution());
            insert.setString(4, row.location());
            insert.setString(5, modules);
            insert.setBoolean(6, row.test());
            insert.setString(7, row.state());
            Optional<Row> created = one(insert);
            if (created.isPresent()) {
                return new Inserted(created.get(), true);
            }
        }
        Row existing = findRespondent(row.respondent(), row.test())
                .orElseThrow(() -> new SQLException("a session conflicted on insert and then was not found"));
        return new Inserted(existing, false);
    }

    /** The row an insert left: the new one, or the respondent's existing one. */
    record Inserted(Row row, boolean created) {}

    /**
     * Locks the session of a token, applies the change and stores what it asks for, in one transaction.
     *
     * @return empty when the token is unknown, otherwise the change's result
     */
    <T> Optional<T> update(String token, Change<T> change) throws SQLException {
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try {
                Optional<T> result = update(connection, token, change);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static <T> Optional<T> update(Connection connection, String token, Change<T> change) throws SQLException {
        Row row;
        try (PreparedStatement select =
                connection.prepareStatement("select " + COLUMNS + " from sessions where token = ? for update")) {
            select.setString(1, token);
            Optional<Row> found = one(select);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            row = found.get();
        }
        Outcome<T> outcome = change.apply(row);
        if (outcome.state() != null) {
            try (PreparedStatement write = connection.prepareStatement(
                    "update sessions set state = ?, version = version + 1, updated_at = now(),"
                            + " finished = ?, record = ?,"
                            + " finished_at = case when ? then coalesce(finished_at, now()) else null end"
                            + " where id = ?")) {
                boolean finished = outcome.record() != null;
                write.setString(1, outcome.state());
                write.setBoolean(2, finished);
                write.setString(3, outcome.record());
                write.setBoolean(4, finished);
                write.setLong(5, row.id());
                write.executeUpdate();
            }
        }
        return Optional.ofNullable(outcome.result());
    }

    /**
     * Writes the CSV lines of the finished real sessions in the order they were started, streaming: rows are
     * fetched in batches, never all at once.
     */
    void exportRecords(Writer out) throws SQLException, IOException {
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(
                    "select record from sessions where finished and not test order by id")) {
                select.setFetchSize(500);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        out.write(rows.getString(1));
                        out.write("\n");
                    }
                }
                connection.commit();
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** Counts of the finished real sessions: institution to location to respondents. */
    Map<String, Map<String, Long>> finishedByLocation() throws SQLException {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement(
                        "select institution, location, count(*) from sessions where finished and not test"
                                + " group by institution, location");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                counts.computeIfAbsent(rows.getString(1), k -> new TreeMap<>()).put(rows.getString(2), rows.getLong(3));
            }
        }
        return counts;
    }

    /** Counts of the finished real sessions: institution to module to respondents allocated it. */
    Map<String, Map<String, Long>> finishedByModule() throws SQLException {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement(
                        "select institution, modules, count(*) from sessions where finished and not test"
                                + " group by institution, modules");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                Map<String, Long> modules = counts.computeIfAbsent(rows.getString(1), k -> new HashMap<>());
                for (String module : rows.getString(2).split("\\|", -1)) {
                    modules.merge(module, rows.getLong(3), Long::sum);
                }
            }
        }
        return counts;
    }

    /** The notice, when the survey owner set one. */
    Optional<String> notice() throws SQLException {
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement("select text from notice where id = 1");
                ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
        }
    }

    /** Sets the notice, or removes it when {@code text} is empty. */
    void setNotice(Optional<String> text) throws SQLException {
        try (Connection connection = database.connection()) {
            if (text.isEmpty()) {
                try (PreparedStatement delete = connection.prepareStatement("delete from notice")) {
                    delete.executeUpdate();
                }
                return;
            }
            try (PreparedStatement upsert = connection.prepareStatement("insert into notice (id, text) values (1, ?)"
                    + " on conflict (id) do update set text = excluded.text, updated_at = now()")) {
                upsert.setString(1, text.get());
                upsert.executeUpdate();
            }
        }
    }

    /** Whether the database answers a query within a second. */
    boolean ping() {
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement("select 1")) {
            select.setQueryTimeout(1);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            return false;
        }
    }

    private static Optional<Row> one(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            return Optional.of(new Row(
                    rows.getLong("id"),
                    rows.getString("token"),
                    rows.getString("respondent"),
                    rows.getString("institution"),
                    rows.getString("location"),
                    rows.getBoolean("test"),
                    rows.getString("state"),
                    rows.getInt("version"),
                    rows.getBoolean("finished")));
        }
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
