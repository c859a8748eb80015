package nl.peiling.core.engine;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.peiling.core.allocation.Allocation;
import nl.peiling.core.model.Language;
import nl.peiling.core.model.MultiQuestion;
import nl.peiling.core.model.Option;
import nl.peiling.core.model.Question;
import nl.peiling.core.model.SingleQuestion;

/**
 * The questionnaire of one respondent while it is filled in (SPEC section 9): the allocated modules in
 * allocation order, each module's questions in definition order; the visible ones as answers arrive;
 * answers checked by the {@link AnswerRule}s with problems in the respondent's language; progress,
 * time spent, and at the end the respondent's {@code responses.csv} record.
 *
 * <p>An answer to a question that becomes hidden is kept, and returns when the question shows again,
 * but it counts as unanswered in conditions (so hiding cascades) and is never written to the record. A
 * refused answer changes nothing. After {@link #finish()} nothing changes any more.
 *
 * <p><b>Threading:</b> a session is a mutable object confined to one thread at a time, like a
 * {@code StringBuilder}; it is small (a few kilobytes) and cheap to {@link #save} and {@link
 * Questionnaire#resume resume}. A server holds the shared, immutable {@link Questionnaire} and per
 * request resumes the respondent's session from its stored state, applies the change and stores the new
 * state (serialising requests of one respondent, for example by a database row lock). Sessions of
 * different respondents share nothing mutable and run in parallel freely.
 */
public final class Session {

    /** The longest pause counted as time on a question; a longer one is a break. */
    public static final Duration IDLE_LIMIT = Duration.ofMinutes(10);

    private final Questionnaire questionnaire;
    private final RespondentFields respondent;
    private final Allocation allocation;
    private final Language language;
    private final long modules;
    /** The allocated modules' indexes, in allocation order. */
    private final int[] moduleOrder;

    final byte[] states;
    final long[] values;
    final String[] texts;
    final long[] visible;
    /** Milliseconds spent per question. */
    final int[] millis;

    long startedAt;
    long lastEventAt;
    /** When the session was finished (epoch milliseconds), or -1. */
    long finishedAt = -1;

    Session(
            Questionnaire questionnaire,
            RespondentFields respondent,
            Allocation allocation,
            Language language,
            long now) {
        this.questionnaire = questionnaire;
        this.respondent = respondent;
        this.allocation = allocation;
        this.language = language;
        this.modules = questionnaire.moduleMask(allocation.modules());
        this.moduleOrder = allocation.modules().stream()
                .mapToInt(m -> questionnaire.moduleIds().indexOf(m))
                .toArray();
        int n = questionnaire.size();
        states = new byte[n];
        values = new long[n];
        texts = new String[questionnaire.texts()];
        visible = new long[questionnaire.visibilityWords()];
        millis = new int[n];
        startedAt = now;
        lastEventAt = now;
        refresh();
    }

    /** Recomputes visibility from scratch (at the start and on resume). */
    void refresh() {
        questionnaire.visibility(states, values, modules, visible);
    }

    // ------------------------------------------------------------------------------------ changes

    /**
     * Answers a question with the text of its {@code responses.csv} cell (multi: codes joined by
     * {@code |}; number: a decimal with {@code .}). The empty text clears the answer.
     *
     * @return the questions shown and hidden, or the problems when the answer was refused
     */
    public Change answer(String questionId, String value) {
        requireNonNull(questionId, "questionId");
        requireNonNull(value, "value");
        if (value.isEmpty()) {
            return clear(questionId);
        }
        int q = questionnaire.indexOf(questionId);
        Problem problem = refusal(questionId, q);
        if (problem != null) {
            return Change.refused(problem);
        }
        AnswerRule rule = questionnaire.rule(q);
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        byte[] state = new byte[1];
        long[] decoded = new long[1];
        ProblemCode code = rule.decode(bytes, 0, bytes.length, state, decoded, 0);
        if (code != null) {
            return Change.refused(problem(code, rule, questionId, value));
        }
        boolean changed = states[q] != state[0] || values[q] != decoded[0];
        if (rule.isText()) {
            changed |= !value.equals(texts[questionnaire.textSlot(q)]);
            texts[questionnaire.textSlot(q)] = value;
        }
        states[q] = state[0];
        values[q] = decoded[0];
        spend(q);
        return changed ? propagate(q) : Change.NONE;
    }

