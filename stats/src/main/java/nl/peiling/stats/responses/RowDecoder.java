package nl.peiling.stats.responses;

import static nl.peiling.core.engine.ResponseLayout.FIXED_COLUMNS;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.peiling.core.engine.AnswerRule;
import nl.peiling.core.engine.Pathway;
import nl.peiling.core.engine.ProblemCode;
import nl.peiling.core.engine.Questionnaire;
import nl.peiling.core.engine.ResponseLayout;
import nl.peiling.core.io.Utf8;

/**
 * Decodes the records of one worker into its {@link ResponseRow}, checking every field: the respondent
 * fields, and each answer by its question's {@link AnswerRule}, the rules the questionnaire engine
 * applies. A plain record takes the {@linkplain #fast fast path}, one pass that reads the common cells
 * (empty, or one byte that the rule says is a whole answer) itself and gives every other cell to the
 * same rule; any record it cannot read that way is split into {@link Fields} and {@linkplain #decode
 * decoded} the general way, which accepts or rejects it. Both paths accept the same rows, decoded the
 * same. Not thread-safe: one per worker.
 */
final class RowDecoder {

    /** The codes of the pathways, by ordinal (the pathway number of {@link ResponseRow#pathway()}). */
    private static final byte[][] PATHWAYS = Arrays.stream(Pathway.values())
            .map(pathway -> pathway.name().getBytes(StandardCharsets.US_ASCII))
            .toArray(byte[][]::new);

    final Layout layout;
    /** The institution codes with their location codes, or null to accept any. */
    private final Map<String, Set<String>> knownLocations;

    final ResponseRow row;
    final Fields fields = new Fields();
    /** The answers left out by routing, of rows accepted. */
    final List<Reject> routedOut = new ArrayList<>();
    /** Why the last record decoded was rejected. */
    Reject rejected;
    /** The respondent key of the record the fast path read: data[keyFrom, keyTo). */
    int keyFrom;

    int keyTo;

    /** Scratch space for routing a row. */
    private final long[] visible;

    private final int[] routed;
    private String lastInstitution;
    private byte[] lastInstitutionBytes;
    private String lastLocation;
    private byte[] lastLocationBytes;
    /** Whether the last institution and location are known (always, without a list of known ones). */
    private boolean lastKnown;
    /** The fast path's answers so far, and where its record's content ends. */
    private int fastAnswered;

    private int fastRecordEnd;

    RowDecoder(Layout layout, Map<String, Set<String>> knownLocations) {
        this.layout = layout;
        this.knownLocations = knownLocations;
        this.row = new ResponseRow(layout.schema().questions);
        this.visible = new long[layout.schema().questionnaire.visibilityWords()];
        this.routed = new int[layout.schema().questions.size()];
    }

    /**
     * Leaves out of the accepted row the answers its own answers route out (as the questionnaire engine
     * hides them), noting each as {@code routed-out} when asked to.
     */
    void route(boolean note) {
        Schema schema = layout.schema();
        int count = schema.questionnaire.routedOut(row.states, row.values, row.modules, visible, routed);
        for (int i = 0; i < count; i++) {
            int q = routed[i];
            if (note) {
                AnswerRule rule = schema.rules[q];
                String value = rule.isText()
                        ? "(open text)"
                        : rule.answer(row.states[q], row.values[q], null).cell();
                routedOut.add(new Reject(
                        row.line,
                        row.respondent(),
                        RejectReason.ROUTED_OUT,
                        schema.questions.get(q).id(),
                        value));
            }
            row.states[q] = AnswerRule.EMPTY;
            row.answered--;
        }
    }

