package nl.peiling.stats.responses;

import java.util.List;
import nl.peiling.core.engine.AnswerRule;
import nl.peiling.core.model.Question;

/**
 * One accepted data row, decoded: the respondent fields and a small code per question. A reader reuses
 * one instance per worker thread, so a consumer copies what it keeps.
 *
 * <p>Per question (by its index in {@link ResponseReader#questions()}) the row holds a state and a
 * value, decoded by the question's {@link AnswerRule} (whose class description says what they are);
 * for open text only that it is answered.
 */
public final class ResponseRow {

    final List<Question> questions;
    final byte[] states;
    final long[] values;
    long line;
    long offset;
    int length;
    private byte[] keyData;
    private int keyFrom;
    private int keyTo;
    private String respondent;
    String institution;
    String location;
    int level;
    int pathway;
    long modules;
    int answered;

    ResponseRow(List<Question> questions) {
        this.questions = questions;
        this.states = new byte[questions.size()];
        this.values = new long[questions.size()];
    }

    void clear() {
        java.util.Arrays.fill(states, AnswerRule.EMPTY);
        answered = 0;
    }

    /** The line of the file this row starts on. */
    public long line() {
        return line;
    }

    /** Sets the respondent key to bytes of the record; the string is made only when asked for. */
    void respondent(byte[] data, int from, int to) {
        keyData = data;
        keyFrom = from;
        keyTo = to;
        respondent = null;
    }

    /** The respondent key (a pseudonym). */
    public String respondent() {
        if (respondent == null) {
            respondent = keyData == null
                    ? ""
                    : new String(keyData, keyFrom, keyTo - keyFrom, java.nio.charset.StandardCharsets.UTF_8);
        }
        return respondent;
    }

    /** The institution code (BRIN). */
    public String institution() {
        return institution;
    }

    /** The location code within the institution. */
    public String location() {
        return location;
    }

    /** The level, 1 to 4. */
    public int level() {
        return level;
    }

    /** The pathway: 0 for BOL, 1 for BBL. */
    public int pathway() {
        return pathway;
    }

    /** The respondent's modules as a bit mask over the edition's modules (bit 0 is the base). */
    public long modules() {
        return modules;
    }

    /** The number of questions answered, substantively or not. */
    public int answered() {
        return answered;
    }

    /** The state of question {@code index}: {@link AnswerRule#EMPTY}, {@link AnswerRule#SUBSTANTIVE}, ... */
    public byte state(int index) {
        return states[index];
    }

    /** The value of question {@code index}; see the class description. */
    public long value(int index) {
        return values[index];
    }
}
