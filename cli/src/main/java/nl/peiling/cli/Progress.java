package nl.peiling.cli;

import java.io.PrintWriter;
import java.util.Locale;
import nl.peiling.cli.report.Words;
import nl.peiling.core.model.Language;

/**
 * Progress lines on stderr for long work, with the elapsed time; only when stderr is a terminal. In the
 * run's language: the steps come in it, the seconds are written in its notation.
 */
final class Progress {

    private final PrintWriter err;
    private final boolean terminal;
    private final Words words;
    private final long start = System.nanoTime();

    Progress(PrintWriter err, Language language) {
        this(err, System.console() != null, language);
    }

    Progress(PrintWriter err, boolean terminal, Language language) {
        this.err = err;
        this.terminal = terminal;
        this.words = Words.in(language);
    }

    /** Says that a step starts (in the run's language). */
    void step(String what) {
        line(what + " ...");
    }

    /** Says that the work is done. */
    void done() {
        line(words.get("progress.done"));
    }

    private void line(String text) {
        if (terminal) {
            String seconds = words.decimal((System.nanoTime() - start) / 1e9, 1);
            err.printf(Locale.ROOT, "[%5s s] %s%n", seconds, text);
            err.flush();
        }
    }
}
