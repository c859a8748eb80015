package nl.peiling.server.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
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
import nl.peiling.server.internal.LiveSessions.Live;
import nl.peiling.server.internal.SessionStore.Row;
import nl.peiling.stats.sampling.Barometer;
import nl.peiling.stats.sampling.BarometerException;
import nl.peiling.stats.sampling.BarometerRow;
import nl.peiling.stats.sampling.ModuleRow;
import nl.peiling.stats.sampling.Population;
import nl.peiling.stats.sampling.ResponseCounts;

/**
 * What the API does, apart from HTTP: logins, answers, finishing, the export, the barometer and health,
 * on the compiled questionnaire and the sessions table.
 *
 * <p>A change (answer, clear, finish) works on the process's copy of the session ({@link LiveSessions}),
 * one request of a session at a time, and is stored through the {@link Committer} only if the row still
 * has the version the copy was made from; otherwise another process changed the session, so the row is
 * read again and the change made again on it. The reply is sent after the commit. Reads ({@code GET})
 * always read the row.
 */
final class SessionService {

    /** The longest respondent key accepted. */
    static final int MAX_KEY_LENGTH = 200;
    /** The longest notice accepted. */
    static final int MAX_NOTICE_LENGTH = 2_000;
    /** How often a change is made again on a newer row before the request gets 503. */
    static final int MAX_ATTEMPTS = 20;

    /** A reply: the HTTP status and the JSON body. */
    record Reply(int status, Map<String, Object> body) {}

    private final Questionnaire questionnaire;
    private final Allocator allocator;
    private final Map<String, Institution> institutions;
    private final SessionStore store;
    private final Committer committer;
    private final LiveSessions live = new LiveSessions();
    private final Population population;
    private final Notice notice;
    private final QuestionStates.Parts questionParts;

    SessionService(
            Questionnaire questionnaire,
            Allocator allocator,
            List<Institution> institutions,
            SessionStore store,
            Committer committer,
            Population population) {
        this.questionnaire = requireNonNull(questionnaire, "questionnaire");
        this.allocator = requireNonNull(allocator, "allocator");
        Map<String, Institution> byCode = new LinkedHashMap<>();
        institutions.forEach(i -> byCode.put(i.code(), i));
        this.institutions = Map.copyOf(byCode);
        this.store = requireNonNull(store, "store");
        this.committer = requireNonNull(committer, "committer");
        this.population = population;
        this.notice = new Notice(store);
        this.questionParts = new QuestionStates.Parts(questionnaire);
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
            Reply reply = new Reply(201, state(inserted.row(), session));
            live.hold(new Live(inserted.row(), session));
            return reply;
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
        return changed(token, (row, session) -> {
            if (session.isFinished()) {
                throw finished();
            }
            Change change = action.apply(session);
            if (!change.accepted()) {
                return Step.refuse(refused(change.problems()));
            }
            return Step.store(null, () -> {
                Map<String, Object> body = state(row, session);
                body.put("shown", change.shown());
                body.put("hidden", change.hidden());
                return new Reply(200, body);
            });
        });
    }

    /** {@code POST .../finish}: 200 with the record; finishing again gives the same record. */
    Reply finish(String token) throws SQLException {
        return changed(token, (row, session) -> {
            boolean already = session.isFinished();
            ResponseRecord record = session.finish();
            Supplier<Reply> reply = () -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("session", row.token());
                body.put("record", record.asMap());
                return new Reply(200, body);
            };
            return already ? Step.keep(reply) : Step.store(record.csvLine(), reply);
        });
    }

    /**
     * What a change made of a session: keep it as it is, store it (with the finished record's CSV line when
     * it finished the session), or refuse with a problem; and the reply, made after it is stored.
     */
    private record Step(boolean store, String record, Supplier<Reply> reply, ApiException refusal) {

        static Step keep(Supplier<Reply> reply) {
            return new Step(false, null, reply, null);
        }

        static Step store(String record, Supplier<Reply> reply) {
            return new Step(true, record, reply, null);
        }

        static Step refuse(ApiException refusal) {
            return new Step(false, null, null, refusal);
        }
    }

    /**
     * Applies a change to the session of a token, one request of a session at a time in this process, and
     * stores it through the committer on the row's version; made again on the newer row when another
     * process changed it meanwhile.
     */
    private Reply changed(String token, BiFunction<Row, Session, Step> change) throws SQLException {
        if (!Tokens.wellFormed(token)) {
            throw unknown();
        }
        Live held = live.get(token);
        if (held == null) {
            Row row = store.find(token).orElseThrow(SessionService::unknown);
            held = live.hold(new Live(row, resume(row)));
        }
        synchronized (held) {
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                if (held.session == null) {
                    reread(held);
                }
                Session session = held.session;
                Step step;
                try {
                    step = change.apply(held.row, session);
                } catch (ApiException e) {
                    // A refusal on a copy another process made stale is made again on the newer row.
                    if (isCurrent(held)) {
                        throw e;
                    }
                    continue;
                }
                if (step.refusal() != null) {
                    if (isCurrent(held)) {
                        throw step.refusal();
                    }
                    continue;
                }
                if (!step.store()) {
                    return step.reply().get();
                }
                boolean stored;
                try {
                    stored = committer.store(held.row.id(), held.version, session.save(), step.record());
                } catch (SQLException | RuntimeException e) {
                    held.session = null;
                    throw e;
                }
                if (stored) {
                    held.version++;
                    Reply reply = step.reply().get();
                    if (session.isFinished()) {
                        live.drop(token);
                    }
                    return reply;
                }
                held.session = null;
            }
        }
        throw ApiException.unavailable(
                "busy", "the session is being changed by many requests at once; try again in a few seconds", 1);
    }

    /** Whether the copy still has the row's version; if not, it is dropped, to be read again. */
    private boolean isCurrent(Live held) throws SQLException {
        int version = store.version(held.row.id());
        if (version == held.version) {
            return true;
        }
        held.session = null;
        return false;
    }

    /** Reads the row of a held session again and resumes it. */
    private void reread(Live held) throws SQLException {
        Row row = store.find(held.row.token()).orElseThrow(SessionService::unknown);
        held.session = resume(row);
        held.version = row.version();
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
        json.put("questions", questionParts.of(session));
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
