package nl.peiling.benchmarks;

import java.util.Locale;
import nl.peiling.core.allocation.Allocation;
import nl.peiling.core.catalog.Catalog;
import nl.peiling.core.engine.Questionnaire;
import nl.peiling.core.engine.Session;

/**
 * The heap a session holds: {@value #SESSIONS} sessions of the longest 2027 questionnaire (see {@link
 * EngineBenchmark}), every visible question answered, kept alive; the heap in use after a full
 * collection, before and after, divided by the sessions. Keys are 64-hex-digit pseudonyms as in
 * production, one per session; the compiled questionnaire is shared, as it is in a server.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar nl.peiling.benchmarks.SessionHeap</pre>
 */
public final class SessionHeap {

    static final int SESSIONS = 20_000;

    private SessionHeap() {}

    public static void main(String[] args) {
        Questionnaire questionnaire = Questionnaire.compile(Catalog.load().edition("2027"));
        EngineBenchmark.answerAll(
                EngineBenchmark.start(questionnaire, EngineBenchmark.longestAllocation("warm-up")), 0);
        long before = used();
        Session[] sessions = new Session[SESSIONS];
        for (int i = 0; i < SESSIONS; i++) {
            String key = String.format(Locale.ROOT, "%064x", i * 0x9E3779B97F4A7C15L);
            Allocation allocation = EngineBenchmark.longestAllocation(key);
            sessions[i] = EngineBenchmark.start(questionnaire, allocation);
            EngineBenchmark.answerAll(sessions[i], i & 1);
        }
        long after = used();
        System.out.printf(
                Locale.ROOT,
                "%d sessions of %d questions (%d visible, all answered): %.0f bytes of heap each%n",
                SESSIONS,
                sessions[0].questions().size(),
                sessions[0].progress().visible(),
                (after - before) / (double) SESSIONS);
    }

    private static long used() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
