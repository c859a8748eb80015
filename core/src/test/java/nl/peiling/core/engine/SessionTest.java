package nl.peiling.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.peiling.core.allocation.Allocation;
import nl.peiling.core.io.Definitions;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.EditionManifest;
import nl.peiling.core.model.Language;
import nl.peiling.core.model.LocalizedText;
import nl.peiling.core.model.Module;
import nl.peiling.core.model.ModuleKind;
import nl.peiling.core.model.MultiQuestion;
import nl.peiling.core.model.Option;
import nl.peiling.core.model.Question;
import nl.peiling.core.model.Rules;
import org.junit.jupiter.api.Test;

class SessionTest {

    static final Edition EDITION_2027 = Definitions.standard()
            .readEdition(Path.of("../modules-catalog/src/main/resources/nl/peiling/catalog/editions/2027"));
    static final Questionnaire QUESTIONNAIRE = Questionnaire.compile(EDITION_2027);
    static final RespondentFields STUDENT = new RespondentFields("k-0001", "25LZ", "01", 4, Pathway.BOL);
    static final Allocation ALLOCATION = new Allocation(
            "k-0001", "25LZ", List.of("basis", "huisvesting", "stage", "geldzorgen", "welzijn", "positie"), 2);

    private final TestClock clock = new TestClock();

    private Session start(Language language) {
        return QUESTIONNAIRE.withClock(clock).start(STUDENT, ALLOCATION, language);
    }

    private static List<String> ids(List<Question> questions) {
        return questions.stream().map(Question::id).toList();
    }

    @Test
    void start_showsTheAllocatedModulesInAllocationOrderWithoutRoutedQuestions() {
        Session session = start(Language.NL);

        List<String> visible = ids(session.visibleQuestions());
        assertThat(visible.get(0)).isEqualTo("opl01");
        assertThat(visible).contains("hv01", "hv11", "st01", "gz01", "wz14", "po13");
        assertThat(visible).doesNotContain("hv02", "hv03", "hv04", "st02", "st03", "gz02", "wz15", "po14", "nb01");
        // modules in allocation order: huisvesting before stage before geldzorgen, positie last
        assertThat(visible.indexOf("hv01")).isLessThan(visible.indexOf("st01"));
        assertThat(visible.indexOf("st01")).isLessThan(visible.indexOf("gz01"));
        assertThat(visible.indexOf("wz14")).isLessThan(visible.indexOf("po13"));
        assertThat(visible.get(visible.size() - 1)).startsWith("po");
        assertThat(session.questions()).hasSize(68 + 13 + 15 + 14 + 15 + 14);
        int estimate = session.visibleQuestions().stream()
                .mapToInt(Question::estimatedSeconds)
                .sum();
        assertThat(session.progress()).isEqualTo(new Progress(0, visible.size(), estimate));
        assertThat(session.next().orElseThrow().id()).isEqualTo("opl01");
    }

    @Test
    void answers_showAndHideDependentQuestions_andHidingCascades() {
        Session session = start(Language.NL);

        assertThat(session.answer("hv01", "ouders")).isEqualTo(new Change(List.of(), List.of("hv02"), List.of()));
        assertThat(session.answer("hv02", "ja_nu")).isEqualTo(new Change(List.of(), List.of("hv03"), List.of()));
        assertThat(session.answer("hv03", "te_duur").accepted()).isTrue();

        Change change = session.answer("hv01", "kamer");

        assertThat(change.hidden()).containsExactly("hv02", "hv03");
        assertThat(change.shown()).containsExactly("hv04", "hv05", "hv06", "hv07", "hv08", "hv09", "hv10");
        assertThat(session.isVisible("hv03")).isFalse();
        // kept, but not counted and not written
        assertThat(session.answerOf("hv02")).contains(new Answer.Choice("ja_nu"));
        assertThat(session.answerOf("hv03")).contains(new Answer.Choice("te_duur"));
        ResponseRecord record = session.record();
        assertThat(record.cell("hv01")).isEqualTo("kamer");
        assertThat(record.cell("hv02")).isEmpty();
        assertThat(record.cell("hv03")).isEmpty();

        Change back = session.answer("hv01", "ouders");

        assertThat(back.shown()).containsExactly("hv02", "hv03"); // hv03 returns with hv02's kept answer
        assertThat(back.hidden()).containsExactly("hv04", "hv05", "hv06", "hv07", "hv08", "hv09", "hv10");
        assertThat(session.record().cell("hv03")).isEqualTo("te_duur");
    }

