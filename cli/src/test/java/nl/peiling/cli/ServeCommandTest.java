package nl.peiling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serve command's refusals, before anything starts: each a one-line message and exit code 2. */
class ServeCommandTest {

    static final String INSTITUTIONS = "[{\"code\":\"25LZ\",\"name\":\"ROC\",\"shortName\":\"ROC\","
            + "\"chosen\":[\"llo\",\"welzijn\",\"stage\"],\"excluded\":[],"
            + "\"locations\":[{\"code\":\"01\",\"name\":\"Hoofd\"}]}]";

    @Test
    void missingSeedFile_isAnInputError(@TempDir Path dir) throws Exception {
        Path institutions = Files.writeString(dir.resolve("institutions.json"), INSTITUTIONS);

        Peiling.Run run = Peiling.execute(
                "serve",
                "--edition",
                "2027",
                "--institutions",
                institutions.toString(),
                "--seed-file",
                dir.resolve("nope.txt").toString());

        assertThat(run.exitCode()).isEqualTo(Peiling.EXIT_INPUT);
        assertThat(run.err()).startsWith("peiling: cannot read the seed file").contains("nope.txt");
    }

    @Test
    void shortApiKey_andBadDatabaseUrl_areInputErrors(@TempDir Path dir) throws Exception {
        Path institutions = Files.writeString(dir.resolve("institutions.json"), INSTITUTIONS);
        Path seed = Files.writeString(dir.resolve("seed.txt"), "seed\n");
        Path key = Files.writeString(dir.resolve("key.txt"), "short\n");

        Peiling.Run shortKey = Peiling.execute(
                "serve",
                "--edition",
                "2027",
                "--institutions",
                institutions.toString(),
                "--seed-file",
                seed.toString(),
                "--api-key-file",
                key.toString());
        Files.writeString(key, "a-long-enough-vendor-key\n");
        Peiling.Run mysql = Peiling.execute(
                "serve",
                "--edition",
                "2027",
                "--institutions",
                institutions.toString(),
                "--seed-file",
                seed.toString(),
                "--api-key-file",
                key.toString(),
                "--database",
                "jdbc:mysql://db/x");

        assertThat(shortKey.exitCode()).isEqualTo(Peiling.EXIT_INPUT);
        assertThat(shortKey.err()).contains("API key (5 characters) must have at least 16 characters");
        assertThat(mysql.exitCode()).isEqualTo(Peiling.EXIT_INPUT);
        assertThat(mysql.err()).contains("database (jdbc:mysql://db/x) must be a jdbc:postgresql:// URL");
    }

    @Test
    void unreachableDatabase_isAnInputErrorNamingIt(@TempDir Path dir) throws Exception {
        Path institutions = Files.writeString(dir.resolve("institutions.json"), INSTITUTIONS);
        Path seed = Files.writeString(dir.resolve("seed.txt"), "seed\n");
        Path key = Files.writeString(dir.resolve("key.txt"), "a-long-enough-vendor-key\n");

        Peiling.Run run = Peiling.execute(
                "serve",
                "--edition",
                "2027",
                "--institutions",
                institutions.toString(),
                "--seed-file",
                seed.toString(),
                "--api-key-file",
                key.toString(),
                "--port",
                "0",
                "--database",
                "jdbc:postgresql://127.0.0.1:1/peiling?user=x&password=secret");

        assertThat(run.exitCode()).isEqualTo(Peiling.EXIT_INPUT);
        assertThat(run.err())
                .startsWith("peiling: the database schema could not be migrated")
                .doesNotContain("secret");
    }
}
