package nl.peiling.server.internal;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of session changes: the changes that requests hand in while a commit is under way are
 * written together in the next transaction, one {@code update} each (sent as one batch), and each request
 * learns its own outcome only after that transaction committed. So an acknowledged answer is always
 * committed (and fsynced: synchronous commit stays on), but many answers share one commit.
 *
 * <p>Each update names the version it was made on ({@code where id = ? and version = ?}); an update that
 * finds another version changes nothing and its request is told so, to load the newer state and try
 * again (another process changed the session meanwhile). A batch locks its rows in the order of their
 * ids, so batches of several processes never deadlock.
 */
final class Committer implements AutoCloseable {

    /** The most changes in one transaction. */
    static final int MAX_BATCH = 128;
    /** The writers, each committing one batch at a time. */
    static final int WRITERS = 2;
    /** How long a request waits for its commit before it is told the database is unavailable. */
    static final long WAIT_SECONDS = 60;

    private static final Logger LOG = LoggerFactory.getLogger(Committer.class);
    private static final String UPDATE = "update sessions set state = ?, version = version + 1, updated_at = now(),"
            + " finished = ?, record = ?,"
            + " finished_at = case when ? then coalesce(finished_at, now()) else null end"
            + " where id = ? and version = ?";

    /** A change to store: the session row's id, the version it was made on, the new state and record. */
    private record Write(long id, int version, String state, String record, CompletableFuture<Boolean> stored) {}

    private final Database database;
    private final BlockingQueue<Write> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean open = true;

    Committer(Database database) {
        this.database = requireNonNull(database, "database");
        for (int i = 0; i < WRITERS; i++) {
            Thread writer = new Thread(this::run, "peiling-commit-" + i);
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
    }

    /**
     * Stores a session's new state if the row still has {@code version}, and returns once it is committed.
     *
     * @param record the finished record's CSV line, or null when the session is not finished
     * @return true when stored (the row's version is now {@code version + 1}); false when the row had
     *     another version, so nothing was stored
     * @throws SQLException when the database could not store it; nothing of this change is stored then
     */
    boolean store(long id, int version, String state, String record) throws SQLException {
        Write write = new Write(id, version, requireNonNull(state, "state"), record, new CompletableFuture<>());
        if (!open) {
            throw new SQLException("the service is stopping", "08006");
        }
        queue.add(write);
        try {
            return write.stored().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException("the commit failed", "08006", e.getCause());
        } catch (TimeoutException e) {
            // Not known whether it will commit; the caller drops its copy and reads the row again next time.
            throw new SQLException("the commit took longer than " + WAIT_SECONDS + " s", "08006", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the commit", "08006", e);
        }
    }

    private void run() {
        List<Write> batch = new ArrayList<>(MAX_BATCH);
        while (open || !queue.isEmpty()) {
            try {
                Write first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                // closing: finish what is queued
            } catch (RuntimeException e) {
                LOG.error("commit writer error {}", e.getClass().getName());
                batch.forEach(w -> w.stored().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Write> batch) {
        batch.sort(Comparator.comparingLong(Write::id));
        int[] counts;
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
                for (Write write : batch) {
                    boolean finished = write.record() != null;
                    update.setString(1, write.state());
                    update.setBoolean(2, finished);
                    update.setString(3, write.record());
                    update.setBoolean(4, finished);
                    update.setLong(5, write.id());
                    update.setInt(6, write.version());
                    update.addBatch();
                }
                counts = update.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            batch.forEach(w -> w.stored().completeExceptionally(e));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).stored().complete(counts[i] == 1);
        }
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Commits what is queued, then stops the writers. */
    @Override
    public void close() {
        open = false;
        for (Thread writer : writers) {
            writer.interrupt();
        }
        for (Thread writer : writers) {
            try {
                writer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
