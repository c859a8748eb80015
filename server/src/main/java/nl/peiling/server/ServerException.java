package nl.peiling.server;

/** The service could not start or stop: the database is unreachable, a migration failed, the port is taken. */
public final class ServerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ServerException(String message, Throwable cause) {
        super(message, cause);
    }

    public ServerException(String message) {
        super(message);
    }
}
