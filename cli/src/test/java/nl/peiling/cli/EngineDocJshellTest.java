package nl.peiling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The vendor's flow in docs/engine.md pastes into JShell and works. */
class EngineDocJshellTest {

    @Test
    void engineFlow_runsAndPrintsSessionChangeProblemProgressAndRecord() throws IOException {
        String output = ReadmeJshellTest.runInJshell(ReadmeJshellTest.firstCodeBlock(Path.of("../docs/engine.md")));

        assertThat(output)
                .contains("Session[")
                .contains(" at 25LZ, edition 2027, en, 0/")
                .contains("; next: opl01 \"")
                .contains("st02")
                .contains("out-of-range opl07: Enter a whole mark from 1 to 10.")
                .contains("2/")
                .contains("4 ja true");
    }
}
