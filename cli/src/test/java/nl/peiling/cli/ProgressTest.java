package nl.peiling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import nl.peiling.cli.report.Words;
import nl.peiling.core.model.Language;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void onATerminal_stepsAndDoneArePrintedWithTheTime() {
        StringWriter err = new StringWriter();
        Progress progress = new Progress(new PrintWriter(err), true, Language.EN);
        progress.step("reading");
        progress.done();
        assertThat(err.toString().lines()).hasSize(2);
        assertThat(err.toString())
                .containsPattern("\\[ +\\d+\\.\\d s\\] reading \\.\\.\\.")
                .containsPattern("\\[ +\\d+\\.\\d s\\] done");
    }

    @Test
    void inDutch_theDoneLineAndTheSecondsAreDutch() {
        StringWriter err = new StringWriter();
        Progress progress = new Progress(new PrintWriter(err), true, Language.NL);
        progress.step(Words.in(Language.NL).get("progress.reports"));
        progress.done();
        assertThat(err.toString())
                .containsPattern("\\[ +\\d+,\\d s\\] rapporten schrijven \\.\\.\\.")
                .containsPattern("\\[ +\\d+,\\d s\\] klaar")
                .doesNotContain("done");
    }

    @Test
    void theDemoSteps_areInBothLanguages_withPluralsAndGrouping() {
        Words nl = Words.in(Language.NL);
        assertThat(nl.get("progress.simulate", nl.count(1) + " instelling", nl.count(12000) + " studenten"))
                .isEqualTo("1 instelling en 12.000 studenten simuleren, modules toewijzen");
        Words en = Words.in(Language.EN);
        assertThat(en.get("progress.simulate", en.count(3) + " institutions", en.count(1) + " student"))
                .isEqualTo("simulating 3 institutions and 1 student, allocating modules");
    }

    @Test
    void withoutATerminal_nothingIsPrinted() {
        StringWriter err = new StringWriter();
        Progress progress = new Progress(new PrintWriter(err), false, Language.EN);
        progress.step("reading");
        progress.done();
        assertThat(err.toString()).isEmpty();
    }
}
