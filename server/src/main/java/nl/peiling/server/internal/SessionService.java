package nl.peiling.server.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.peiling.core.allocation.Allocation;
import nl.peiling.core.allocation.Allocator;
import nl.peiling.core.allocation.Institution;
import nl.peiling.core.engine.Change;
import nl.peiling.core.engine.Pathway;
import nl.peiling.core.engine.Problem;
import nl.peiling.core.engine.ProblemCode;
import nl.peiling.core.engine.Progress;
import nl.peiling.core.engine.Questionnaire;
import nl.peiling.core.engine.RespondentFields;
import nl.peiling.core.engine.ResponseRecord;
import nl.peiling.core.engine.Session;
import nl.peiling.core.engine.SessionStateException;
import nl.peiling.core.model.Language;
import nl.peiling.core.model.Module;
import nl.peiling.core.model.Question;
import nl.peiling.server.internal.SessionStore.Outcome;
import nl.peiling.server.internal.SessionStore.Row;
import nl.peiling.stats.sampling.Barometer;
import nl.peiling.stats.sampling.BarometerException;
import nl.peiling.stats.sampling.BarometerRow;
import nl.peiling.stats.sampling.ModuleRow;
import nl.peiling.stats.sampling.Population;
import nl.peiling.stats.sampling.ResponseCounts;

/**
 * What the API does, apart from HTTP: logins, answers, finishing, the export, the barometer and health,
 * on the compiled questionnaire and the sessions table. A session is resumed from its row per request,
 * changed, saved and committed while the row is locked; nothing of a session stays in memory.
 */
final class SessionService {

    /** The longest respondent key accepted. */
    static final int MAX_KEY_LENGTH = 200;
    /** The longest notice accepted. */
    static final int MAX_NOTICE_LENGTH = 2_000;

    /** A reply: the HTTP status and the JSON body. */
    record Reply(int status, Map<String, Object> body) {}

    private final Questionnaire questionnaire;
    private final Allocator allocator;
    private final Map<String, Institution> institutions;
    private final SessionStore store;
    private final Population population;
    private final Notice notice;
    private final Map<String, String> moduleOfQuestion;

    SessionService(
            Questionnaire questionnaire,
            Allocator allocator,
            List<Institution> institutions,
            SessionStore store,
            Population population) {
        this.questionnaire = requireNonNull(questionnaire, "questionnaire");
        this.allocator = requireNonNull(allocator, "allocator");
        Map<String, Institution> byCode = new LinkedHashMap<>();
        institutions.forEach(i -> byCode.put(i.code(), i));
        this.institutions = Map.copyOf(byCode);
        this.store = requireNonNull(store, "store");
        this.population = population;
        this.notice = new Notice(store);
        Map<String, String> modules = new HashMap<>();
        for (Module module : questionnaire.edition().modules()) {
            module.questions().forEach(q -> modules.put(q.id(), module.id()));
        }
        this.moduleOfQuestion = Map.copyOf(modules);
    }

    // ------------------------------------------------------------------------------------ sessions

    /** {@code POST /api/v1/sessions}: 201 with a new session, or 200 with the respondent's existing one. */
    Reply login(JsonNode body) throws SQLException {
        Login login = Login.parse(body, institutions);
        Optional<Row> existing = store.findRespondent(login.fields().respondent(), login.test());
        if (existing.isPresent()) {
            return new Reply(200, state(existing.get(), resume(existing.get())));
        }
        Allocation allocation =
                allocator.allocate(login.fields().respondent(), login.fields().institution());
        Session session = questionnaire.start(login.fields(), allocation, login.language());
        Row row = new Row(
                0,
                Tokens.next(),
                login.fields().respondent(),
                login.fields().institution(),
                login.fields().location(),
                login.test(),
                session.save(),
                0,
                false);
        SessionStore.Inserted inserted = store.insert(row, allocation.modulesField());
        if (inserted.created()) {
            return new Reply(201, state(inserted.row(), session));
        }
        return new Reply(200, state(inserted.row(), resume(inserted.row())));
    }

    /** {@code GET /api/v1/sessions/{token}}: the state; reads, never changes. */
    Reply read(String token) throws SQLException {
        Row row = lookup(token).orElseThrow(SessionService::unknown);
        return new Reply(200, state(row, resume(row)));
    }

    /** {@code PUT .../answers/{question}}: answers, or 422 with the engine's problems. */
    Reply answer(String token, String question, JsonNode body) throws SQLException {
        String value = Bodies.text(body, "value", 100_000);
        return change(token, session -> session.answer(question, value));
    }

    /** {@code DELETE .../answers/{question}}: clears the answer. */
    Reply clear(String token, String question) throws SQLException {
        return change(token, session -> session.clear(question));
    }

