package nl.peiling.server;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.peiling.core.allocation.Institution;
import nl.peiling.core.model.Edition;
import nl.peiling.server.internal.Database;
import nl.peiling.stats.sampling.Population;

/**
 * What {@code peiling serve} runs: the edition, the institutions and the allocation seed, the vendor API
 * key, where the database is, and the limits that keep the service answering under load. Immutable;
 * {@code withX} returns a copy.
 *
 * @param edition the edition administered
 * @param institutions the institutions (from {@code institutions.json}), for the stateless allocation
 * @param seed the allocation seed: the same seed gives every respondent the same modules again
 * @param apiKey the vendor API key (the {@code Bearer} credential of vendor requests)
 * @param database a {@code jdbc:postgresql://} URL, or {@code null} for the embedded database in
 *     {@code dataFolder}
 * @param dataFolder the folder of the embedded database
 * @param port the HTTP port, 0 for any free port
 * @param host the address to listen on
 * @param population the population for the barometer, or {@code null} when not given
 * @param poolSize the number of database connections of this process
 * @param maxActive the requests worked on at once; more wait up to {@code queueWait}, then get 503
 * @param queueWait how long a request may wait for its turn before it gets 503
 */
public record ServerConfig(
        Edition edition,
        List<Institution> institutions,
        String seed,
        String apiKey,
        String database,
        Path dataFolder,
        int port,
        String host,
        Population population,
        int poolSize,
        int maxActive,
        Duration queueWait) {

    /** The shortest API key accepted. */
    public static final int MIN_API_KEY_LENGTH = 16;

    public ServerConfig {
        requireNonNull(edition, "edition");
        institutions = List.copyOf(requireNonNull(institutions, "institutions"));
        requireNonNull(seed, "seed");
        requireNonNull(apiKey, "apiKey");
        requireNonNull(dataFolder, "dataFolder");
        requireNonNull(host, "host");
        requireNonNull(queueWait, "queueWait");
        if (seed.isBlank()) {
            throw new IllegalArgumentException("seed must not be blank");
        }
        if (apiKey.strip().length() < MIN_API_KEY_LENGTH) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "API key (%d characters) must have at least %d characters",
                    apiKey.strip().length(),
                    MIN_API_KEY_LENGTH));
        }
        if (database != null && !database.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("database (" + database + ") must be a jdbc:postgresql:// URL");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port (" + port + ") must be between 0 and 65535");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize (" + poolSize + ") must be >= 1");
        }
        if (maxActive < 1) {
            throw new IllegalArgumentException("maxActive (" + maxActive + ") must be >= 1");
        }
        if (queueWait.isNegative()) {
            throw new IllegalArgumentException("queueWait (" + queueWait + ") must not be negative");
        }
        apiKey = apiKey.strip();
    }

    /**
     * The configuration with the defaults: the embedded database in {@code peiling-data}, port 8080 on
     * the loopback address (a reverse proxy with TLS stands in front), no population, 10 connections, 64 requests at once, 1 second of queueing.
     */
    public static ServerConfig of(Edition edition, List<Institution> institutions, String seed, String apiKey) {
        return new ServerConfig(
                edition,
                institutions,
                seed,
                apiKey,
                null,
                Path.of("peiling-data"),
                8080,
                "127.0.0.1",
                null,
                10,
                64,
                Duration.ofSeconds(1));
    }

    /** The database URL when one was given; empty means the embedded database. */
    public Optional<String> databaseUrl() {
        return Optional.ofNullable(database);
    }

    /** The barometer's population when one was given. */
    public Optional<Population> populationIfGiven() {
        return Optional.ofNullable(population);
    }

    public ServerConfig withDatabase(String url) {
        return new ServerConfig(
                edition,
                institutions,
                seed,
                apiKey,
                url,
                dataFolder,
                port,
                host,
                population,
                poolSize,
                maxActive,
                queueWait);
    }

    public ServerConfig withDataFolder(Path folder) {
        return new ServerConfig(
                edition,
                institutions,
                seed,
                apiKey,
                database,
                folder,
                port,
                host,
                population,
                poolSize,
                maxActive,
                queueWait);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(
                edition,
                institutions,
                seed,
                apiKey,
                database,
                dataFolder,
                newPort,
                host,
                population,
                poolSize,
                maxActive,
                queueWait);
    }

    public ServerConfig withHost(String newHost) {
        return new ServerConfig(
                edition,
                institutions,
                seed,
                apiKey,
                database,
                dataFolder,
                port,
                newHost,
                population,
                poolSize,
                maxActive,
                queueWait);
    }

    public ServerConfig withPopulation(Population newPopulation) {
        return new ServerConfig(
                edition,
                institutions,
                seed,
                apiKey,
                database,
                dataFolder,
                port,
                host,
                newPopulation,
                poolSize,
                maxActive,
                queueWait);
    }

    public ServerConfig withPoolSize(int size) {
        return new ServerConfig(
                edition,
                institutions,
                seed,
                apiKey,
                database,
                dataFolder,
                port,
                host,
                population,
                size,
                maxActive,
                queueWait);
    }

    /** The requests worked on at once, and how long a further request waits before it gets 503. */
    public ServerConfig withLimits(int newMaxActive, Duration newQueueWait) {
        return new ServerConfig(
                edition,
                institutions,
                seed,
                apiKey,
                database,
                dataFolder,
                port,
                host,
                population,
                poolSize,
                newMaxActive,
                newQueueWait);
    }

    /** Where the sessions are stored, for people: the URL without its parameters (where a password may be). */
    public String describeDatabase() {
        return database == null ? "embedded PostgreSQL in " + dataFolder : "PostgreSQL at " + Database.redact(database);
    }

    @Override
    public String toString() {
        // Never the API key.
        return String.format(
                Locale.ROOT,
                "ServerConfig[edition=%s, institutions=%d, database=%s, port=%d, population=%s]",
                edition.id(),
                institutions.size(),
                describeDatabase(),
                port,
                population == null ? "none" : population.total() + " students");
    }
}
