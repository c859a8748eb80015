package nl.peiling.server.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A session as the pages see it: the API's session state (the one state the service gives, {@link
 * SessionService#read}), read into types, and the session's questions cut into pages.
 *
 * <p>A page holds a run of the session's questions that share their module and the letters of their id
 * (the definition's sections: {@code opl}, {@code les}, {@code bpv}…), at most {@value #MAX_PER_PAGE}; so
 * a cluster stays on one page with the question that routes to it ({@code bpv00} with {@code bpv01}…). The
 * cut is over all allocated questions, visible or not, so pages do not move while routing changes; a page
 * with no visible question is skipped.
 */
record SessionView(
        String token,
        String language,
        boolean test,
        boolean finished,
        String notice,
        int answered,
        int visible,
        int secondsLeft,
        List<List<Item>> pages) {

    /** The most questions on one page. */
    static final int MAX_PER_PAGE = 10;

    /** One question of the session: its id, type, module, (piped) text, visibility and answer cell. */
    record Item(String id, String type, String module, String text, boolean visible, String answer) {}

    @SuppressWarnings("unchecked")
    static SessionView of(Map<String, Object> state) {
        List<Item> items = new ArrayList<>();
        for (Map<String, Object> q : (List<Map<String, Object>>) state.get("questions")) {
            items.add(new Item(
                    (String) q.get("id"),
                    (String) q.get("type"),
                    (String) q.get("module"),
                    (String) q.get("text"),
                    Boolean.TRUE.equals(q.get("visible")),
                    (String) q.get("answer")));
        }
        Map<String, Object> progress = (Map<String, Object>) state.get("progress");
        return new SessionView(
                (String) state.get("session"),
                (String) state.get("language"),
                Boolean.TRUE.equals(state.get("test")),
                Boolean.TRUE.equals(state.get("finished")),
                (String) state.get("notice"),
                ((Number) progress.get("answered")).intValue(),
                ((Number) progress.get("visible")).intValue(),
                ((Number) progress.get("secondsLeft")).intValue(),
                cut(items));
    }

    private static List<List<Item>> cut(List<Item> items) {
        List<List<Item>> pages = new ArrayList<>();
        List<Item> page = new ArrayList<>();
        String section = null;
        for (Item item : items) {
            String key = item.module() + "/" + section(item.id());
            if (!page.isEmpty() && (!key.equals(section) || page.size() == MAX_PER_PAGE)) {
                pages.add(List.copyOf(page));
                page.clear();
            }
            page.add(item);
            section = key;
        }
        if (!page.isEmpty()) {
            pages.add(List.copyOf(page));
        }
        return List.copyOf(pages);
    }

    private static String section(String id) {
        int end = 0;
        while (end < id.length() && Character.isLetter(id.charAt(end))) {
            end++;
        }
        return id.substring(0, end);
    }

    /** The page (1-based) exists and has a visible question. */
    boolean shows(int page) {
        return page >= 1 && page <= pages.size() && pages.get(page - 1).stream().anyMatch(Item::visible);
    }

    /** The next page after {@code page} with a visible question, or empty after the last. */
    Optional<Integer> after(int page) {
        for (int p = page + 1; p <= pages.size(); p++) {
            if (shows(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The page before {@code page} with a visible question, or empty before the first. */
    Optional<Integer> before(int page) {
        for (int p = page - 1; p >= 1; p--) {
            if (shows(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Where a returning student goes on: the last page holding an answer, or the page after it when all its
     * questions are answered; the first page before any answer.
     */
    int resumePage() {
        int first = after(0).orElse(1);
        int last = 0;
        for (int p = 1; p <= pages.size(); p++) {
            if (shows(p) && pages.get(p - 1).stream().anyMatch(i -> i.visible() && i.answer() != null)) {
                last = p;
            }
        }
        if (last == 0) {
            return first;
        }
        boolean complete = pages.get(last - 1).stream().noneMatch(i -> i.visible() && i.answer() == null);
        return complete ? after(last).orElse(last) : last;
    }

    /** The number of pages with a visible question, and the position of {@code page} among them. */
    int[] position(int page) {
        int count = 0;
        int at = 0;
        for (int p = 1; p <= pages.size(); p++) {
            if (shows(p)) {
                count++;
                if (p == page) {
                    at = count;
                }
            }
        }
        return new int[] {at, count};
    }

    /** The questions of a page (1-based). */
    List<Item> page(int page) {
        return pages.get(page - 1);
    }
}
