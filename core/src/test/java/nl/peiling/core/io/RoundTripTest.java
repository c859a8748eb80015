package nl.peiling.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.Module;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading and writing the shipped definition files gives back the same files and the same model. */
class RoundTripTest {

    static final Path CATALOG = Path.of("../modules-catalog/src/main/resources/nl/peiling/catalog/editions");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static List<Path> shippedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(CATALOG)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void everyShippedFile_writesBackToTheSameJson() throws IOException {
        List<Path> files = shippedFiles();
        assertThat(files).hasSizeGreaterThanOrEqualTo(12);
        for (Path file : files) {
            JsonNode original = MAPPER.readTree(file.toFile());
            String written;
            if (file.getFileName().toString().equals(Definitions.EDITION_FILE)) {
                written = Definitions.toJson(
                        Definitions.standard().readEdition(file.getParent()).manifest());
            } else {
                written = Definitions.toJson(Definitions.standard().readModule(file));
            }
            assertThat(MAPPER.readTree(written)).as(file.toString()).isEqualTo(original);
        }
    }

    @Test
    void edition_writtenAndReadAgain_isEqual(@TempDir Path dir) throws IOException {
        Edition edition = Definitions.standard().readEdition(CATALOG.resolve("2027"));
        Definitions.writeEdition(edition, dir);
        Edition again = Definitions.standard().readEdition(dir);
        assertThat(again).isEqualTo(edition);
        for (Module module : edition.modules()) {
            assertThat(Definitions.toJson(again.module(module.id()).orElseThrow()))
                    .isEqualTo(Definitions.toJson(module));
        }
    }
}
