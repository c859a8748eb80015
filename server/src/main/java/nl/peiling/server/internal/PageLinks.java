package nl.peiling.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.peiling.core.allocation.Institution;

/**
 * The vendor's side of the pages' links: {@code POST /api/v1/invitations} makes a student's link, after
 * the login facility has identified the student; {@code GET /api/v1/coordinators} lists each
 * institution's coordinator page, for the survey owner to hand out.
 */
final class PageLinks {

    private final PageKeys keys;
    private final List<Institution> institutions;
    private final Map<String, Institution> byCode = new LinkedHashMap<>();

    PageLinks(PageKeys keys, List<Institution> institutions) {
        this.keys = keys;
        this.institutions = List.copyOf(institutions);
        institutions.forEach(i -> byCode.put(i.code(), i));
    }

    /**
     * {@code POST /api/v1/invitations} {@code {respondent, language?, test?, enrolments: [{institution,
     * location, level, pathway}]}}: 200 {@code {path}}, the student's link; 422 listing what is wrong, with
     * the login's checks on every enrolment.
     */
    SessionService.Reply invitation(JsonNode body) {
        List<ApiProblem> problems = new ArrayList<>();
        JsonNode list = body.get("enrolments");
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > 10) {
            throw new ApiException(
                    422,
                    List.of(ApiProblem.field(
                            "malformed", "enrolments", "enrolments must be a list of 1 to 10 objects")));
        }
        List<Invitation.Enrolment> enrolments = new ArrayList<>();
        SessionService.Login first = null;
        for (JsonNode entry : list) {
            if (!entry.isObject()) {
                throw new ApiException(
                        422, List.of(ApiProblem.field("malformed", "enrolments", "each enrolment must be an object")));
            }
            ObjectNode login = ((ObjectNode) entry).deepCopy();
            for (String field : List.of("respondent", "language", "test")) {
                if (body.has(field)) {
                    login.set(field, body.get(field));
                }
            }
            try {
                SessionService.Login checked = SessionService.Login.parse(login, byCode);
                first = first == null ? checked : first;
                enrolments.add(new Invitation.Enrolment(
                        checked.fields().institution(),
                        checked.fields().location(),
                        checked.fields().level(),
                        checked.fields().pathway().name()));
            } catch (ApiException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(422, problems);
        }
        Invitation invitation =
                new Invitation(first.fields().respondent(), first.language().code(), first.test(), enrolments);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("path", invitation.path(keys));
        return new SessionService.Reply(200, json);
    }

    /** {@code GET /api/v1/coordinators}: each institution's coordinator page. */
    SessionService.Reply coordinators() {
        List<Map<String, Object>> pages = new ArrayList<>();
        for (Institution institution : institutions) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("institution", institution.code());
            entry.put("shortName", institution.shortName());
            entry.put("path", CoordinatorPages.selfPath(institution.code(), keys.coordinatorKey(institution.code())));
            pages.add(entry);
        }
        return new SessionService.Reply(200, Map.of("coordinators", pages));
    }
}
