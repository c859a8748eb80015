package nl.peiling.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.peiling.core.model.Edition;
import nl.peiling.core.validation.ViolationCode;
import org.junit.jupiter.api.Test;

/** {@link Definitions#readValidatedEdition}: the shipped catalog's way in, strict in reading, without the rules. */
class ValidatedEditionTest {

    private static final Path CATALOG_2027 =
            Path.of("../modules-catalog/src/main/resources/nl/peiling/catalog/editions/2027");

    @Test
    void catalogFolder_readsToTheSameEditionAsWithEveryRule() throws IOException {
        Map<String, byte[]> files = files();

        Edition checked = Definitions.standard().readEdition("catalog:2027", files);
        Edition trusted = Definitions.standard().readValidatedEdition("catalog:2027", files);

        assertThat(trusted).isEqualTo(checked);
        assertThat(trusted.modules()).hasSize(9);
    }

    @Test
    void unknownProperty_stillFailsWithItsPlace() throws IOException {
        Map<String, byte[]> files = files();
        String basis = new String(files.get("basis.json"), StandardCharsets.UTF_8);
        files.put(
                "basis.json",
                basis.replaceFirst("\\{", "{\"colour\": \"blue\", ").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> Definitions.standard().readValidatedEdition("catalog:2027", files))
                .isInstanceOfSatisfying(
                        DefinitionException.class,
                        e -> assertThat(e.report().violations()).anySatisfy(v -> {
                            assertThat(v.code()).isEqualTo(ViolationCode.UNKNOWN_PROPERTY);
                            assertThat(v.file()).isEqualTo("catalog:2027/basis.json");
                            assertThat(v.line()).isEqualTo(1);
                        }));
    }

    @Test
    void brokenJson_stillFails() throws IOException {
        Map<String, byte[]> files = files();
        files.put("llo.json", "{\"id\": ".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> Definitions.standard().readValidatedEdition("catalog:2027", files))
                .isInstanceOfSatisfying(
                        DefinitionException.class,
                        e -> assertThat(e.report().violations())
                                .anySatisfy(v -> assertThat(v.code()).isEqualTo(ViolationCode.JSON_SYNTAX)));
    }

    private static Map<String, byte[]> files() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(CATALOG_2027)) {
            for (Path file : list.filter(f -> f.toString().endsWith(".json")).toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
