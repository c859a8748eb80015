package nl.peiling.core.engine;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import nl.peiling.core.allocation.Allocation;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.Language;
import nl.peiling.core.model.Module;
import nl.peiling.core.model.MultiQuestion;
import nl.peiling.core.model.NumberQuestion;
import nl.peiling.core.model.Option;
import nl.peiling.core.model.Question;
import nl.peiling.core.model.ScaleQuestion;
import nl.peiling.core.model.SingleQuestion;
import nl.peiling.core.model.TextQuestion;
import nl.peiling.core.routing.Routing;
import nl.peiling.core.routing.RoutingException;

/**
 * An edition compiled for administering: the answer rules of every question, the routing conditions
 * compiled against them, and which conditions read which question, so that a {@link Session} updates
 * visibility in one forward pass over the dependents of a changed answer.
 *
 * <p>Questions are numbered in edition order (base first, then the optional modules in the manifest's
 * order, each module's questions in definition order); that number indexes the decoded answers. A
 * condition may read only questions asked before it (the validator forbids forward and cross-module
 * references), so visibility is computed in that order without a fixed-point loop.
 *
 * <p>Immutable and thread-safe: compile an edition once and share the questionnaire among all
 * sessions and threads.
 */
public final class Questionnaire {

    private final Edition edition;
    private final List<Question> questions;
    private final Map<String, Integer> questionIndex;
    private final List<String> moduleIds;
    private final Codes moduleCodes;
    private final AnswerRule[] rules;
    private final Route[] routes;
    /** Per question: the questions whose condition reads it, ascending. */
    private final int[][] dependents;
    /** The questions with a condition, ascending. */
    private final int[] conditional;
    /** Per module: its questions' visibility bits. */
    private final long[][] moduleBits;

    private final int[] moduleFirst;
    private final int[] moduleEnd;
    private final int[] seconds;
    /** Per question: its slot among the open questions, or -1. */
    private final int[] textSlots;

    private final int texts;
    private final List<String> columns;
    private final String fingerprint;
    private final Clock clock;

