package nl.peiling.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** Progress lines on stderr for long work, with the elapsed time; only when stderr is a terminal. */
final class Progress {

    private final PrintWriter err;
    private final boolean terminal;
    private final long start = System.nanoTime();

    Progress(PrintWriter err) {
        this(err, System.console() != null);
    }

    Progress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** Says that a step starts. */
    void step(String what) {
        if (terminal) {
            err.printf(Locale.ROOT, "[%5.1f s] %s ...%n", seconds(), what);
            err.flush();
        }
    }

    /** Says that the work is done. */
    void done() {
        if (terminal) {
            err.printf(Locale.ROOT, "[%5.1f s] done%n", seconds());
            err.flush();
        }
    }

    private double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }
}
