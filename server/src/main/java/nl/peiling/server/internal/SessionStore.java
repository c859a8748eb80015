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
 * saved state and its version. Changes are stored by the {@link Committer}, on the version they were made
 * from, so one respondent's changes are serialised across all processes.
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
            boolean finished) {

        /** The row without its stored state, to hold beside the resumed session. */
        Row withoutState() {
            return new Row(id, token, respondent, institution, location, test, "", version, finished);
        }
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

    /** The version of a session row; -1 when there is no such row. */
    int version(long id) throws SQLException {
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement("select version from sessions where id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getInt(1) : -1;
            }
        }
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
}
