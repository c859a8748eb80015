package nl.peiling.server;

import java.util.List;
import java.util.Map;
import nl.peiling.core.allocation.Institution;
import nl.peiling.core.catalog.Catalog;
import nl.peiling.core.model.Edition;
import nl.peiling.stats.sampling.Population;

/** The edition, institutions and keys the server tests run with. */
final class Fixtures {

    static final Edition EDITION = Catalog.load().find("2027").orElseThrow();
    static final String SEED = "serve-test-seed";
    static final String API_KEY = "vendor-key-0123456789abcdef";
    /** An institution whose codes carry SQL metacharacters; they must be stored verbatim. */
    static final String ODD_INSTITUTION = "O'R;--";

    static final List<Institution> INSTITUTIONS = List.of(
            Institution.of("25LZ", List.of("llo", "welzijn", "stage"), List.of("huisvesting"), "01", "02"),
            Institution.of("30AB", List.of("llo", "welzijn", "stage"), List.of(), "01"),
            Institution.of(
                    ODD_INSTITUTION, List.of("llo", "welzijn", "stage"), List.of(), "x\"); drop table sessions; --"));

    static final Population POPULATION = Population.of(Map.of(
            "25LZ",
            Map.of("01", 400L, "02", 300L),
            "30AB",
            Map.of("01", 500L),
            ODD_INSTITUTION,
            Map.of("x\"); drop table sessions; --", 50L)));

    private Fixtures() {}

    /** A configuration on a fresh test database, on a free loopback port. */
    static ServerConfig config() {
        return config(TestPostgres.newDatabase());
    }

    static ServerConfig config(String database) {
        return ServerConfig.of(EDITION, INSTITUTIONS, SEED, API_KEY)
                .withDatabase(database)
                .withHost("127.0.0.1")
                .withPort(0)
                .withPoolSize(4)
                .withPopulation(POPULATION);
    }
}
