package nl.peiling.server.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import nl.peiling.server.ServerException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The PostgreSQL database of the service: a connection pool on the given URL, or on the embedded
 * PostgreSQL of the data folder, with the schema migrated to the current version at start.
 */
public final class Database implements AutoCloseable {

    /** How long a request waits for a connection before it is told the database is unavailable. */
    static final long CONNECTION_TIMEOUT_MILLIS = 2_000;

    private final HikariDataSource pool;
    private final EmbeddedPostgres embedded;

    private Database(HikariDataSource pool, EmbeddedPostgres embedded) {
        this.pool = pool;
        this.embedded = embedded;
    }

    /**
     * Opens the pool on {@code url} and migrates the schema.
     *
     * @throws ServerException when the database cannot be reached or migrated
     */
    public static Database open(String url, int poolSize) {
        HikariDataSource pool = pool(url, poolSize);
        try {
            migrate(pool);
            return new Database(pool, null);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Starts (or restarts) the embedded PostgreSQL whose cluster lives in {@code folder/postgres}, opens the
     * pool on it and migrates the schema.
     *
     * @throws ServerException when PostgreSQL cannot start there
     */
    public static Database embedded(Path folder, int poolSize) {
        Path cluster = folder.resolve("postgres");
        EmbeddedPostgres postgres;
        try {
            Files.createDirectories(folder);
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new ServerException(
                    "the embedded PostgreSQL in " + cluster + " did not start (" + e.getMessage()
                            + "); give --database a jdbc:postgresql:// URL to use a PostgreSQL server instead",
                    e);
        }
        HikariDataSource pool = null;
        try {
            pool = pool(postgres.getJdbcUrl("postgres", "postgres"), poolSize);
            migrate(pool);
            return new Database(pool, postgres);
        } catch (RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            closeQuietly(postgres);
            throw e;
        }
    }

    private static HikariDataSource pool(String url, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(2, poolSize));
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        config.setValidationTimeout(1_000);
        // Start even while the database is down; requests then get 503 until it is back.
        config.setInitializationFailTimeout(-1);
        config.setPoolName("peiling");
        config.setAutoCommit(true);
        config.addDataSourceProperty("ApplicationName", "peiling serve");
        config.addDataSourceProperty("connectTimeout", "5");
        config.addDataSourceProperty("socketTimeout", "30");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new ServerException("database " + redact(url) + " cannot be used: " + e.getMessage(), e);
        }
    }

    private static void migrate(DataSource source) {
        try {
            Flyway.configure()
                    .dataSource(source)
                    .locations("classpath:nl/peiling/server/migration")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new ServerException("the database schema could not be migrated: " + e.getMessage(), e);
        }
    }

    /** A connection from the pool. */
    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void close() {
        pool.close();
        if (embedded != null) {
            closeQuietly(embedded);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new ServerException("the embedded PostgreSQL did not stop: " + e.getMessage(), e);
        }
    }

    /** The URL without its query, where a password may be. */
    public static String redact(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?…";
    }
}
