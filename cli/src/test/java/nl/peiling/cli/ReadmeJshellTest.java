package nl.peiling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

/** The README's first code block pastes into JShell and works: run it through the jdk.jshell API. */
class ReadmeJshellTest {

    static String firstCodeBlock(Path markdown) throws IOException {
        String text = Files.readString(markdown);
        int start = text.indexOf("```java\n");
        assertThat(start).as("a ```java block in " + markdown).isNotNegative();
        int end = text.indexOf("```", start + 8);
        return text.substring(start + 8, end);
    }

    /** Evaluates the code snippet by snippet and returns what it printed; fails on any rejected snippet. */
    static String runInJshell(String code) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                shell.addToClasspath(entry);
            }
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
            String remaining = code;
            while (!remaining.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
                List<SnippetEvent> events = shell.eval(info.source());
                for (SnippetEvent event : events) {
                    assertThat(event.status())
                            .as(
                                    "snippet %s: %s",
                                    info.source().strip(),
                                    shell.diagnostics(event.snippet())
                                            .map(d -> d.getMessage(null))
                                            .toList())
                            .isNotEqualTo(Snippet.Status.REJECTED);
                    assertThat(event.exception()).as(info.source()).isNull();
                }
                remaining = info.remaining();
            }
        } finally {
            System.setOut(original);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void readmeSnippet_runsAndPrintsTheCatalog() throws IOException {
        String output = runInJshell(firstCodeBlock(Path.of("../README.md")));
        assertThat(output)
                .contains("Module[basis base 2027.1, 68 questions, 12 clusters, 8.3 min]")
                .contains("valid: 0 errors, 2 warnings")
                .contains("trend-break modules[basis].questions[doc04]");
    }
}