    /** Clears the answer of a visible question; clearing an unanswered question changes nothing. */
    public Change clear(String questionId) {
        requireNonNull(questionId, "questionId");
        int q = questionnaire.indexOf(questionId);
        Problem problem = refusal(questionId, q);
        if (problem != null) {
            return Change.refused(problem);
        }
        if (states[q] == AnswerRule.EMPTY) {
            return Change.NONE;
        }
        states[q] = AnswerRule.EMPTY;
        values[q] = 0;
        if (questionnaire.textSlot(q) >= 0) {
            texts[questionnaire.textSlot(q)] = null;
        }
        spend(q);
        return propagate(q);
    }

    /** Why a change to question q (index, or -1) is refused before its value is looked at; null if it is not. */
    private Problem refusal(String questionId, int q) {
        ProblemCode code = null;
        if (isFinished()) {
            code = ProblemCode.FINISHED;
        } else if (q < 0) {
            code = ProblemCode.UNKNOWN_QUESTION;
        } else if ((modules & (1L << questionnaire.moduleOf(q))) == 0) {
            code = ProblemCode.NOT_ALLOCATED;
        } else if (!Route.visible(visible, q)) {
            code = ProblemCode.NOT_VISIBLE;
        }
        return code == null ? null : problem(code, q < 0 ? null : questionnaire.rule(q), questionId, null);
    }

    private Problem problem(ProblemCode code, AnswerRule rule, String questionId, String value) {
        return new Problem(code, questionId, Messages.of(code, rule, questionId, value, language));
    }

    /** Counts the time since the last change for question q, up to the idle limit. */
    private void spend(int q) {
        long now = questionnaire.clock().millis();
        long elapsed = Math.max(0, Math.min(now - lastEventAt, IDLE_LIMIT.toMillis()));
        millis[q] = (int) Math.min(Integer.MAX_VALUE, millis[q] + elapsed);
        lastEventAt = Math.max(lastEventAt, now);
    }

    /**
     * Updates visibility after the answer of question q changed: the questions whose condition reads it
     * are evaluated again in question order, and when one of them changes visibility while it holds an
     * answer, the questions that read it are too. Conditions read only earlier questions, so one forward
     * pass is exact.
     */
    private Change propagate(int q) {
        int[] first = questionnaire.dependents(q);
        if (first.length == 0) {
            return Change.NONE;
        }
        long[] dirty = new long[visible.length];
        mark(dirty, first);
        List<Integer> shown = new ArrayList<>();
        List<Integer> hidden = new ArrayList<>();
        for (int w = first[0] >>> 6; w < dirty.length; w++) {
            long bits;
            while ((bits = dirty[w]) != 0) {
                int d = (w << 6) + Long.numberOfTrailingZeros(bits);
                dirty[w] = bits & (bits - 1);
                if ((modules & (1L << questionnaire.moduleOf(d))) == 0) {
                    continue;
                }
                boolean now = questionnaire.route(d).test(states, values, visible);
                if (now == Route.visible(visible, d)) {
                    continue;
                }
                visible[w] ^= 1L << d;
                (now ? shown : hidden).add(d);
                if (states[d] != AnswerRule.EMPTY) {
                    mark(dirty, questionnaire.dependents(d));
                }
            }
        }
        return shown.isEmpty() && hidden.isEmpty() ? Change.NONE : new Change(List.of(), ids(shown), ids(hidden));
    }

    private static void mark(long[] dirty, int[] questions) {
        for (int d : questions) {
            dirty[d >>> 6] |= 1L << d;
        }
    }

    /** The ids of questions, in questionnaire order. */
    private List<String> ids(List<Integer> indexes) {
        if (indexes.isEmpty()) {
            return List.of();
        }
        indexes.sort((a, b) -> Long.compare(rank(a), rank(b)));
        List<String> ids = new ArrayList<>(indexes.size());
        indexes.forEach(i -> ids.add(questionnaire.questions().get(i).id()));
        return ids;
    }

    private long rank(int q) {
        int module = questionnaire.moduleOf(q);
        for (int position = 0; position < moduleOrder.length; position++) {
            if (moduleOrder[position] == module) {
                return (long) position * questionnaire.size() + q;
            }
        }
        return Long.MAX_VALUE;
    }