    /**
     * Decodes the record at data[start, limit) into {@link #row} when it is plain: no doubled quotes,
     * no line end inside quotes, and every field valid. Returns where the next record starts, or -1
     * when the record needs {@link #decode} (which then accepts or rejects it): the fast path never
     * rejects, so both paths accept exactly the same rows, decoded the same.
     */
    int fast(byte[] data, int start, int limit, long line, long offset) {
        if (layout.columnQuestion().length <= FIXED_COLUMNS.size()) {
            return -1;
        }
        // respondent, institution, location: plain fields ending in a comma
        int p = special(data, start, limit); // the respondent key: long
        if (p == start || p >= limit || data[p] != ',') {
            return -1;
        }
        if (!Utf8.isValid(data, start, p)) {
            return -1; // decode() rejects it
        }
        keyFrom = start;
        keyTo = p;
        int institutionFrom = ++p;
        p = shortFieldEnd(data, p, limit);
        if (p == institutionFrom || p >= limit || data[p] != ',') {
            return -1;
        }
        if (lastInstitution == null
                || !Arrays.equals(data, institutionFrom, p, lastInstitutionBytes, 0, lastInstitutionBytes.length)) {
            return -1; // a new institution: decode() makes its string
        }
        int locationFrom = ++p;
        p = shortFieldEnd(data, p, limit);
        if (p == locationFrom || p >= limit || data[p] != ',') {
            return -1;
        }
        if (!Arrays.equals(data, locationFrom, p, lastLocationBytes, 0, lastLocationBytes.length)) {
            return -1;
        }
        if (knownLocations != null && !lastKnown) { // decode() rejects it
            return -1;
        }
        // level, pathway: a level of one byte and a pathway of three (any other width takes decode())
        if (p + 7 >= limit || data[p + 2] != ',' || data[p + 6] != ',') {
            return -1;
        }
        int level = level(data, p + 1, p + 2);
        int pathway = pathway(data, p + 3, p + 6);
        if (level < 0 || pathway < 0) {
            return -1;
        }
        p += 7;
        // modules
        long mask = 0;
        Questionnaire questionnaire = layout.schema().questionnaire;
        while (true) {
            int segment = p;
            while (p < limit && data[p] != '|' && data[p] != ',' && data[p] != '"' && data[p] != '\n') {
                p++;
            }
            int index = questionnaire.moduleIndex(data, segment, p);
            if (index < 0 || p >= limit || (data[p] != '|' && data[p] != ',')) {
                return -1;
            }
            mask |= 1L << index;
            if (data[p++] == ',') {
                break;
            }
        }
        // answers
        ResponseRow row = this.row;
        byte[] states = row.states;
        long[] values = row.values;
        int[] columnQuestion = layout.columnQuestion();
        long[] columnDigits = layout.columnDigits();
        long[] columnModule = layout.columnModule();
        int last = columnQuestion.length - 1;
        fastAnswered = 0; // the answers field() reads
        int digits = 0; // the one-byte answers read here
        for (int c = FIXED_COLUMNS.size(); c < last; c++) {
            int q = columnQuestion[c];
            if (p + 1 < limit) {
                byte b = data[p];
                if (b == ',') {
                    states[q] = AnswerRule.EMPTY;
                    p++;
                    continue;
                }
                // The common case: one byte that is a whole answer, of a module the respondent has.
                if (data[p + 1] == ','
                        && (b & 0xC0) == 0
                        && ((columnDigits[c] >>> b) & 1) != 0
                        && (mask & columnModule[c]) != 0) {
                    states[q] = AnswerRule.SUBSTANTIVE;
                    values[q] = b - '0';
                    digits++;
                    p += 2;
                    continue;
                }
            }
            p = field(data, p, limit, c, mask);
            if (p < 0) {
                return -1;
            }
        }
        int next = field(data, p, limit, last, mask);
        if (next < 0) {
            return -1;
        }
        row.line = line;
        row.offset = offset;
        row.length = fastRecordEnd - start;
        row.respondent(data, keyFrom, keyTo);
        row.institution = lastInstitution;
        row.location = lastLocation;
        row.level = level;
        row.pathway = pathway;
        row.modules = mask;
        row.answered = digits + fastAnswered;
        return next;
    }

    /** As {@link #special}, a byte at a time: faster for fields of a few bytes. */
    private static int shortFieldEnd(byte[] data, int p, int limit) {
        while (p < limit && data[p] != ',' && data[p] != '"' && data[p] != '\n') {
            p++;
        }
        return p;
    }