    private Questionnaire(Edition edition, Clock clock) {
        this.edition = edition;
        this.clock = clock;
        questions = edition.questions();
        int n = questions.size();
        List<Module> modules = edition.modules();
        if (modules.size() > 63) {
            throw new IllegalArgumentException(
                    "an edition with more than 63 modules is not supported (" + modules.size() + ")");
        }
        moduleIds = modules.stream().map(Module::id).toList();
        moduleCodes = new Codes(moduleIds);
        questionIndex = new HashMap<>(n * 2);
        rules = new AnswerRule[n];
        routes = new Route[n];
        seconds = new int[n];
        textSlots = new int[n];
        moduleFirst = new int[modules.size()];
        moduleEnd = new int[modules.size()];
        moduleBits = new long[modules.size()][words(n)];
        int q = 0;
        int textCount = 0;
        for (int m = 0; m < modules.size(); m++) {
            Module module = modules.get(m);
            moduleFirst[m] = q;
            for (Question question : module.questions()) {
                if (questionIndex.put(question.id(), q) != null) {
                    throw new IllegalArgumentException("question id " + question.id() + " appears twice in edition "
                            + edition.id() + "; question ids name the data columns and must be unique");
                }
                rules[q] = AnswerRule.of(question, module, m);
                seconds[q] = question.estimatedSeconds();
                textSlots[q] = rules[q].isText() ? textCount++ : -1;
                moduleBits[m][q >>> 6] |= 1L << q;
                q++;
            }
            moduleEnd[m] = q;
        }
        texts = textCount;
        List<List<Integer>> readers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            readers.add(new ArrayList<>());
        }
        List<Integer> withCondition = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Question question = questions.get(i);
            if (question.visibleIf() == null) {
                continue;
            }
            try {
                var condition = Routing.parse(question.visibleIf());
                routes[i] = Route.compile(condition, this::indexOf, rules, i);
                for (String read : condition.questionIds()) {
                    readers.get(questionIndex.get(read)).add(i);
                }
            } catch (RoutingException e) {
                throw new IllegalArgumentException(
                        "question " + question.id() + ": visibleIf is not valid: " + e.getMessage(), e);
            }
            withCondition.add(i);
        }
        dependents = new int[n][];
        for (int i = 0; i < n; i++) {
            dependents[i] = readers.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        conditional = withCondition.stream().mapToInt(Integer::intValue).toArray();
        columns = ResponseLayout.columns(edition);
        fingerprint = fingerprint(edition);
    }

    /**
     * Compiles an edition.
     *
     * @throws IllegalArgumentException when the edition cannot be administered: a condition that does not
     *     parse, reads an unknown or later question, or compares a question in a way its type does not
     *     allow (editions that pass the validator never do)
     */
    public static Questionnaire compile(Edition edition) {
        return new Questionnaire(requireNonNull(edition, "edition"), Clock.systemUTC());
    }

    private Questionnaire(Questionnaire other, Clock clock) {
        edition = other.edition;
        questions = other.questions;
        questionIndex = other.questionIndex;
        moduleIds = other.moduleIds;
        moduleCodes = other.moduleCodes;
        rules = other.rules;
        routes = other.routes;
        dependents = other.dependents;
        conditional = other.conditional;
        moduleBits = other.moduleBits;
        moduleFirst = other.moduleFirst;
        moduleEnd = other.moduleEnd;
        seconds = other.seconds;
        textSlots = other.textSlots;
        texts = other.texts;
        columns = other.columns;
        fingerprint = other.fingerprint;
        this.clock = clock;
    }

    /** A copy whose sessions read the time from this clock (the system's UTC clock by default). */
    public Questionnaire withClock(Clock clock) {
        return new Questionnaire(this, requireNonNull(clock, "clock"));
    }

    /** The edition. */
    public Edition edition() {
        return edition;
    }

    /** The questions in edition order: the order of question indexes. */
    public List<Question> questions() {
        return questions;
    }

    /** The number of questions. */
    public int size() {
        return questions.size();
    }

    /** The index of a question id, or -1 when the edition has no such question. */
    public int indexOf(String questionId) {
        Integer index = questionIndex.get(questionId);
        return index == null ? -1 : index;
    }

    /** The answer rule of the question at an index. */
    public AnswerRule rule(int index) {
        return rules[index];
    }

    /** The module ids in edition order: the order of the bits of a module mask. */
    public List<String> moduleIds() {
        return moduleIds;
    }

    /** The columns of this edition's {@code responses.csv}. */
    public List<String> columns() {
        return columns;
    }

    /** Whether any question has a {@code visibleIf} condition. */
    public boolean hasRouting() {
        return conditional.length > 0;
    }

    /**
     * A fingerprint of what makes saved answers valid: the module of every question, its type, its
     * answer codes and bounds, and its condition (texts are left out: rewording keeps answers valid).
     */
    public String fingerprint() {
        return fingerprint;
    }

    /**
     * The bit mask of modules (bit i for the module at index i of {@link #moduleIds}).
     *
     * @throws IllegalArgumentException naming a module the edition does not have
     */
    public long moduleMask(List<String> modules) {
        long mask = 0;
        for (String module : modules) {
            int m = moduleIds.indexOf(module);
            if (m < 0) {
                throw new IllegalArgumentException("module \"" + module + "\" is not in edition " + edition.id()
                        + " (modules: " + String.join(", ", moduleIds) + ")");
            }
            mask |= 1L << m;
        }
        return mask;
    }

    /** The index of the module whose id is the UTF-8 text data[from, to), or -1: for reading a modules field. */
    public int moduleIndex(byte[] data, int from, int to) {
        return moduleCodes.find(data, from, to);
    }

    /** The number of longs in a visibility bit set of this questionnaire. */
    public int visibilityWords() {
        return words(size());
    }

    /**
     * Computes which questions are visible from scratch: a question is visible when its module is in
     * {@code modules} and its condition holds, where answers to questions that are not visible count as
     * unanswered. The responses reader applies routing to rows with this; a session keeps the same
     * result up to date incrementally.
     *
     * @param states the decoded answer states by question index
     * @param values the decoded answer values by question index
     * @param modules the allocated modules as a bit mask
     * @param visible receives the visibility bits ({@link #visibilityWords} longs)
     */
    public void visibility(byte[] states, long[] values, long modules, long[] visible) {
        java.util.Arrays.fill(visible, 0L);
        for (long bits = modules; bits != 0; bits &= bits - 1) {
            long[] module = moduleBits[Long.numberOfTrailingZeros(bits)];
            for (int w = 0; w < visible.length; w++) {
                visible[w] |= module[w];
            }
        }
        for (int q : conditional) {
            if (Route.visible(visible, q) && !routes[q].test(states, values, visible)) {
                visible[q >>> 6] &= ~(1L << q);
            }
        }
    }

    /**
     * Applies routing to a decoded record from elsewhere (a data file): computes {@link #visibility} and
     * lists the answered questions that are not visible, whose answers do not count. The arrays are not
     * changed.
     *
     * @param routedOut receives the indexes of the answers routed out, ascending ({@link #size} ints suffice)
     * @return how many answers were routed out
     */
    public int routedOut(byte[] states, long[] values, long modules, long[] visible, int[] routedOut) {
        if (conditional.length == 0) {
            return 0;
        }
        visibility(states, values, modules, visible);
        int count = 0;
        for (int q : conditional) {
            if (states[q] != AnswerRule.EMPTY && !Route.visible(visible, q)) {
                routedOut[count++] = q;
            }
        }
        return count;
    }

    /**
     * Starts the session of a respondent.
     *
     * @param respondent the respondent fields
     * @param allocation the respondent's modules (from the {@link nl.peiling.core.allocation.Allocator})
     * @param language the language of the texts and messages
     * @throws IllegalArgumentException when the allocation is of another respondent or institution, or
     *     names a module the edition does not have
     */
    public Session start(RespondentFields respondent, Allocation allocation, Language language) {
        requireNonNull(respondent, "respondent");
        requireNonNull(allocation, "allocation");
        requireNonNull(language, "language");
        if (!allocation.respondent().equals(respondent.respondent())
                || !allocation.institution().equals(respondent.institution())) {
            throw new IllegalArgumentException("the allocation is of respondent " + allocation.respondent()
                    + " at " + allocation.institution() + ", not of " + respondent.respondent() + " at "
                    + respondent.institution());
        }
        return new Session(this, respondent, allocation, language, clock.millis());
    }

    /**
     * Resumes a session saved with {@link Session#save()}. The allocation is re-derived by the caller (the
     * stateless allocator gives the same one again) and must be the one the session was saved with.
     *
     * @throws SessionStateException when the text is not a saved session, or was saved for another
     *     edition, respondent or allocation, or holds an answer this edition does not accept
     */
    public Session resume(String saved, Allocation allocation) {
        requireNonNull(saved, "saved");
        requireNonNull(allocation, "allocation");
        return SessionState.resume(this, saved, allocation);
    }

    // ---------------------------------------------------------------------------- for sessions

    Clock clock() {
        return clock;
    }

    Route route(int q) {
        return routes[q];
    }

    int[] dependents(int q) {
        return dependents[q];
    }

    int moduleOf(int q) {
        return rules[q].module();
    }

    int moduleFirst(int m) {
        return moduleFirst[m];
    }

    int moduleEnd(int m) {
        return moduleEnd[m];
    }

    int seconds(int q) {
        return seconds[q];
    }

    int textSlot(int q) {
        return textSlots[q];
    }

    int texts() {
        return texts;
    }

    static int words(int questions) {
        return Math.max(1, (questions + 63) >>> 6);
    }

    private static String fingerprint(Edition edition) {
        StringBuilder text = new StringBuilder(edition.id()).append('\n');
        for (Module module : edition.modules()) {
            text.append("module ").append(module.id()).append('\n');
            for (Question question : module.questions()) {
                text.append(question.id()).append(' ').append(question.type().key());
                text.append(" if ").append(question.visibleIf());
                switch (question.type()) {
                    case SCALE -> {
                        var scale =
                                module.scale(((ScaleQuestion) question).scale()).orElseThrow();
                        scale.points().forEach(p -> text.append(' ').append(p.code()));
                        scale.nonSubstantive().forEach(o -> text.append(' ').append(o.code()));
                    }
                    case SINGLE -> codes(text, ((SingleQuestion) question).options());
                    case MULTI -> {
                        MultiQuestion multi = (MultiQuestion) question;
                        codes(text, multi.options());
                        text.append(" select ")
                                .append(multi.minSelected())
                                .append(' ')
                                .append(multi.maxSelected());
                    }
                    case NUMBER -> {
                        NumberQuestion number = (NumberQuestion) question;
                        text.append(" from ")
                                .append(number.min())
                                .append(" to ")
                                .append(number.max());
                    }
                    case TEXT -> text.append(" max ").append(((TextQuestion) question).maxLength());
                    case GRADE -> {}
                }
                text.append('\n');
            }
        }
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static void codes(StringBuilder text, List<Option> options) {
        options.forEach(o -> text.append(' ').append(o.code().replace(" ", "\\ ")));
    }

    @Override
    public String toString() {
        return "Questionnaire[edition " + edition.id() + ", " + size() + " questions in " + moduleIds.size()
                + " modules, " + conditional.length + " with routing]";
    }
}
