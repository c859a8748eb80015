package nl.peiling.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import nl.peiling.core.allocation.Allocation;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.Language;
import nl.peiling.core.model.Module;
import nl.peiling.core.model.Question;
import nl.peiling.core.routing.Routing;
import nl.peiling.core.testing.RandomEditions;
import nl.peiling.core.testing.Tries;
import org.junit.jupiter.api.Test;

/**
 * Properties of sessions over random editions, respondents and answer sequences ({@link RandomEditions}):
 * 400 seeded tries ({@link Tries}) of up to 80 changes each.
 */
class SessionProperties {

    static final int TRIES = 400;

    @Test
    void randomAnswerSequences() {
        Tries.check(TRIES, SessionProperties::check);
    }

    private static void check(SplittableRandom random) {
        Edition edition = RandomEditions.edition(random);
        TestClock clock = new TestClock();
        Questionnaire questionnaire = Questionnaire.compile(edition).withClock(clock);
        RespondentFields respondent = RandomEditions.respondent(random, random.nextInt(1000));
        Allocation allocation = RandomEditions.allocation(edition, respondent.respondent(), random);
        Session session = questionnaire.start(respondent, allocation, random.nextBoolean() ? Language.NL : Language.EN);
        List<Question> questions = edition.questions();
        int changes = random.nextInt(81);
        for (int step = 0; step < changes; step++) {
            String context = "step " + step;
            clock.advance(Duration.ofMillis(random.nextInt(20_000)));
            String id;
            String cell;
            if (random.nextInt(20) == 0) {
                id = "onbekend";
                cell = "1";
            } else {
                Question question = questions.get(random.nextInt(questions.size()));
                Module owner = edition.moduleOf(question.id()).orElseThrow();
                id = question.id();
                cell = RandomEditions.cell(question, owner, random);
            }
            String before = session.save();
            boolean[] visibleBefore = visibility(session);
            Change change = random.nextInt(8) == 0 ? session.clear(id) : session.answer(id, cell);

            if (!change.accepted()) {
                assertThat(session.save())
                        .as(context + ": a refused answer changes nothing")
                        .isEqualTo(before);
                assertThat(change.problems().get(0).code())
                        .as(context)
                        .isEqualTo(expectedProblem(questionnaire, session, id, cell));
            }
            assertThat(visibility(session))
                    .as(context + ": visibility equals visibility recomputed from scratch")
                    .isEqualTo(fromScratch(questionnaire, session))
                    .isEqualTo(byConditions(edition, session));
            List<String> shown = new ArrayList<>();
            List<String> hidden = new ArrayList<>();
            boolean[] after = visibility(session);
            for (Question question : session.questions()) {
                int q = questionnaire.indexOf(question.id());
                if (after[q] && !visibleBefore[q]) {
                    shown.add(question.id());
                } else if (!after[q] && visibleBefore[q]) {
                    hidden.add(question.id());
                }
            }
            assertThat(change.shown()).as(context + ": shown").isEqualTo(shown);
            assertThat(change.hidden()).as(context + ": hidden").isEqualTo(hidden);
            if (step % 7 == 0) {
                Session resumed = questionnaire.resume(session.save(), allocation);
                assertThat(resumed.save()).as(context + ": resume after save").isEqualTo(session.save());
                assertThat(resumed.visibleQuestions()).as(context).isEqualTo(session.visibleQuestions());
                assertThat(resumed.progress()).as(context).isEqualTo(session.progress());
                assertThat(resumed.timing()).as(context).isEqualTo(session.timing());
            }
        }
        ResponseRecord record = session.finish();
        for (Question question : questions) {
            String expected = session.isVisible(question.id())
                    ? session.answerOf(question.id()).map(Answer::cell).orElse("")
                    : "";
            assertThat(record.cell(question.id())).as(question.id()).isEqualTo(expected);
        }
        assertThat(questionnaire.resume(session.save(), allocation).isFinished())
                .isTrue();
    }

    private static ProblemCode expectedProblem(Questionnaire questionnaire, Session session, String id, String cell) {
        int q = questionnaire.indexOf(id);
        if (q < 0) {
            return ProblemCode.UNKNOWN_QUESTION;
        }
        if (!session.allocation().modules().contains(questionnaire.moduleIds().get(questionnaire.moduleOf(q)))) {
            return ProblemCode.NOT_ALLOCATED;
        }
        if (!session.isVisible(id)) {
            return ProblemCode.NOT_VISIBLE;
        }
        return questionnaire.rule(q).check(cell);
    }

    private static boolean[] visibility(Session session) {
        boolean[] visible = new boolean[session.questionnaire().size()];
        for (int q = 0; q < visible.length; q++) {
            visible[q] = Route.visible(session.visible, q);
        }
        return visible;
    }

    private static boolean[] fromScratch(Questionnaire questionnaire, Session session) {
        long[] bits = new long[questionnaire.visibilityWords()];
        questionnaire.visibility(session.states, session.values, session.modules(), bits);
        boolean[] visible = new boolean[questionnaire.size()];
        for (int q = 0; q < visible.length; q++) {
            visible[q] = Route.visible(bits, q);
        }
        return visible;
    }

    /**
     * Visibility by the parsed conditions themselves, on the cell texts of the answers that count, in
     * question order: the definition the compiled conditions must agree with.
     */
    private static boolean[] byConditions(Edition edition, Session session) {
        List<Question> questions = edition.questions();
        boolean[] visible = new boolean[questions.size()];
        Map<String, String> cells = new HashMap<>();
        for (int q = 0; q < questions.size(); q++) {
            Question question = questions.get(q);
            String module = edition.moduleOf(question.id()).orElseThrow().id();
            visible[q] = session.allocation().modules().contains(module)
                    && (question.visibleIf() == null
                            || Routing.parse(question.visibleIf()).test(cells));
            if (visible[q]) {
                session.answerOf(question.id()).ifPresent(a -> cells.put(question.id(), a.cell()));
            }
        }
        return visible;
    }
}
