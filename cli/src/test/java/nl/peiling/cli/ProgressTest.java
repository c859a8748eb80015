package nl.peiling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void onATerminal_stepsAndDoneArePrintedWithTheTime() {
        StringWriter err = new StringWriter();
        Progress progress = new Progress(new PrintWriter(err), true);
        progress.step("reading");
        progress.done();
        assertThat(err.toString().lines()).hasSize(2);
        assertThat(err.toString())
                .containsPattern("\\[ +\\d+\\.\\d s\\] reading \\.\\.\\.")
                .containsPattern("\\[ +\\d+\\.\\d s\\] done");
    }

    @Test
    void withoutATerminal_nothingIsPrinted() {
        StringWriter err = new StringWriter();
        Progress progress = new Progress(new PrintWriter(err), false);
        progress.step("reading");
        progress.done();
        assertThat(err.toString()).isEmpty();
    }
}
