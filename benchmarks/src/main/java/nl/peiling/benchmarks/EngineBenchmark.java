package nl.peiling.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.peiling.core.allocation.Allocation;
import nl.peiling.core.catalog.Catalog;
import nl.peiling.core.engine.Change;
import nl.peiling.core.engine.Pathway;
import nl.peiling.core.engine.Questionnaire;
import nl.peiling.core.engine.RespondentFields;
import nl.peiling.core.engine.Session;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.GradeQuestion;
import nl.peiling.core.model.Language;
import nl.peiling.core.model.MultiQuestion;
import nl.peiling.core.model.Question;
import nl.peiling.core.model.SingleQuestion;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The questionnaire engine on the shipped 2027 edition, with its longest questionnaire: the base and the
 * five longest optional modules (stage, welzijn, positie, geldzorgen, llo), 140 questions.
 *
 * <ul>
 *   <li>{@code compile}: {@link Questionnaire#compile} of the edition. Goal: under 5 ms.
 *   <li>{@code answer}: one {@link Session#answer} with its visibility update, going round every question
 *       of the questionnaire with two answers in turn, so that the call changes the answer and the routing
 *       questions ({@code bpv00}, {@code st01}, {@code gz01}, …) show and hide their dependents; an answer
 *       to a question hidden at that moment is refused as {@code not-visible}, as a respondent's would be.
 *       Sample time, for the mean and the 99th percentile. Goal: under 5 µs mean, under 20 µs p99.
 *   <li>{@code saveAndResume}: {@link Session#save} and {@link Questionnaire#resume} of a session with
 *       every visible question answered. Goal: under 50 µs.
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar EngineBenchmark -f 1 -wi 3 -i 5}. The heap of
 * a session is measured by {@link SessionHeap}.
 */
@State(Scope.Thread)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1)
public class EngineBenchmark {

    static final List<String> LONGEST = List.of("basis", "stage", "welzijn", "positie", "geldzorgen", "llo");

    Edition edition;
    Questionnaire questionnaire;
    Allocation allocation;
    Session session;
    String[] ids;
    String[][] values;
    int next;
    Session full;

    @Setup(Level.Trial)
    public void setUp() {
        edition = Catalog.load().edition("2027");
        questionnaire = Questionnaire.compile(edition);
        allocation = longestAllocation("k-benchmark");
        session = start(questionnaire, allocation);
        List<String> idList = new ArrayList<>();
        List<String[]> valueList = new ArrayList<>();
        for (Question question : session.questions()) {
            idList.add(question.id());
            valueList.add(twoAnswers(question));
        }
        ids = idList.toArray(String[]::new);
        values = valueList.toArray(String[][]::new);
        full = start(questionnaire, allocation);
        answerAll(full, 0);
    }

    /** The longest questionnaire of edition 2027 for a respondent. */
    static Allocation longestAllocation(String key) {
        return new Allocation(key, "25LZ", LONGEST, 2);
    }

    static Session start(Questionnaire questionnaire, Allocation allocation) {
        return questionnaire.start(
                new RespondentFields(allocation.respondent(), "25LZ", "01", 4, Pathway.BOL), allocation, Language.NL);
    }

    /** Answers every visible question in questionnaire order with its first (0) or second (1) answer. */
    static void answerAll(Session session, int which) {
        for (Question question : session.questions()) {
            if (session.isVisible(question.id())) {
                session.answer(question.id(), twoAnswers(question)[which]);
            }
        }
    }

    /** Two valid answers of a question; the first shows what a routing question can show. */
    static String[] twoAnswers(Question question) {
        return switch (question.type()) {
            case SCALE -> new String[] {"4", "2"};
            case GRADE -> new String[] {Integer.toString(GradeQuestion.POSITIVE_FROM + 1), "5"};
            case SINGLE -> {
                SingleQuestion single = (SingleQuestion) question;
                yield new String[] {
                    single.options().get(0).code(), single.options().get(1).code()
                };
            }
            case MULTI -> {
                MultiQuestion multi = (MultiQuestion) question;
                yield new String[] {
                    multi.options().get(0).code() + "|" + multi.options().get(2).code(),
                    multi.options().get(1).code()
                };
            }
            case NUMBER -> new String[] {"12", "7.5"};
            case TEXT -> new String[] {"Meer praktijklessen, graag", "Goede opleiding"};
        };
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Questionnaire compile() {
        return Questionnaire.compile(edition);
    }

    @Benchmark
    @BenchmarkMode({Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Change answer() {
        int at = next++ % ids.length;
        int round = next / ids.length;
        return session.answer(ids[at], values[at][round & 1]);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Session saveAndResume() {
        return questionnaire.resume(full.save(), allocation);
    }
}
