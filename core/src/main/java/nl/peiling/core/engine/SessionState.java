package nl.peiling.core.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.peiling.core.allocation.Allocation;
import nl.peiling.core.model.Language;

/**
 * The saved form of a session: a small JSON object, {@value #FORMAT}.
 *
 * <pre>
 * {"format": "peiling.session/1", "edition": "2027", "fingerprint": "…",
 *  "respondent": "…", "institution": "25LZ", "location": "01", "level": 4, "pathway": "BOL",
 *  "language": "nl", "modules": ["basis", …], "startedAt": 1796000000000, "lastEventAt": …,
 *  "finishedAt": null, "answers": {"doc01": "4", …}, "millis": {"doc01": 5200, …}}
 * </pre>
 */
final class SessionState {

    /** The format name of a saved session. */
    static final String FORMAT = "peiling.session/1";

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(4)
                    .maxStringLength(1 << 20)
                    .build())
            .build();

    private SessionState() {}

    static String save(Session session) {
        Questionnaire questionnaire = session.questionnaire();
        RespondentFields respondent = session.respondent();
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeStringField("edition", questionnaire.edition().id());
            json.writeStringField("fingerprint", questionnaire.fingerprint());
            json.writeStringField("respondent", respondent.respondent());
            json.writeStringField("institution", respondent.institution());
            json.writeStringField("location", respondent.location());
            json.writeNumberField("level", respondent.level());
            json.writeStringField("pathway", respondent.pathway().name());
            json.writeStringField("language", session.language().code());
            json.writeArrayFieldStart("modules");
            for (String module : session.allocation().modules()) {
                json.writeString(module);
            }
            json.writeEndArray();
            json.writeNumberField("startedAt", session.startedAt);
            json.writeNumberField("lastEventAt", session.lastEventAt);
            if (session.finishedAt >= 0) {
                json.writeNumberField("finishedAt", session.finishedAt);
            } else {
                json.writeNullField("finishedAt");
            }
            json.writeObjectFieldStart("answers");
            for (int q = 0; q < questionnaire.size(); q++) {
                if (session.states[q] != AnswerRule.EMPTY) {
                    json.writeStringField(questionnaire.questions().get(q).id(), session.cell(q));
                }
            }
            json.writeEndObject();
            json.writeObjectFieldStart("millis");
            for (int q = 0; q < questionnaire.size(); q++) {
                if (session.millis[q] > 0) {
                    json.writeNumberField(questionnaire.questions().get(q).id(), session.millis[q]);
                }
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a session to a string", e);
        }
        return out.toString();
    }

    static Session resume(Questionnaire questionnaire, String saved, Allocation allocation) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Map<String, String> answers = new LinkedHashMap<>();
        Map<String, Long> millis = new LinkedHashMap<>();
        List<String> modules = new ArrayList<>();
        try (JsonParser json = JSON.createParser(saved.getBytes(StandardCharsets.UTF_8))) {
            expect(json.nextToken() == JsonToken.START_OBJECT, "it is not a JSON object");
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken token = json.nextToken();
                switch (name) {
                    case "format",
                            "edition",
                            "fingerprint",
                            "respondent",
                            "institution",
                            "location",
                            "pathway",
                            "language" -> {
                        expect(token == JsonToken.VALUE_STRING, "\"" + name + "\" must be a string");
                        fields.put(name, json.getText());
                    }
                    case "level", "startedAt", "lastEventAt", "finishedAt" -> {
                        if (token == JsonToken.VALUE_NULL && name.equals("finishedAt")) {
                            fields.put(name, -1L);
                        } else {
                            expect(token == JsonToken.VALUE_NUMBER_INT, "\"" + name + "\" must be a whole number");
                            fields.put(name, json.getLongValue());
                        }
                    }
                    case "modules" -> {
                        expect(token == JsonToken.START_ARRAY, "\"modules\" must be an array");
                        while (json.nextToken() == JsonToken.VALUE_STRING) {
                            modules.add(json.getText());
                        }
                        expect(json.currentToken() == JsonToken.END_ARRAY, "\"modules\" must hold strings");
                    }
                    case "answers" -> {
                        expect(token == JsonToken.START_OBJECT, "\"answers\" must be an object");
                        while (json.nextToken() == JsonToken.FIELD_NAME) {
                            String question = json.currentName();
                            expect(
                                    json.nextToken() == JsonToken.VALUE_STRING,
                                    "answer " + question + " must be a string");
                            answers.put(question, json.getText());
                        }
                    }
                    case "millis" -> {
                        expect(token == JsonToken.START_OBJECT, "\"millis\" must be an object");
                        while (json.nextToken() == JsonToken.FIELD_NAME) {
                            String question = json.currentName();
                            expect(
                                    json.nextToken() == JsonToken.VALUE_NUMBER_INT,
                                    "millis of " + question + " must be a whole number");
                            millis.put(question, json.getLongValue());
                        }
                    }
                    default ->
                        throw new SessionStateException("not a saved session: unknown property \"" + name + "\"");
                }
            }
            expect(json.currentToken() == JsonToken.END_OBJECT && json.nextToken() == null, "text after the object");
        } catch (IOException e) {
            throw new SessionStateException(
                    "not a saved session: "
                            + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()),
                    e);
        }
        for (String required : List.of(
                "format",
                "edition",
                "fingerprint",
                "respondent",
                "institution",
                "location",
                "level",
                "pathway",
                "language",
                "startedAt",
                "lastEventAt")) {
            expect(fields.containsKey(required), "\"" + required + "\" is missing");
        }
        expect(FORMAT.equals(fields.get("format")), "format is \"" + fields.get("format") + "\", not " + FORMAT);
        String edition = (String) fields.get("edition");
        if (!edition.equals(questionnaire.edition().id())) {
            throw new SessionStateException("the session was saved for edition " + edition + ", not "
                    + questionnaire.edition().id());
        }
        if (!questionnaire.fingerprint().equals(fields.get("fingerprint"))) {
            throw new SessionStateException("edition " + edition
                    + " has changed since the session was saved (its questions, codes or routing differ)");
        }
        String key = (String) fields.get("respondent");
        String institution = (String) fields.get("institution");
        if (!allocation.respondent().equals(key) || !allocation.institution().equals(institution)) {
            throw new SessionStateException("the session is of another respondent or institution than the allocation "
                    + "(allocation: " + allocation.respondent() + " at " + allocation.institution() + ")");
        }
        if (!allocation.modules().equals(modules)) {
            throw new SessionStateException("the session was saved with modules " + modules
                    + ", but the respondent's allocation is now " + allocation.modules());
        }
        RespondentFields respondent;
        Language language;
        try {
            long level = (Long) fields.get("level");
            respondent = new RespondentFields(
                    key,
                    institution,
                    (String) fields.get("location"),
                    (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, level)),
                    Pathway.of((String) fields.get("pathway"))
                            .orElseThrow(() -> new IllegalArgumentException(
                                    "pathway \"" + fields.get("pathway") + "\" is not BOL or BBL")));
            language = Language.of((String) fields.get("language"))
                    .orElseThrow(() -> new IllegalArgumentException(
                            "language \"" + fields.get("language") + "\" is not nl or en"));
        } catch (IllegalArgumentException e) {
            throw new SessionStateException("not a saved session: " + e.getMessage(), e);
        }
        Session session = new Session(questionnaire, respondent, allocation, language, (Long) fields.get("startedAt"));
        session.lastEventAt = (Long) fields.get("lastEventAt");
        session.finishedAt = (Long) fields.getOrDefault("finishedAt", -1L);
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            int q = questionnaire.indexOf(answer.getKey());
            if (q < 0) {
                throw new SessionStateException("the saved answer of \"" + answer.getKey()
                        + "\" is to a question edition " + edition + " does not have");
            }
            if ((session.modules() & (1L << questionnaire.moduleOf(q))) == 0) {
                throw new SessionStateException(
                        "the saved answer of " + answer.getKey() + " is to a module the respondent was not allocated");
            }
            AnswerRule rule = questionnaire.rule(q);
            byte[] bytes = answer.getValue().getBytes(StandardCharsets.UTF_8);
            ProblemCode problem = bytes.length == 0
                    ? ProblemCode.MALFORMED
                    : rule.decode(bytes, 0, bytes.length, session.states, session.values, q);
            if (problem != null) {
                throw new SessionStateException(
                        "the saved answer of " + answer.getKey() + " is not valid (" + problem.code() + ")");
            }
            if (rule.isText()) {
                session.texts[questionnaire.textSlot(q)] = answer.getValue();
            }
        }
        for (Map.Entry<String, Long> spent : millis.entrySet()) {
            int q = questionnaire.indexOf(spent.getKey());
            if (q < 0 || spent.getValue() < 0 || spent.getValue() > Integer.MAX_VALUE) {
                throw new SessionStateException("the saved time of \"" + spent.getKey() + "\" ("
                        + spent.getValue() + " ms) is not of a question, or not between 0 and "
                        + Integer.MAX_VALUE);
            }
            session.millis[q] = spent.getValue().intValue();
        }
        session.refresh();
        return session;
    }

    private static void expect(boolean condition, String problem) {
        if (!condition) {
            throw new SessionStateException("not a saved session: " + problem);
        }
    }
}