    @Test
    void clearing_anAnswer_hidesWhatItShowed() {
        Session session = start(Language.EN);
        session.answer("gz01", "ja");
        session.answer("gz02", "12.5");

        Change change = session.clear("gz01");

        assertThat(change.hidden()).containsExactly("gz02", "gz03");
        assertThat(session.answerOf("gz01")).isEmpty();
        assertThat(session.answerOf("gz02")).contains(new Answer.Number(new BigDecimal("12.5")));
        assertThat(session.clear("gz01")).isEqualTo(new Change(List.of(), List.of(), List.of()));
        assertThat(session.answer("gz01", "")).isEqualTo(new Change(List.of(), List.of(), List.of()));
    }

    @Test
    void orCondition_showsWhileEitherHolds() {
        Session session = start(Language.NL);
        session.answer("bpv00", "ja");
        assertThat(session.isVisible("st02")).isTrue();

        assertThat(session.answer("st01", "ja").shown()).containsExactly("st03");
        assertThat(session.answer("st02", "ja").shown()).isEmpty();
        assertThat(session.answer("st01", "nee").hidden()).isEmpty(); // st02 = 'ja' still holds
        assertThat(session.answer("bpv00", "nee").hidden()).contains("st02", "st03", "st08");
    }

    @Test
    void typedAnswers_perQuestionType() {
        Session session = start(Language.NL);
        session.answer("opl01", "4");
        session.answer("opl02", "nvt");
        session.answer("opl07", "8");
        session.answer("bpv00", "ja");
        session.answer("st08", "450.50");
        session.answer("alg02", "Meer \"praktijk\", graag");
        session.answer("po13", "ja");
        session.answer("po14", "gender|afkomst");

        assertThat(session.answerOf("opl01")).contains(new Answer.Point(4));
        assertThat(session.answerOf("opl02")).contains(new Answer.NonSubstantive("nvt"));
        assertThat(session.answerOf("opl07")).contains(new Answer.Grade(8));
        assertThat(session.answerOf("bpv00")).contains(new Answer.Choice("ja"));
        assertThat(session.answerOf("st08")).contains(new Answer.Number(new BigDecimal("450.5")));
        assertThat(session.answerOf("alg02")).contains(new Answer.Text("Meer \"praktijk\", graag"));
        // selections come back in the question's order
        assertThat(session.answerOf("po14")).contains(new Answer.Choices(List.of("afkomst", "gender")));
        assertThat(session.answerOf("po14").orElseThrow().cell()).isEqualTo("afkomst|gender");
        assertThat(session.answerOf("opl02").orElseThrow().isSubstantive()).isFalse();
    }

    @Test
    void answerLabels_areWhatTheRespondentSaw_inTheirLanguage() {
        Session dutch = start(Language.NL);
        Session english = start(Language.EN);
        for (Session session : List.of(dutch, english)) {
            session.answer("opl01", "4");
            session.answer("opl02", "nvt");
            session.answer("hv01", "kamer");
            session.answer("po13", "ja");
            session.answer("po14", "gender|afkomst");
            session.answer("opl07", "8");
        }

        assertThat(dutch.answerLabel("opl01")).contains("Eens");
        assertThat(english.answerLabel("opl01")).contains("Agree");
        assertThat(dutch.answerLabel("opl02")).contains("Niet van toepassing");
        assertThat(english.answerLabel("opl02")).contains("Not applicable");
        assertThat(english.answerLabel("po14")).contains("My background or skin colour, My gender");
        assertThat(english.answerLabel("opl07")).contains("8");
        assertThat(english.answerLabel("opl03")).isEmpty();
        assertThat(english.answerLabel("xx99")).isEmpty();
    }

