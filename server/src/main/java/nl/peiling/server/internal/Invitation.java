package nl.peiling.server.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * What a student's link says: the respondent's pseudonymous key, the language, whether it is a test, and
 * the enrolments the student may answer for (two when enrolled at two institutions; the start page lets
 * the student choose). It travels in the link as {@code ?i=payload.signature}: URL-safe Base64 of a
 * small JSON object, signed with {@link PageKeys}, so that nobody can make a link for another key.
 * Opening the link changes nothing; the session starts when the student presses the start button.
 *
 * <p>A test link has no respondent: each start makes a new test session with a random key, so a whole
 * class can try the questionnaire on one link.
 *
 * @param respondent the pseudonymous respondent key; empty on a test link
 * @param language nl or en
 * @param test whether sessions started from it are test sessions
 * @param enrolments the institutions (and location, level and pathway there), at least one
 */
public record Invitation(String respondent, String language, boolean test, List<Enrolment> enrolments) {

    /** The longest payload accepted from a link. */
    static final int MAX_LENGTH = 4_000;

    /** One enrolment: where the student studies, at which level and in which pathway. */
    public record Enrolment(String institution, String location, int level, String pathway) {

        public Enrolment {
            requireNonNull(institution, "institution");
            requireNonNull(location, "location");
            requireNonNull(pathway, "pathway");
        }
    }

    public Invitation {
        requireNonNull(respondent, "respondent");
        requireNonNull(language, "language");
        enrolments = List.copyOf(enrolments);
        if (enrolments.isEmpty()) {
            throw new IllegalArgumentException("an invitation needs at least one enrolment");
        }
    }

    /** A test link for one location: level 4, BOL, in Dutch. */
    public static Invitation test(String institution, String location) {
        return new Invitation("", "nl", true, List.of(new Enrolment(institution, location, 4, "BOL")));
    }

    /** The value of the link's {@code i} parameter: the payload and its signature. */
    public String encode(PageKeys keys) {
        ObjectNode json = Bodies.JSON.createObjectNode();
        json.put("r", respondent);
        json.put("l", language);
        json.put("t", test);
        ArrayNode list = json.putArray("e");
        for (Enrolment e : enrolments) {
            ObjectNode entry = list.addObject();
            entry.put("i", e.institution());
            entry.put("o", e.location());
            entry.put("v", e.level());
            entry.put("p", e.pathway());
        }
        String payload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(json.toString().getBytes(UTF_8));
        return payload + "." + keys.sign(payload);
    }

    /** The link's path and query, e.g. {@code /?i=…}. */
    public String path(PageKeys keys) {
        return "/?i=" + encode(keys);
    }

    /** The invitation in a link's {@code i} parameter, or empty when it is malformed or not signed by us. */
    static Optional<Invitation> decode(String value, PageKeys keys) {
        int dot = value.indexOf('.');
        if (value.length() > MAX_LENGTH || dot < 0) {
            return Optional.empty();
        }
        String payload = value.substring(0, dot);
        if (!keys.verify(payload, value.substring(dot + 1))) {
            return Optional.empty();
        }
        try {
            JsonNode json = Bodies.object(Base64.getUrlDecoder().decode(payload));
            List<Enrolment> enrolments = new ArrayList<>();
            for (JsonNode e : json.path("e")) {
                enrolments.add(new Enrolment(
                        e.path("i").asText(),
                        e.path("o").asText(),
                        e.path("v").asInt(),
                        e.path("p").asText()));
            }
            return Optional.of(new Invitation(
                    json.path("r").asText(),
                    json.path("l").asText(),
                    json.path("t").asBoolean(),
                    enrolments));
        } catch (RuntimeException e) {
            // Signed by us, so well formed in practice; anything else is simply not a valid link.
            return Optional.empty();
        }
    }

    /** The body of the API's login for one of the enrolments, with the respondent key given. */
    ObjectNode login(int enrolment, String key, String chosenLanguage) {
        Enrolment e = enrolments.get(enrolment);
        ObjectNode body = Bodies.JSON.createObjectNode();
        body.put("respondent", key);
        body.put("institution", e.institution());
        body.put("location", e.location());
        body.put("level", e.level());
        body.put("pathway", e.pathway());
        body.put("language", chosenLanguage);
        body.put("test", test);
        return body;
    }
}
