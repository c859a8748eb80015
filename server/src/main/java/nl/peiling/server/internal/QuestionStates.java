package nl.peiling.server.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.util.AbstractList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.peiling.core.engine.Questionnaire;
import nl.peiling.core.engine.Session;
import nl.peiling.core.model.Language;
import nl.peiling.core.model.Module;
import nl.peiling.core.model.Question;

/**
 * The {@code questions[]} of a session's state, {@code {id, type, module, text, visible, answer}} each,
 * taken from the session when made (so it may be written after the session changed again). For Java
 * callers it is a list of maps; to JSON it is written from each question's fixed part, encoded once per
 * language when the service starts, and the two fields that change: a state reply is mostly these texts.
 */
final class QuestionStates extends AbstractList<Map<String, Object>> {

    private final Parts parts;
    private final Language language;
    private final List<Question> questions;
    private final boolean[] visible;
    private final String[] answers;

    private QuestionStates(
            Parts parts, Language language, List<Question> questions, boolean[] visible, String[] answers) {
        this.parts = parts;
        this.language = language;
        this.questions = questions;
        this.visible = visible;
        this.answers = answers;
    }

    @Override
    public Map<String, Object> get(int index) {
        Question question = questions.get(index);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", question.id());
        entry.put("type", question.type().key());
        entry.put("module", parts.moduleOf(question));
        entry.put("text", question.text().in(language.code()));
        entry.put("visible", visible[index]);
        entry.put("answer", answers[index]);
        return entry;
    }

    @Override
    public int size() {
        return questions.size();
    }

    /** The fixed parts of every question's JSON, per language, and the module of every question. */
    static final class Parts {
        private final Questionnaire questionnaire;
        private final Map<String, String> moduleOfQuestion;
        /** Per language and questionnaire index: {@code {"id":…,"type":…,"module":…,"text":…,"visible":}. */
        private final SerializableString[][] heads;

        Parts(Questionnaire questionnaire) {
            this.questionnaire = questionnaire;
            Map<String, String> modules = new HashMap<>();
            for (Module module : questionnaire.edition().modules()) {
                module.questions().forEach(q -> modules.put(q.id(), module.id()));
            }
            this.moduleOfQuestion = Map.copyOf(modules);
            List<Question> all = questionnaire.questions();
            heads = new SerializableString[Language.values().length][all.size()];
            for (Language language : Language.values()) {
                for (int q = 0; q < all.size(); q++) {
                    Question question = all.get(q);
                    Map<String, Object> fixed = new LinkedHashMap<>();
                    fixed.put("id", question.id());
                    fixed.put("type", question.type().key());
                    fixed.put("module", moduleOf(question));
                    fixed.put("text", question.text().in(language.code()));
                    String json;
                    try {
                        json = Bodies.JSON.writeValueAsString(fixed);
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("a question's text cannot be written as JSON", e);
                    }
                    heads[language.ordinal()][q] =
                            new SerializedString(json.substring(0, json.length() - 1) + ",\"visible\":");
                }
            }
        }

        /** The module of a question. */
        String moduleOf(Question question) {
            return moduleOfQuestion.get(question.id());
        }

        /** The questions of a session as they are now. */
        QuestionStates of(Session session) {
            List<Question> questions = session.questions();
            boolean[] visible = new boolean[questions.size()];
            String[] answers = new String[questions.size()];
            for (int i = 0; i < questions.size(); i++) {
                String id = questions.get(i).id();
                visible[i] = session.isVisible(id);
                answers[i] = session.answerOf(id).map(a -> a.cell()).orElse(null);
            }
            return new QuestionStates(this, session.language(), questions, visible, answers);
        }
    }

    /** Writes the list from the encoded fixed parts. */
    static final class Writer extends JsonSerializer<QuestionStates> {

        private static final SerializableString VISIBLE_TRUE = new SerializedString("true,\"answer\":");
        private static final SerializableString VISIBLE_FALSE = new SerializedString("false,\"answer\":");

        @Override
        public void serialize(QuestionStates states, JsonGenerator json, SerializerProvider provider)
                throws IOException {
            SerializableString[] heads = states.parts.heads[states.language.ordinal()];
            json.writeStartArray();
            for (int i = 0; i < states.size(); i++) {
                if (i > 0) {
                    json.writeRaw(',');
                }
                json.writeRaw(heads[
                        states.parts.questionnaire.indexOf(
                                states.questions.get(i).id())]);
                json.writeRaw(states.visible[i] ? VISIBLE_TRUE : VISIBLE_FALSE);
                String answer = states.answers[i];
                if (answer == null) {
                    json.writeRaw("null");
                } else {
                    // A string value outside the generator's context: quoted and escaped by hand.
                    json.writeRaw('"');
                    json.writeRaw(escaped(answer));
                    json.writeRaw('"');
                }
                json.writeRaw('}');
            }
            json.writeEndArray();
        }

        private static String escaped(String text) {
            char[] quoted = JsonStringEncoder.getInstance().quoteAsString(text);
            return new String(quoted);
        }

        @Override
        public Class<QuestionStates> handledType() {
            return QuestionStates.class;
        }
    }
}