    /**
     * Finishes the session: from now on nothing changes. Returns the respondent's record; finishing again
     * returns the same record.
     */
    public ResponseRecord finish() {
        if (!isFinished()) {
            finishedAt = Math.max(lastEventAt, questionnaire.clock().millis());
        }
        return record();
    }

    /**
     * The record as it would be written now, without finishing: the respondent fields and the answers of
     * visible questions.
     */
    public ResponseRecord record() {
        List<String> cells = new ArrayList<>(questionnaire.columns().size());
        cells.add(respondent.respondent());
        cells.add(respondent.institution());
        cells.add(respondent.location());
        cells.add(Integer.toString(respondent.level()));
        cells.add(respondent.pathway().name());
        cells.add(String.join(ResponseLayout.MODULE_SEPARATOR, allocation.modules()));
        for (int q = 0; q < questionnaire.size(); q++) {
            cells.add(counts(q) ? cell(q) : "");
        }
        return new ResponseRecord(questionnaire.columns(), cells);
    }

    /** Whether question q has an answer that counts: given, and the question visible. */
    private boolean counts(int q) {
        return states[q] != AnswerRule.EMPTY && Route.visible(visible, q);
    }

    /** The cell text of question q's stored answer. */
    String cell(int q) {
        int slot = questionnaire.textSlot(q);
        return slot >= 0 ? texts[slot] : questionnaire.rule(q).cell(states[q], values[q], null);
    }

    // ------------------------------------------------------------------------------------ state

    /** Whether the session is finished. */
    public boolean isFinished() {
        return finishedAt >= 0;
    }

    /** The compiled questionnaire. */
    public Questionnaire questionnaire() {
        return questionnaire;
    }

    /** The respondent fields. */
    public RespondentFields respondent() {
        return respondent;
    }

    /** The respondent's allocation. */
    public Allocation allocation() {
        return allocation;
    }

    /** The language of texts and messages. */
    public Language language() {
        return language;
    }

    /** The allocated questions, visible or not, in questionnaire order. */
    public List<Question> questions() {
        List<Question> list = new ArrayList<>();
        for (int m : moduleOrder) {
            for (int q = questionnaire.moduleFirst(m); q < questionnaire.moduleEnd(m); q++) {
                list.add(questionnaire.questions().get(q));
            }
        }
        return list;
    }

    /** The visible questions, in questionnaire order. */
    public List<Question> visibleQuestions() {
        List<Question> list = new ArrayList<>();
        for (int m : moduleOrder) {
            for (int q = questionnaire.moduleFirst(m); q < questionnaire.moduleEnd(m); q++) {
                if (Route.visible(visible, q)) {
                    list.add(questionnaire.questions().get(q));
                }
            }
        }
        return list;
    }

    /** Whether a question is visible now (false for an unknown or unallocated question). */
    public boolean isVisible(String questionId) {
        int q = questionnaire.indexOf(questionId);
        return q >= 0 && Route.visible(visible, q);
    }

    /**
     * The stored answer of a question, if any: also the kept answer of a question that is hidden now
     * (which does not count until it shows again).
     */
    public Optional<Answer> answerOf(String questionId) {
        int q = questionnaire.indexOf(questionId);
        if (q < 0 || states[q] == AnswerRule.EMPTY) {
            return Optional.empty();
        }
        int slot = questionnaire.textSlot(q);
        return Optional.of(questionnaire.rule(q).answer(states[q], values[q], slot >= 0 ? texts[slot] : null));
    }

    /**
     * The stored answer as the respondent sees it, in the session's language, for piping into later texts:
     * the label of a point, option or non-substantive code, the labels of selected options joined by
     * {@code ", "}, a number or mark as written, the open text.
     */
    public Optional<String> answerLabel(String questionId) {
        return answerOf(questionId).map(answer -> label(questionnaire.rule(questionnaire.indexOf(questionId)), answer));
    }