    private Reply change(String token, Function<Session, Change> action) throws SQLException {
        // The change and its storing run while the row is locked; the reply is written after the commit.
        Optional<Changed> changed = Tokens.wellFormed(token)
                ? store.update(token, row -> {
                    Session session = resume(row);
                    if (session.isFinished()) {
                        throw finished();
                    }
                    Change change = action.apply(session);
                    if (!change.accepted()) {
                        throw refused(change.problems());
                    }
                    return Outcome.store(new Changed(row, session, change), session.save(), null);
                })
                : Optional.empty();
        Changed done = changed.orElseThrow(SessionService::unknown);
        Map<String, Object> body = state(done.row(), done.session());
        body.put("shown", done.change().shown());
        body.put("hidden", done.change().hidden());
        return new Reply(200, body);
    }

    /** A committed change: the row it was made on, the session after it, and what it showed and hid. */
    private record Changed(Row row, Session session, Change change) {}

    /** {@code POST .../finish}: 200 with the record; finishing again gives the same record. */
    Reply finish(String token) throws SQLException {
        Optional<Reply> reply = Tokens.wellFormed(token)
                ? store.update(token, row -> {
                    Session session = resume(row);
                    boolean already = session.isFinished();
                    ResponseRecord record = session.finish();
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("session", row.token());
                    body.put("record", record.asMap());
                    Reply finished = new Reply(200, body);
                    return already ? Outcome.keep(finished) : Outcome.store(finished, session.save(), record.csvLine());
                })
                : Optional.empty();
        return reply.orElseThrow(() -> unknown());
    }

    // ---------------------------------------------------------------------------- vendor reads

    /** The header line of {@code responses.csv}. */
    String csvHeader() {
        List<String> columns = questionnaire.columns();
        return new ResponseRecord(columns, Collections.nCopies(columns.size(), "")).csvHeader();
    }

    /** {@code GET /api/v1/responses.csv}: the header and every finished real record, streamed. */
    void export(Writer out) throws SQLException, IOException {
        out.write(csvHeader());
        out.write("\n");
        store.exportRecords(out);
    }

    /** {@code GET /api/v1/barometer}: SPEC section 4's barometer over the finished real sessions. */
    Reply barometer() throws SQLException {
        if (population == null) {
            throw ApiException.of(
                    409, "no-population", "the barometer needs the population: start serve with --population F");
        }
        Barometer barometer;
        try {
            barometer =
                    Barometer.of(population, ResponseCounts.of(store.finishedByLocation(), store.finishedByModule()));
        } catch (BarometerException | IllegalArgumentException e) {
            throw ApiException.of(409, "population-mismatch", e.getMessage());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BarometerRow row : barometer.rows()) {
            rows.add(row.asMap());
        }
        json.put("rows", rows);
        List<Map<String, Object>> modules = new ArrayList<>();
        for (ModuleRow row : barometer.modules()) {
            modules.add(row.asMap());
        }
        json.put("modules", modules);
        return new Reply(200, json);
    }

    /** {@code GET /health}: 200 when the database answers, 503 when it does not; the notice either way. */
    Reply health() {
        boolean up = store.ping();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", up ? "ok" : "unhealthy");
        json.put("database", up ? "up" : "down");
        json.put("edition", questionnaire.edition().id());
        json.put("notice", notice.current().orElse(null));
        return new Reply(up ? 200 : 503, json);
    }

    /** {@code PUT /api/v1/notice} {@code {text}}: sets the notice; the empty text removes it. */
    Reply setNotice(JsonNode body) throws SQLException {
        String text = Bodies.text(body, "text", MAX_NOTICE_LENGTH).strip();
        notice.set(text.isEmpty() ? Optional.empty() : Optional.of(text));
        return health();
    }

    /** The survey owner's notice while one is set (read at most every 3 seconds), for the pages. */
    Optional<String> notice() {
        return notice.current();
    }

    /** {@code DELETE /api/v1/notice}. */
    Reply clearNotice() throws SQLException {
        notice.set(Optional.empty());
        return health();
    }

    // ------------------------------------------------------------------------------------ helpers

    private Optional<Row> lookup(String token) throws SQLException {
        return Tokens.wellFormed(token) ? store.find(token) : Optional.empty();
    }

    private static ApiException unknown() {
        return ApiException.notFound("no session has this token");
    }

    private static ApiException finished() {
        return ApiException.of(
                409, ProblemCode.FINISHED.code(), "the session is finished; answers can no longer change");
    }

