package nl.peiling.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import nl.peiling.core.allocation.Institution;
import nl.peiling.core.allocation.Institutions;
import nl.peiling.core.model.Edition;
import nl.peiling.server.PeilingServer;
import nl.peiling.server.ServerConfig;
import nl.peiling.stats.sampling.Population;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code peiling serve}: the questionnaire engine as a JSON service stored in PostgreSQL (SPEC section 10). */
@Command(
        name = "serve",
        description = {
            "Serves the edition's questionnaires: a JSON API, every acknowledged answer stored",
            "in PostgreSQL (--database), or without it in an embedded PostgreSQL in the data folder. Any number of",
            "serve processes may share one database. Stops on Ctrl-C or SIGTERM.",
            "The API is described in docs/serve.md."
        })
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    EditionOption edition;

    @Option(
            names = "--institutions",
            paramLabel = "F",
            required = true,
            description = "institutions.json: code, name, shortName, chosen, excluded, locations per institution.")
    Path institutions;

    @Option(
            names = "--seed-file",
            paramLabel = "F",
            required = true,
            description = "A file whose first line is the allocation seed (a secret; the same seed, the same modules).")
    Path seedFile;

    @Option(
            names = "--database",
            paramLabel = "URL",
            description = "A jdbc:postgresql:// URL, user and password as its parameters. Without it: an embedded"
                    + " PostgreSQL in --data.")
    String database;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = "peiling-data",
            description = "The embedded database's folder, and where a generated API key is kept"
                    + " (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(
            names = "--port",
            paramLabel = "P",
            defaultValue = "8080",
            description = "The HTTP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description = "The address to listen on; 0.0.0.0 for all (default: ${DEFAULT-VALUE}, behind a proxy).")
    String host;

    @Option(
            names = "--api-key-file",
            paramLabel = "F",
            description = "A file whose first line is the vendor API key (at least 16 characters). Without it a key"
                    + " is generated once and kept in DIR/api-key.")
    Path apiKeyFile;

    @Option(names = "--population", paramLabel = "F", description = "population.csv, for GET /api/v1/barometer.")
    Path population;

    @Option(
            names = "--pool",
            paramLabel = "N",
            defaultValue = "10",
            description = "Database connections of this process (default: ${DEFAULT-VALUE}).")
    int pool;

    @Option(
            names = "--max-active",
            paramLabel = "N",
            defaultValue = "64",
            description = "Requests worked on at once; more wait up to a second, then get 503 with Retry-After"
                    + " (default: ${DEFAULT-VALUE}).")
    int maxActive;

    @Override
    public Integer call() throws InterruptedException {
        Edition definition = edition.resolve();
        List<Institution> plans = Institutions.read(institutions);
        String seed = firstLine(seedFile, "seed file");
        ServerConfig config;
        try {
            config = ServerConfig.of(definition, plans, seed, apiKey())
                    .withDatabase(database)
                    .withDataFolder(data)
                    .withPort(port)
                    .withHost(host)
                    .withPoolSize(pool)
                    .withLimits(maxActive, Duration.ofSeconds(1));
            if (population != null) {
                config = config.withPopulation(Population.read(population));
            }
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage(), e);
        }
        PeilingServer server = PeilingServer.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "peiling-serve-stop"));
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                Locale.ROOT,
                "peiling serve: listening on http://%s:%d/ (edition %s, %s)%n",
                host,
                server.port(),
                definition.id(),
                config.describeDatabase());
        out.flush();
        server.join();
        return Peiling.EXIT_OK;
    }

    /** The key of --api-key-file, or the one generated once into DIR/api-key. */
    private String apiKey() {
        if (apiKeyFile != null) {
            return firstLine(apiKeyFile, "API key file");
        }
        Path file = data.resolve("api-key");
        if (Files.exists(file)) {
            return firstLine(file, "API key file");
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            Files.createDirectories(data);
            Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system; the folder's own permissions protect it
            }
        } catch (IOException e) {
            throw new InputException("cannot write the generated API key to " + file + ": " + e.getMessage(), e);
        }
        spec.commandLine().getErr().println("peiling serve: generated an API key in " + file);
        return key;
    }

    private static String firstLine(Path file, String what) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String line = lines.isEmpty() ? "" : lines.get(0).strip();
            if (line.isEmpty()) {
                throw new InputException("the " + what + " " + file + " starts with an empty line");
            }
            return line;
        } catch (IOException e) {
            throw new InputException(
                    "cannot read the " + what + " " + file + ": " + e.getClass().getSimpleName(), e);
        }
    }
}
