package nl.peiling.server;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import nl.peiling.server.internal.Service;

/**
 * A running {@code peiling serve}: the JSON API of SPEC section 10 on a port, stored in PostgreSQL. Any
 * number of servers may share one database; together they behave as one service.
 *
 * <pre>{@code
 * try (PeilingServer server = PeilingServer.start(ServerConfig.of(edition, institutions, seed, apiKey)
 *         .withDatabase("jdbc:postgresql://db/peiling?user=peiling"))) {
 *     server.join();
 * }
 * }</pre>
 */
public final class PeilingServer implements AutoCloseable {

    private final ServerConfig config;
    private final Service service;

    private PeilingServer(ServerConfig config, Service service) {
        this.config = config;
        this.service = service;
    }

    /**
     * Opens the database (the embedded one when the configuration names none), migrates its schema and
     * starts listening.
     *
     * @throws ServerException when the database or the port cannot be used
     */
    public static PeilingServer start(ServerConfig config) {
        requireNonNull(config, "config");
        return new PeilingServer(config, Service.start(config));
    }

    /** The configuration it runs with. */
    public ServerConfig config() {
        return config;
    }

    /** The port it listens on. */
    public int port() {
        return service.port();
    }

    /** The base address on the loopback interface, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    /** The running service, for the tests of this package. */
    Service service() {
        return service;
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        service.join();
    }

    /** Stops listening, lets running requests finish, and closes the database (and the embedded PostgreSQL). */
    @Override
    public void close() {
        service.close();
    }

    @Override
    public String toString() {
        return "PeilingServer[port=" + port() + ", " + config + "]";
    }
}
