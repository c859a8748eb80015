package nl.peiling.server.internal;

import static j2html.TagCreator.div;
import static j2html.TagCreator.fieldset;
import static j2html.TagCreator.input;
import static j2html.TagCreator.label;
import static j2html.TagCreator.legend;
import static j2html.TagCreator.p;
import static j2html.TagCreator.span;
import static j2html.TagCreator.textarea;

import j2html.tags.DomContent;
import j2html.tags.specialized.DivTag;
import j2html.tags.specialized.InputTag;
import j2html.tags.specialized.TextareaTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.GradeQuestion;
import nl.peiling.core.model.MultiQuestion;
import nl.peiling.core.model.NumberQuestion;
import nl.peiling.core.model.Option;
import nl.peiling.core.model.Question;
import nl.peiling.core.model.Scale;
import nl.peiling.core.model.ScalePoint;
import nl.peiling.core.model.ScaleQuestion;
import nl.peiling.core.model.SingleQuestion;
import nl.peiling.core.model.TextQuestion;
import nl.peiling.server.internal.SessionView.Item;

/**
 * One question as form controls: a fieldset with a legend and radio buttons or checkboxes for the
 * choices (scale, single, multi, grade), a labelled field for a number or a text. The field's name is
 * the question id and its values are the {@code responses.csv} cells, so that a submitted form is the
 * API's answers. A hidden question is rendered hidden with its controls disabled: the script shows it
 * when an answer routes to it; without the script the next page load does. An error message sits in the
 * question, tied to its controls with {@code aria-describedby}. j2html escapes every text.
 */
final class QuestionFields {

    private final Edition edition;

    QuestionFields(Edition edition) {
        this.edition = edition;
    }

    /**
     * The question's block.
     *
     * @param value the cell to show as chosen (the stored answer or the one just submitted), or null
     * @param error the message of a refused answer, or null
     */
    DivTag render(Item item, String language, String value, String error) {
        Question question = edition.question(item.id())
                .orElseThrow(() -> new IllegalStateException("question " + item.id() + " is not in the edition"));
        String id = item.id();
        String errorId = "err-" + id;
        DivTag block = div().withClass("q").withId("q-" + id).attr("data-q", id).attr("data-type", item.type());
        if (!item.visible()) {
            block.attr("hidden", "hidden");
        }
        DomContent errorLine = p(error == null ? "" : error).withClass("error").withId(errorId);
        if (error == null) {
            errorLine = p().withClass("error").withId(errorId).attr("hidden", "hidden");
        }
        Controls controls = new Controls(id, item.visible(), error != null, errorId);
        return switch (question.type()) {
            case SCALE ->
                block.with(group(
                        item,
                        null,
                        errorLine,
                        controls.radios(scaleChoices((ScaleQuestion) question, item, language), value),
                        "scale"));
            case SINGLE ->
                block.with(group(
                        item,
                        null,
                        errorLine,
                        controls.radios(options(((SingleQuestion) question).options(), language), value),
                        "single"));
            case MULTI ->
                block.with(group(
                        item,
                        PageWords.MULTI_HINT.in(language),
                        errorLine,
                        controls.boxes(
                                options(((MultiQuestion) question).options(), language),
                                value == null ? Set.of() : Set.of(value.split("\\|", -1))),
                        "multi"));
            case GRADE ->
                block.with(group(
                        item, PageWords.GRADE_HINT.in(language), errorLine, controls.radios(marks(), value), "grade"));
            case NUMBER -> {
                NumberQuestion n = (NumberQuestion) question;
                String unit = n.unit() == null ? "" : " " + n.unit().in(language);
                InputTag field = controls.describe(input().withType("text")
                        .withId("in-" + id)
                        .withName(id)
                        .attr("inputmode", "decimal")
                        .attr("autocomplete", "off")
                        .withValue(value == null ? "" : value));
                yield block.with(
                        label(item.text()).withFor("in-" + id).withClass("qtext"),
                        p(PageWords.NUMBER_HINT.in(language) + unit)
                                .withClass("hint")
                                .withId("hint-" + id),
                        errorLine,
                        field);
            }
            case TEXT -> {
                TextQuestion t = (TextQuestion) question;
                int max = t.maxLength() == null ? 1000 : t.maxLength();
                DomContent area = controls.describeArea(textarea(value == null ? "" : value)
                        .withId("in-" + id)
                        .withName(id)
                        .attr("rows", "5")
                        .attr("maxlength", Integer.toString(max)));
                yield block.with(
                        label(item.text()).withFor("in-" + id).withClass("qtext"),
                        p(PageWords.TEXT_HINT.in(language, max))
                                .withClass("hint")
                                .withId("hint-" + id),
                        errorLine,
                        area);
            }
        };
    }