    @Test
    void problems_haveAStableCodeAndAMessageInTheRespondentsLanguage() {
        Map<String, String[]> cases = new java.util.LinkedHashMap<>();
        cases.put("unknown-question", new String[] {"xx99", "1"});
        cases.put("not-allocated", new String[] {"nb01", "3"});
        cases.put("not-visible", new String[] {"hv02", "ja_nu"});
        cases.put("unknown-code", new String[] {"opl01", "6"});
        cases.put("out-of-range", new String[] {"opl07", "11"});
        cases.put("malformed", new String[] {"opl07", "7.5"});
        cases.put("too-long", new String[] {"alg02", "x".repeat(1001)});
        Map<String, String> dutch = Map.of(
                "unknown-question", "Vraag \"xx99\" staat niet in deze vragenlijst.",
                "not-allocated", "Vraag nb01 hoort niet bij jouw vragenlijst.",
                "not-visible", "Vraag hv02 wordt niet gesteld na je eerdere antwoorden.",
                "unknown-code",
                        "Kies een van de antwoorden: Helemaal oneens (1), Oneens (2), Neutraal (3), Eens (4), "
                                + "Helemaal eens (5), Niet van toepassing (nvt).",
                "out-of-range", "Vul een heel cijfer in van 1 tot en met 10.",
                "malformed", "Vul een heel cijfer in van 1 tot en met 10.",
                "too-long", "Je antwoord is 1001 tekens lang; er passen er hoogstens 1000.");
        Map<String, String> english = Map.of(
                "unknown-question", "There is no question \"xx99\" in this questionnaire.",
                "not-allocated", "Question nb01 is not part of your questionnaire.",
                "not-visible", "Question hv02 is not asked, given your earlier answers.",
                "unknown-code",
                        "Choose one of the answers: Strongly disagree (1), Disagree (2), Neutral (3), Agree (4), "
                                + "Strongly agree (5), Not applicable (nvt).",
                "out-of-range", "Enter a whole mark from 1 to 10.",
                "malformed", "Enter a whole mark from 1 to 10.",
                "too-long", "Your answer is 1001 characters long; at most 1000 fit.");
        for (Language language : Language.values()) {
            Session session = start(language);
            String before = session.save();
            cases.forEach((code, input) -> {
                Change change = session.answer(input[0], input[1]);
                assertThat(change.accepted()).isFalse();
                assertThat(change.problems()).hasSize(1);
                Problem problem = change.problems().get(0);
                assertThat(problem.code().code()).isEqualTo(code);
                assertThat(problem.question()).isEqualTo(input[0]);
                assertThat(problem.message())
                        .as(code + " in " + language)
                        .isEqualTo((language == Language.NL ? dutch : english).get(code));
            });
            assertThat(session.save()).as("refused answers change nothing").isEqualTo(before);
        }
    }

    @Test
    void numberProblems_nameTheBoundsAndTheForm() {
        for (Language language : Language.values()) {
            Session session = start(language);
            session.answer("gz01", "ja");
            boolean nl = language == Language.NL;

            Problem over = session.answer("gz02", "61").problems().get(0);
            Problem comma = session.answer("gz02", "12,5").problems().get(0);

            assertThat(over.code()).isEqualTo(ProblemCode.OUT_OF_RANGE);
            assertThat(over.message())
                    .isEqualTo(nl ? "Vul een getal in van 0 tot en met 60." : "Enter a number from 0 to 60.");
            assertThat(comma.code()).isEqualTo(ProblemCode.MALFORMED);
            assertThat(comma.message())
                    .isEqualTo(
                            nl
                                    ? "Vul een getal in, met een punt voor decimalen (zoals 12 of 3.5)."
                                    : "Enter a number, with a point for decimals (such as 12 or 3.5).");
            assertThat(session.answer("gz02", "60").accepted()).isTrue();
            assertThat(session.answer("gz02", "0.000001").accepted()).isTrue();
            assertThat(session.answer("gz02", "-0.5").problems().get(0).code()).isEqualTo(ProblemCode.OUT_OF_RANGE);
        }
    }

