package nl.peiling.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for the tests: zonky's embedded PostgreSQL binaries (from Maven Central), started once
 * per test JVM by the build and stopped when it exits. Each test gets a database of its own.
 */
final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres shared;

    private TestPostgres() {}

    /** A new, empty database on the shared PostgreSQL; its JDBC URL. */
    static synchronized String newDatabase() {
        EmbeddedPostgres postgres = shared();
        String name = "peiling_test_" + DATABASES.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("creating test database " + name + " failed", e);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    /** A PostgreSQL of its own in {@code folder} on {@code port} (0: any), for tests that stop and start it. */
    static EmbeddedPostgres own(Path folder, int port) {
        try {
            EmbeddedPostgres.Builder builder =
                    EmbeddedPostgres.builder().setDataDirectory(folder).setCleanDataDirectory(false);
            if (port > 0) {
                builder.setPort(port);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedPostgres shared() {
        if (shared == null) {
            try {
                shared = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("the test PostgreSQL did not start", e);
            }
            EmbeddedPostgres started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is exiting; the temporary cluster goes with it
                }
            }));
        }
        return shared;
    }
}