    private List<Choice> scaleChoices(ScaleQuestion question, Item item, String language) {
        Scale scale = edition.module(item.module())
                .flatMap(m -> m.scale(question.scale()))
                .orElseThrow(() -> new IllegalStateException("no scale " + question.scale() + " in " + item.module()));
        List<Choice> choices = new ArrayList<>();
        for (ScalePoint point : scale.points()) {
            choices.add(new Choice(Integer.toString(point.code()), point.label().in(language), false));
        }
        for (Option option : scale.nonSubstantive()) {
            choices.add(new Choice(option.code(), option.label().in(language), true));
        }
        return choices;
    }

    private static List<Choice> marks() {
        List<Choice> marks = new ArrayList<>();
        for (int mark = GradeQuestion.MIN; mark <= GradeQuestion.MAX; mark++) {
            marks.add(new Choice(Integer.toString(mark), Integer.toString(mark), false));
        }
        return marks;
    }

    private static DomContent group(Item item, String hint, DomContent errorLine, DomContent choices, String kind) {
        String id = item.id();
        var set = fieldset().withClass("choices-" + kind);
        String described = "err-" + id;
        if (hint != null) {
            described = "hint-" + id + " " + described;
        }
        set.attr("aria-describedby", described);
        set.with(legend(item.text()).withClass("qtext"));
        if (hint != null) {
            set.with(p(hint).withClass("hint").withId("hint-" + id));
        }
        return set.with(errorLine, choices);
    }

    private static List<Choice> options(List<Option> options, String language) {
        return options.stream()
                .map(o -> new Choice(o.code(), o.label().in(language), false))
                .toList();
    }

    /** One radio button or checkbox: its cell value, its label, and whether it is a non-substantive answer. */
    private record Choice(String value, String label, boolean apart) {}

    /** Builds the controls of one question: names, ids, disabled while hidden, invalid while refused. */
    private record Controls(String id, boolean enabled, boolean invalid, String errorId) {

        DomContent radios(List<Choice> choices, String value) {
            return list(choices, "radio", c -> c.value().equals(value));
        }

        DomContent boxes(List<Choice> choices, Set<String> chosen) {
            return list(choices, "checkbox", c -> chosen.contains(c.value()));
        }

        private DomContent list(List<Choice> choices, String type, Predicate<Choice> checked) {
            DivTag list = div().withClass("options");
            int n = 0;
            for (Choice choice : choices) {
                String inputId = "in-" + id + "-" + n++;
                InputTag box =
                        input().withType(type).withId(inputId).withName(id).withValue(choice.value());
                if (checked.test(choice)) {
                    box.attr("checked", "checked");
                }
                state(box);
                list.with(label(box, span(choice.label()))
                        .withFor(inputId)
                        .withClass(choice.apart() ? "option apart" : "option"));
            }
            return list;
        }

        InputTag describe(InputTag field) {
            field.attr("aria-describedby", "hint-" + id + " " + errorId);
            state(field);
            return field;
        }

        DomContent describeArea(TextareaTag area) {
            area.attr("aria-describedby", "hint-" + id + " " + errorId);
            if (!enabled) {
                area.attr("disabled", "disabled");
            }
            if (invalid) {
                area.attr("aria-invalid", "true");
            }
            return area;
        }

        private void state(InputTag field) {
            if (!enabled) {
                field.attr("disabled", "disabled");
            }
            if (invalid) {
                field.attr("aria-invalid", "true");
            }
        }
    }
}