    @Test
    void selectionProblems_tooFewTooManyAndTwice() {
        Questionnaire small = Questionnaire.compile(smallEdition());
        Allocation allocation = new Allocation("k", "25LZ", List.of("basis"), 0);
        RespondentFields fields = new RespondentFields("k", "25LZ", "01", 2, Pathway.BBL);
        Map<ProblemCode, String[]> expected = Map.of(
                ProblemCode.TOO_FEW_SELECTED,
                        new String[] {"a", "Kies minstens 2 antwoorden.", "Choose at least 2 answers."},
                ProblemCode.TOO_MANY_SELECTED,
                        new String[] {"a|b|c|d", "Kies hoogstens 3 antwoorden.", "Choose at most 3 answers."},
                ProblemCode.MALFORMED,
                        new String[] {"a|a", "Kies elk antwoord maar één keer.", "Choose each answer only once."},
                ProblemCode.UNKNOWN_CODE,
                        new String[] {
                            "a|z",
                            "Kies een van de antwoorden: A (a), B (b), C (c), D (d).",
                            "Choose one of the answers: A (a), B (b), C (c), D (d)."
                        });
        for (Language language : Language.values()) {
            Session session = small.start(fields, allocation, language);
            expected.forEach((code, input) -> {
                Problem problem = session.answer("m1", input[0]).problems().get(0);
                assertThat(problem.code()).isEqualTo(code);
                assertThat(problem.message()).isEqualTo(language == Language.NL ? input[1] : input[2]);
            });
            assertThat(session.answer("m1", "c|a").accepted()).isTrue();
            assertThat(session.answerOf("m1")).contains(new Answer.Choices(List.of("a", "c")));
        }
    }

    @Test
    void finished_refusesEveryChange_inBothLanguages() {
        for (Language language : Language.values()) {
            Session session = start(language);
            session.answer("opl01", "3");
            ResponseRecord record = session.finish();

            Change change = session.answer("opl01", "4");
            Change clear = session.clear("opl01");

            assertThat(change.problems().get(0).code()).isEqualTo(ProblemCode.FINISHED);
            assertThat(clear.problems().get(0).code()).isEqualTo(ProblemCode.FINISHED);
            assertThat(change.problems().get(0).message())
                    .isEqualTo(
                            language == Language.NL
                                    ? "Je hebt de vragenlijst al afgerond; je antwoorden kunnen niet meer veranderen."
                                    : "You have finished the questionnaire; your answers can no longer change.");
            assertThat(session.finish()).isEqualTo(record);
            assertThat(session.isFinished()).isTrue();
        }
    }

    @Test
    void finish_yieldsTheResponsesRow() {
        Session session = start(Language.NL);
        session.answer("opl01", "4");
        session.answer("alg02", "Goed, \"prima\"\nen meer");
        session.answer("po13", "ja");
        session.answer("po14", "geloof|anders");

        ResponseRecord record = session.finish();

        assertThat(record.columns()).isEqualTo(ResponseLayout.columns(EDITION_2027));
        assertThat(record.cells().subList(0, 6))
                .containsExactly(
                        "k-0001", "25LZ", "01", "4", "BOL", "basis|huisvesting|stage|geldzorgen|welzijn|positie");
        assertThat(record.cell("opl01")).isEqualTo("4");
        assertThat(record.cell("po14")).isEqualTo("geloof|anders");
        assertThat(record.cell("nb01")).isEmpty();
        assertThat(record.csvLine())
                .startsWith("k-0001,25LZ,01,4,BOL,basis|huisvesting|stage|geldzorgen|welzijn|positie,4,")
                .contains(",\"Goed, \"\"prima\"\"\nen meer\",");
        assertThat(record.asMap())
                .containsEntry("po14", "geloof|anders")
                .hasSize(record.columns().size());
    }

