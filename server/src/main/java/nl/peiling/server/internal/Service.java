package nl.peiling.server.internal;

import java.nio.ByteBuffer;
import nl.peiling.core.allocation.Allocator;
import nl.peiling.core.engine.Questionnaire;
import nl.peiling.server.ServerConfig;
import nl.peiling.server.ServerException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The running service: the database, the compiled questionnaire and the Jetty server around the API. */
public final class Service implements AutoCloseable {

    private final Database database;
    private final Committer committer;
    private final Server jetty;
    private final ServerConnector connector;

    private Service(Database database, Committer committer, Server jetty, ServerConnector connector) {
        this.database = database;
        this.committer = committer;
        this.jetty = jetty;
        this.connector = connector;
    }

    /**
     * Opens the database (migrating its schema), compiles the questionnaire and starts listening.
     *
     * @throws ServerException when any of these fails; nothing is left running then
     */
    public static Service start(ServerConfig config) {
        Questionnaire questionnaire = Questionnaire.compile(config.edition());
        Allocator allocator = Allocator.of(config.edition(), config.institutions(), config.seed());
        Database database = config.databaseUrl()
                .map(url -> Database.open(url, config.poolSize()))
                .orElseGet(() -> Database.embedded(config.dataFolder(), config.poolSize()));
        Committer committer = new Committer(database);
        try {
            SessionService service = new SessionService(
                    questionnaire,
                    allocator,
                    config.institutions(),
                    new SessionStore(database),
                    committer,
                    config.populationIfGiven().orElse(null));
            QueuedThreadPool threads = new QueuedThreadPool(Math.max(32, config.maxActive() * 2 + 16), 8);
            threads.setName("peiling-http");
            Server jetty = new Server(threads);
            HttpConfiguration http = new HttpConfiguration();
            http.setSendServerVersion(false);
            http.setSendDateHeader(true);
            ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
            connector.setHost(config.host());
            connector.setPort(config.port());
            connector.setIdleTimeout(30_000);
            connector.setAcceptQueueSize(1024);
            jetty.addConnector(connector);
            PageKeys keys = new PageKeys(config.seed());
            PageHandler pages = new PageHandler(service, keys, config.institutions(), config.edition());
            PageLinks links = new PageLinks(keys, config.institutions());
            jetty.setHandler(
                    new ApiHandler(service, pages, links, config.apiKey(), config.maxActive(), config.queueWait()));
            jetty.setErrorHandler(new ProblemErrorHandler());
            jetty.setStopTimeout(5_000);
            try {
                jetty.start();
            } catch (Exception e) {
                stopQuietly(jetty);
                throw new ServerException(
                        "the HTTP server did not start on " + config.host() + ":" + config.port() + ": "
                                + e.getMessage(),
                        e);
            }
            return new Service(database, committer, jetty, connector);
        } catch (RuntimeException e) {
            committer.close();
            database.close();
            throw e;
        }
    }

    /** The port listened on (the chosen one when the configuration said 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The database, for tests and tools. */
    public Database database() {
        return database;
    }

    /** Waits until the server stops. */
    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() {
        try {
            stopQuietly(jetty);
        } finally {
            committer.close();
            database.close();
        }
    }

    private static void stopQuietly(Server jetty) {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new ServerException("the HTTP server did not stop: " + e.getMessage(), e);
        }
    }

    /** Errors Jetty answers itself (a malformed request line, too large headers): a problem list, no stack. */
    private static final class ProblemErrorHandler extends ErrorHandler {

        ProblemErrorHandler() {
            setShowStacks(false);
            setShowCauses(false);
            setShowMessageInTitle(false);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Object status = request.getAttribute(ErrorHandler.ERROR_STATUS);
            int code = status instanceof Integer i ? i : response.getStatus();
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.write(true, ByteBuffer.wrap(ApiHandler.jettyError(code, "HTTP " + code)), callback);
            return true;
        }
    }
}