    private String label(AnswerRule rule, Answer answer) {
        String lang = language.code();
        Question question = rule.question();
        return switch (question.type()) {
            case SCALE -> {
                var scale = ((AnswerRule.ScaleRule) rule).scale();
                yield answer instanceof Answer.Point point
                        ? scale.points().stream()
                                .filter(p -> p.code() == point.code())
                                .findFirst()
                                .map(p -> p.label().in(lang))
                                .orElse(answer.cell())
                        : optionLabel(scale.nonSubstantive(), answer.cell(), lang);
            }
            case SINGLE -> optionLabel(((SingleQuestion) question).options(), answer.cell(), lang);
            case MULTI ->
                String.join(
                        ", ",
                        ((Answer.Choices) answer)
                                .codes().stream()
                                        .map(code -> optionLabel(((MultiQuestion) question).options(), code, lang))
                                        .toList());
            case NUMBER, GRADE, TEXT -> answer.cell();
        };
    }

    private static String optionLabel(List<Option> options, String code, String lang) {
        for (Option option : options) {
            if (option.code().equals(code)) {
                return option.label().in(lang);
            }
        }
        return code;
    }

    /** The first visible question without an answer, in questionnaire order. */
    public Optional<Question> next() {
        for (int m : moduleOrder) {
            for (int q = questionnaire.moduleFirst(m); q < questionnaire.moduleEnd(m); q++) {
                if (Route.visible(visible, q) && states[q] == AnswerRule.EMPTY) {
                    return Optional.of(questionnaire.questions().get(q));
                }
            }
        }
        return Optional.empty();
    }

    /** The question's text in the session's language. */
    public String text(Question question) {
        return question.text().in(language.code());
    }

    /** Answered visible questions of all visible ones, and the estimated seconds left. */
    public Progress progress() {
        int shown = 0;
        int answered = 0;
        int secondsLeft = 0;
        for (int w = 0; w < visible.length; w++) {
            for (long bits = visible[w]; bits != 0; bits &= bits - 1) {
                int q = (w << 6) + Long.numberOfTrailingZeros(bits);
                shown++;
                if (states[q] != AnswerRule.EMPTY) {
                    answered++;
                } else {
                    secondsLeft += questionnaire.seconds(q);
                }
            }
        }
        return new Progress(answered, shown, secondsLeft);
    }

    /** The time spent per question and module, against the estimate and the length budget. */
    public Timing timing() {
        Map<String, Duration> perQuestion = new LinkedHashMap<>();
        Map<String, Duration> perModule = new LinkedHashMap<>();
        long total = 0;
        long estimate = 0;
        for (int m : moduleOrder) {
            long module = 0;
            for (int q = questionnaire.moduleFirst(m); q < questionnaire.moduleEnd(m); q++) {
                estimate += questionnaire.seconds(q);
                if (millis[q] > 0) {
                    perQuestion.put(questionnaire.questions().get(q).id(), Duration.ofMillis(millis[q]));
                    module += millis[q];
                }
            }
            perModule.put(questionnaire.moduleIds().get(m), Duration.ofMillis(module));
            total += module;
        }
        return new Timing(
                perQuestion,
                perModule,
                Duration.ofMillis(total),
                Duration.ofSeconds(estimate),
                Duration.ofMinutes(questionnaire.edition().rules().maxMinutes()));
    }

    /**
     * The session's state as JSON, to store (for example as a database row) and {@link
     * Questionnaire#resume resume}: the edition and its fingerprint, the respondent fields, the
     * language, the modules, every stored answer (hidden ones too) and the time spent.
     */
    public String save() {
        return SessionState.save(this);
    }

    /** The module mask of the allocation. */
    long modules() {
        return modules;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Session[")
                .append(respondent.respondent())
                .append(" at ")
                .append(respondent.institution())
                .append(", edition ")
                .append(questionnaire.edition().id())
                .append(", ")
                .append(language.code())
                .append(", ")
                .append(progress());
        if (isFinished()) {
            return text.append(", finished]").toString();
        }
        int listed = 0;
        for (Question question : visibleQuestions()) {
            if (listed == 3) {
                text.append(", …");
                break;
            }
            if (answerOf(question.id()).isEmpty()) {
                String words = text(question);
                text.append(listed == 0 ? "; next: " : ", ")
                        .append(question.id())
                        .append(" \"")
                        .append(words.length() > 50 ? words.substring(0, 49) + "…" : words)
                        .append('"');
                listed++;
            }
        }
        return text.append(']').toString();
    }
}