    @Test
    void timing_countsTheTimeBetweenChangesForTheQuestionAnswered_upToTheIdleLimit() {
        Session session = start(Language.NL);
        clock.advance(Duration.ofSeconds(12));
        session.answer("opl01", "4");
        clock.advance(Duration.ofSeconds(5));
        session.answer("opl02", "3");
        clock.advance(Duration.ofSeconds(3));
        session.answer("opl02", "x"); // refused: no time counted yet
        clock.advance(Duration.ofSeconds(4));
        session.answer("opl02", "2"); // 7 s more for opl02
        clock.advance(Duration.ofHours(2));
        session.answer("hv01", "kamer"); // a break: counted up to the idle limit

        Timing timing = session.timing();

        assertThat(timing.questions())
                .containsExactly(
                        Map.entry("opl01", Duration.ofSeconds(12)),
                        Map.entry("opl02", Duration.ofSeconds(12)),
                        Map.entry("hv01", Session.IDLE_LIMIT));
        assertThat(timing.modules()).containsEntry("basis", Duration.ofSeconds(24));
        assertThat(timing.modules()).containsEntry("huisvesting", Session.IDLE_LIMIT);
        assertThat(timing.modules().keySet())
                .containsExactly("basis", "huisvesting", "stage", "geldzorgen", "welzijn", "positie");
        assertThat(timing.total()).isEqualTo(Duration.ofSeconds(24).plus(Session.IDLE_LIMIT));
        assertThat(timing.budget()).isEqualTo(Duration.ofMinutes(25));
        int estimate = ALLOCATION.modules().stream()
                .mapToInt(m -> EDITION_2027.module(m).orElseThrow().seconds())
                .sum();
        assertThat(timing.estimate()).isEqualTo(Duration.ofSeconds(estimate));
        assertThat(timing.overBudget()).isFalse();
    }

    @Test
    void progress_countsVisibleQuestionsAndTheirEstimates() {
        Session session = start(Language.NL);
        Progress before = session.progress();
        session.answer("hv01", "kamer"); // shows hv04..hv10, 7 scale questions of 7 s

        Progress after = session.progress();

        assertThat(after.visible()).isEqualTo(before.visible() + 7);
        assertThat(after.answered()).isEqualTo(1);
        assertThat(after.secondsLeft()).isEqualTo(before.secondsLeft() - 8 + 7 * 7);
        assertThat(new Progress(0, 0, 0).percent()).isEqualTo(100);
        assertThat(new Progress(1, 3, 10).percent()).isEqualTo(33);
    }

    @Test
    void saveAndResume_giveTheSameSession() {
        Session session = start(Language.EN);
        clock.advance(Duration.ofSeconds(9));
        session.answer("hv01", "ouders");
        session.answer("hv02", "ja_later");
        session.answer("hv01", "kamer"); // hv02 hidden, its answer kept
        session.answer("alg02", "tekst met \"quotes\" en é");
        String saved = session.save();

        Session resumed = QUESTIONNAIRE.withClock(clock).resume(saved, ALLOCATION);

        assertThat(resumed.save()).isEqualTo(saved);
        assertThat(resumed.visibleQuestions()).isEqualTo(session.visibleQuestions());
        assertThat(resumed.answerOf("hv02")).contains(new Answer.Choice("ja_later"));
        assertThat(resumed.progress()).isEqualTo(session.progress());
        assertThat(resumed.timing()).isEqualTo(session.timing());
        assertThat(resumed.language()).isEqualTo(Language.EN);
        assertThat(resumed.answer("hv01", "ouders").shown()).containsExactly("hv02", "hv03");
    }