    private static ApiException refused(List<Problem> problems) {
        boolean finished = problems.stream().anyMatch(p -> p.code() == ProblemCode.FINISHED);
        return new ApiException(
                finished ? 409 : 422, problems.stream().map(ApiProblem::of).toList());
    }

    private Session resume(Row row) {
        Allocation allocation = allocator.allocate(row.respondent(), row.institution());
        try {
            return questionnaire.resume(row.state(), allocation);
        } catch (SessionStateException e) {
            throw ApiException.of(
                    409,
                    "session-state",
                    "the stored session no longer matches this edition or allocation; the service was restarted"
                            + " with another edition, institutions file or seed");
        }
    }

    /** The session state of the API: {session, modules[], questions[], progress, finished, notice}. */
    private Map<String, Object> state(Row row, Session session) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("session", row.token());
        json.put("modules", session.allocation().modules());
        List<Map<String, Object>> questions = new ArrayList<>();
        for (Question question : session.questions()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", question.id());
            entry.put("type", question.type().key());
            entry.put("module", moduleOfQuestion.get(question.id()));
            entry.put("text", session.text(question));
            entry.put("visible", session.isVisible(question.id()));
            entry.put(
                    "answer", session.answerOf(question.id()).map(a -> a.cell()).orElse(null));
            questions.add(entry);
        }
        json.put("questions", questions);
        Progress progress = session.progress();
        Map<String, Object> progressJson = new LinkedHashMap<>();
        progressJson.put("answered", progress.answered());
        progressJson.put("visible", progress.visible());
        progressJson.put("secondsLeft", progress.secondsLeft());
        json.put("progress", progressJson);
        json.put("finished", session.isFinished());
        json.put("language", session.language().code());
        json.put("test", row.test());
        json.put("notice", notice.current().orElse(null));
        return json;
    }

    /** The fields of a login, checked all at once. */
    record Login(RespondentFields fields, Language language, boolean test) {

        static Login parse(JsonNode body, Map<String, Institution> institutions) {
            List<ApiProblem> problems = new ArrayList<>();
            String respondent = Bodies.field(body, "respondent", problems);
            if (respondent != null) {
                if (respondent.isBlank()) {
                    problems.add(ApiProblem.field("malformed", "respondent", "respondent must not be blank"));
                } else if (respondent.length() > MAX_KEY_LENGTH) {
                    problems.add(ApiProblem.field(
                            "too-long",
                            "respondent",
                            String.format(
                                    Locale.ROOT,
                                    "respondent (%d characters) must have at most %d",
                                    respondent.length(),
                                    MAX_KEY_LENGTH)));
                }
            }
            String institution = Bodies.field(body, "institution", problems);
            Institution known = institution == null ? null : institutions.get(institution);
            if (institution != null && known == null) {
                problems.add(ApiProblem.field(
                        "unknown-institution",
                        "institution",
                        "institution \"" + Bodies.shorten(institution) + "\" is not in the institutions file"));
            }
            String location = Bodies.field(body, "location", problems);
            if (known != null && location != null && known.location(location).isEmpty()) {
                problems.add(ApiProblem.field(
                        "unknown-location",
                        "location",
                        "location \"" + Bodies.shorten(location) + "\" is not a location of " + known.code()
                                + " (known: " + String.join(", ", known.locationCodes()) + ")"));
            }
            int level = Bodies.level(body, problems);
            String pathwayText = Bodies.field(body, "pathway", problems);
            Pathway pathway =
                    pathwayText == null ? null : Pathway.of(pathwayText).orElse(null);
            if (pathwayText != null && pathway == null) {
                problems.add(ApiProblem.field(
                        "unknown-code",
                        "pathway",
                        "pathway \"" + Bodies.shorten(pathwayText) + "\" must be BOL or BBL"));
            }
            Language language = Language.NL;
            if (body.has("language")) {
                String languageText = Bodies.field(body, "language", problems);
                Optional<Language> parsed = languageText == null ? Optional.empty() : Language.of(languageText);
                if (languageText != null && parsed.isEmpty()) {
                    problems.add(ApiProblem.field(
                            "unknown-code",
                            "language",
                            "language \"" + Bodies.shorten(languageText) + "\" must be nl or en"));
                }
                language = parsed.orElse(Language.NL);
            }
            boolean test = false;
            if (body.has("test")) {
                JsonNode node = body.get("test");
                if (node.isBoolean()) {
                    test = node.booleanValue();
                } else {
                    problems.add(ApiProblem.field("malformed", "test", "test must be true or false"));
                }
            }
            if (!problems.isEmpty()) {
                throw new ApiException(422, problems);
            }
            return new Login(new RespondentFields(respondent, institution, location, level, pathway), language, test);
        }
    }
}
