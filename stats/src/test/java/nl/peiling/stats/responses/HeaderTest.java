package nl.peiling.stats.responses;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeaderTest {

    @TempDir
    Path dir;

    @Test
    void aColumnThatIsNoQuestion_failsTheFile_namingTheColumnAndTheEdition() throws IOException {
        Path file = dir.resolve("responses.csv");
        Files.writeString(
                file, "respondent,institution,location,level,pathway,modules,opl01,zz99\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ResponseReader.of(RoutedOutTest.EDITION).read(file, () -> new RowSink() {
                    @Override
                    public void add(ResponseRow row) {}

                    @Override
                    public void remove(ResponseRow row) {}
                }))
                .isInstanceOf(ResponseFormatException.class)
                .hasMessage(file + ": header column 8 \"zz99\" is not a question of edition 2027 (known question ids"
                        + " name the columns after modules)");
    }
}