    @Test
    void resume_refusesAStateThatNoLongerMatches() {
        Session session = start(Language.NL);
        session.answer("opl01", "4");
        String saved = session.save();
        Allocation other = new Allocation("k-0001", "25LZ", List.of("basis", "huisvesting", "stage", "llo"), 1);
        Questionnaire changed = Questionnaire.compile(smallEdition());

        assertThatThrownBy(() -> QUESTIONNAIRE.resume(saved, other))
                .isInstanceOf(SessionStateException.class)
                .hasMessageContaining("saved with modules [basis, huisvesting, stage, geldzorgen, welzijn, positie]")
                .hasMessageContaining("now [basis, huisvesting, stage, llo]");
        assertThatThrownBy(() -> changed.resume(saved, ALLOCATION))
                .isInstanceOf(SessionStateException.class)
                .hasMessage("the session was saved for edition 2027, not 2099");
        assertThatThrownBy(() ->
                        QUESTIONNAIRE.resume(saved.replace("\"fingerprint\":\"", "\"fingerprint\":\"0"), ALLOCATION))
                .isInstanceOf(SessionStateException.class)
                .hasMessageContaining("has changed since the session was saved");
        assertThatThrownBy(() -> QUESTIONNAIRE.resume(saved.replace("\"opl01\":\"4\"", "\"opl01\":\"9\""), ALLOCATION))
                .isInstanceOf(SessionStateException.class)
                .hasMessage("the saved answer of opl01 is not valid (unknown-code)");
        assertThatThrownBy(() -> QUESTIONNAIRE.resume(saved, new Allocation("k-0002", "25LZ", ALLOCATION.modules(), 2)))
                .isInstanceOf(SessionStateException.class)
                .hasMessageContaining("another respondent");
        assertThatThrownBy(() -> QUESTIONNAIRE.resume("{\"format\": 3", ALLOCATION))
                .isInstanceOf(SessionStateException.class)
                .hasMessageStartingWith("not a saved session");
        assertThatThrownBy(() -> QUESTIONNAIRE.resume(saved.replace("\"level\":4", "\"level\":7"), ALLOCATION))
                .isInstanceOf(SessionStateException.class)
                .hasMessage("not a saved session: level (7) must be between 1 and 4");
        assertThatThrownBy(() -> QUESTIONNAIRE.resume(saved.replace("{\"format", "{\"extra\":1,\"format"), ALLOCATION))
                .isInstanceOf(SessionStateException.class)
                .hasMessage("not a saved session: unknown property \"extra\"");
    }

    @Test
    void start_refusesAnAllocationOfSomeoneElse() {
        assertThatThrownBy(() -> QUESTIONNAIRE.start(
                        new RespondentFields("other", "25LZ", "01", 4, Pathway.BOL), ALLOCATION, Language.NL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the allocation is of respondent k-0001 at 25LZ, not of other at 25LZ");
        assertThatThrownBy(() -> new RespondentFields("k", "25LZ", "01", 5, Pathway.BOL))
                .hasMessage("level (5) must be between 1 and 4");
    }

    @Test
    void toString_showsProgressAndTheNextQuestions() {
        Session session = start(Language.EN);
        session.answer("opl01", "4");

        assertThat(session.toString())
                .startsWith("Session[k-0001 at 25LZ, edition 2027, en, 1/")
                .contains("; next: opl02 \"")
                .endsWith(", …]");
        assertThat(QUESTIONNAIRE.toString())
                .isEqualTo("Questionnaire[edition 2027, 179 questions in 9 modules, 29 with routing]");
    }

    /** An edition of one base module with one multi question: at least 2, at most 3 of a, b, c, d. */
    static Edition smallEdition() {
        List<Option> options = List.of("a", "b", "c", "d").stream()
                .map(c -> new Option(
                        c,
                        LocalizedText.of(c.toUpperCase(java.util.Locale.ROOT), c.toUpperCase(java.util.Locale.ROOT))))
                .toList();
        Module base = new Module(
                "basis",
                "1",
                ModuleKind.BASE,
                LocalizedText.of("Basis", "Base"),
                List.of(),
                List.of(new MultiQuestion("m1", LocalizedText.of("Welke?", "Which?"), options, 2, 3, null, null)),
                List.of());
        return new Edition(new EditionManifest("2099", null, "basis", List.of(), new Rules(0, 0, 25)), base, List.of());
    }
}
