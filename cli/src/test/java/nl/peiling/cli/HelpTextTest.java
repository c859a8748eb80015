package nl.peiling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's help wraps whole sentences and points only at documents in the repository. */
class HelpTextTest {

    private static Map<String, CommandLine> commands() {
        StringWriter sink = new StringWriter();
        return Peiling.commandLine(new PrintWriter(sink), new PrintWriter(sink)).getSubcommands();
    }

    /** Picocli breaks the help at each description line; a line that ends mid-sentence cuts it in two. */
    @Test
    void help_everyDescriptionParagraphEndsASentence() {
        commands().forEach((name, command) -> {
            if (name.equals("help")) {
                return;
            }
            for (String paragraph : command.getCommandSpec().usageMessage().description()) {
                assertThat(paragraph).as(name).matches("(?s).*[.:!?]");
            }
        });
    }

    @Test
    void help_pointsAtNoDocumentOutsideTheRepository() {
        for (String name : commands().keySet()) {
            assertThat(Peiling.execute(name, "--help").out()).as(name).doesNotContain("SPEC");
        }
        assertThat(Peiling.execute("--help").out()).doesNotContain("SPEC");
    }
}
