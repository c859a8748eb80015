package nl.peiling.server;

/** A server in a process of its own, for the crash test: {@code ServeMain <jdbc-url>}; prints its port. */
public final class ServeMain {

    private ServeMain() {}

    public static void main(String[] args) throws InterruptedException {
        PeilingServer server = PeilingServer.start(Fixtures.config(args[0]).withPoolSize(8));
        System.out.println("port " + server.port());
        System.out.flush();
        server.join();
    }
}