    /** The position of the first comma, quote or line end in data[p, limit), or limit; eight bytes at a time. */
    private static int special(byte[] data, int p, int limit) {
        for (; p + 8 <= limit; p += 8) {
            long word = (long) Swar.LONGS.get(data, p);
            long found =
                    Swar.zeros(word ^ Swar.COMMAS) | Swar.zeros(word ^ Swar.QUOTES) | Swar.zeros(word ^ Swar.NEWLINES);
            if (found != 0) {
                return p + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; p < limit; p++) {
            byte b = data[p];
            if (b == ',' || b == '"' || b == '\n') {
                return p;
            }
        }
        return limit;
    }

    /**
     * The fast path's reading of any other field, at data[p]: decodes it into the row and returns
     * where the next field starts (after the line end, for the last column), or -1 when the record
     * needs {@link #decode}.
     */
    private int field(byte[] data, int p, int limit, int c, long mask) {
        int q = layout.columnQuestion()[c];
        boolean lastColumn = c == layout.columnQuestion().length - 1;
        if (p >= limit) {
            return -1;
        }
        byte b = data[p];
        int from = p;
        int to;
        if (b == '"') {
            from++;
            to = from;
            while (to < limit && data[to] != '"' && data[to] != '\n') {
                to++;
            }
            if (to + 1 >= limit || data[to] != '"' || data[to + 1] == '"') {
                return -1; // a line end inside quotes, a doubled quote, or no closing quote
            }
            p = to + 1;
        } else {
            p = shortFieldEnd(data, p, limit);
            to = p;
        }
        // p is at the byte after the field: a comma before every field but the last
        boolean end = p >= limit || data[p] == '\n';
        if (end != lastColumn || (!end && data[p] != ',')) {
            return -1;
        }
        if (end) {
            if (to > from && data[to - 1] == '\r' && b != '"') {
                to--;
            }
            fastRecordEnd = b == '"' ? p : to;
        }
        p = Math.min(p + 1, limit);
        if (from == to) {
            row.states[q] = AnswerRule.EMPTY;
            return p;
        }
        if ((mask & layout.columnModule()[c]) == 0
                || !Utf8.isValid(data, from, to)
                || layout.schema().rules[q].decode(data, from, to, row.states, row.values, q) != null) {
            return -1;
        }
        fastAnswered++;
        return p;
    }

    /** The level written as data[from, to): one digit that {@link ResponseLayout#isLevel} accepts; else -1. */
    private static int level(byte[] data, int from, int to) {
        if (to - from != 1) {
            return -1;
        }
        int level = data[from] - '0';
        return ResponseLayout.isLevel(level) ? level : -1;
    }

    /** The pathway (its {@link Pathway} ordinal) written as data[from, to), or -1. */
    private static int pathway(byte[] data, int from, int to) {
        for (int i = 0; i < PATHWAYS.length; i++) {
            if (Arrays.equals(data, from, to, PATHWAYS[i], 0, PATHWAYS[i].length)) {
                return i;
            }
        }
        return -1;
    }

    private boolean reject(RejectReason reason, String column, String value) {
        rejected = new Reject(row.line, row.respondent(), reason, column, value);
        return false;
    }

    /**
     * Rejects the record for its {@linkplain Fields#malformed malformed} quoted field. The value is the
     * field as written, quotes included; open text and a field without a closing quote (which runs
     * on into the lines after it) are described rather than shown.
     */
    private boolean rejectMalformed(byte[] data, List<String> header) {
        int f = fields.malformed;
        String value;
        if (fields.unclosed()) {
            value = "(no closing quote)";
        } else if (f >= FIXED_COLUMNS.size()
                && layout.schema().rules[layout.columnQuestion()[f]].isText()) {
            value = "(" + (fields.malformedTo - fields.malformedFrom) + " bytes of open text)";
        } else {
            value = fields.malformedText(data);
        }
        return reject(RejectReason.MALFORMED, header.get(f), value);
    }

    /**
     * Decodes the record whose fields were just split into {@link #row}; false with {@link #rejected}
     * set when it is rejected.
     */
    boolean decode(byte[] data, long line, long offset, int length) {
        row.clear();
        row.line = line;
        row.offset = offset;
        row.length = length;
        List<String> header = layout.header();
        if (fields.escaped[0]) {
            byte[] key = fields.unescaped(data, 0);
            row.respondent(key, 0, key.length);
        } else {
            row.respondent(data, fields.starts[0], fields.ends[0]);
        }
        if (fields.count != header.size()) {
            return reject(RejectReason.FIELD_COUNT, "", fields.count + " fields, expected " + header.size());
        }
        if (fields.malformed >= 0) {
            return rejectMalformed(data, header);
        }
        for (int c = 0; c < fields.count; c++) {
            int bad = Utf8.invalidAt(data, fields.starts[c], fields.ends[c]);
            if (bad >= 0) {
                return reject(
                        RejectReason.ENCODING,
                        header.get(c),
                        "(not UTF-8 from byte " + (bad - fields.starts[c] + 1) + " of the field)");
            }
        }
        if (fields.ends[0] == fields.starts[0]) {
            return reject(RejectReason.MISSING_RESPONDENT, "respondent", "");
        }
        if (lastInstitution == null || !fields.is(data, 1, lastInstitutionBytes)) {
            lastInstitution = fields.text(data, 1);
            lastInstitutionBytes = lastInstitution.getBytes(StandardCharsets.UTF_8);
        }
        if (lastLocation == null || !fields.is(data, 2, lastLocationBytes)) {
            lastLocation = fields.text(data, 2);
            lastLocationBytes = lastLocation.getBytes(StandardCharsets.UTF_8);
        }
        row.institution = lastInstitution;
        row.location = lastLocation;
        if (knownLocations != null) {
            Set<String> locations = knownLocations.get(row.institution);
            lastKnown = locations != null && locations.contains(row.location);
            if (locations == null) {
                return reject(RejectReason.UNKNOWN_INSTITUTION, "institution", row.institution);
            }
            if (!locations.contains(row.location)) {
                return reject(RejectReason.UNKNOWN_LOCATION, "location", row.location);
            }
        } else if (row.institution.isEmpty()) {
            return reject(RejectReason.UNKNOWN_INSTITUTION, "institution", "");
        } else if (row.location.isEmpty()) {
            return reject(RejectReason.UNKNOWN_LOCATION, "location", "");
        }
        int level = fields.escaped[3] ? -1 : level(data, fields.starts[3], fields.ends[3]);
        if (level < 0) {
            return reject(RejectReason.INVALID_LEVEL, "level", fields.text(data, 3));
        }
        row.level = level;
        int pathway = fields.escaped[4] ? -1 : pathway(data, fields.starts[4], fields.ends[4]);
        if (pathway < 0) {
            return reject(RejectReason.INVALID_PATHWAY, "pathway", fields.text(data, 4));
        }
        row.pathway = pathway;
        long mask = 0;
        int segment = fields.starts[5];
        int end = fields.ends[5];
        if (fields.escaped[5]) {
            return reject(RejectReason.UNKNOWN_MODULE, "modules", fields.text(data, 5));
        }
        Questionnaire questionnaire = layout.schema().questionnaire;
        do { // at least once: an empty field names no module, and is rejected as the empty id
            int stop = segment;
            while (stop < end && data[stop] != '|') {
                stop++;
            }
            int index = questionnaire.moduleIndex(data, segment, stop);
            if (index < 0) {
                return reject(
                        RejectReason.UNKNOWN_MODULE,
                        "modules",
                        new String(data, segment, stop - segment, StandardCharsets.UTF_8));
            }
            mask |= 1L << index;
            segment = stop + 1;
            if (segment == end) {
                return reject(RejectReason.UNKNOWN_MODULE, "modules", ""); // a trailing '|'
            }
        } while (segment < end);
        row.modules = mask;
        int[] columnQuestion = layout.columnQuestion();
        AnswerRule[] rules = layout.schema().rules;
        for (int c = FIXED_COLUMNS.size(); c < fields.count; c++) {
            int from = fields.starts[c];
            int to = fields.ends[c];
            if (from == to) {
                continue;
            }
            int q = columnQuestion[c];
            AnswerRule rule = rules[q];
            if ((mask & (1L << rule.module())) == 0) {
                return reject(
                        RejectReason.OUTSIDE_MODULES,
                        header.get(c),
                        rule.isText() ? "(open text)" : fields.text(data, c));
            }
            byte[] source = data;
            if (fields.escaped[c]) {
                source = fields.unescaped(data, c);
                from = 0;
                to = source.length;
            }
            ProblemCode problem = rule.decode(source, from, to, row.states, row.values, q);
            if (problem != null) {
                String value = rule.isText()
                        ? "(" + (to - from) + " bytes of open text)"
                        : new String(source, from, to - from, StandardCharsets.UTF_8);
                return reject(RejectReason.of(problem), header.get(c), value);
            }
            row.answered++;
        }
        return true;
    }
}
