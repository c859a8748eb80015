package nl.peiling.core.engine;

import java.util.ArrayList;
import java.util.List;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.Question;

/**
 * The layout of {@code responses.csv} (SPEC section 5), written down once: the respondent fields every
 * file starts with, their values, the separators of the modules field and of multi answers, and the
 * columns of an edition. The responses reader, the engine's records, the simulator and the codebook all
 * take it from here.
 */
public final class ResponseLayout {

    /** The respondent fields every responses file starts with, in order. */
    public static final List<String> FIXED_COLUMNS =
            List.of("respondent", "institution", "location", "level", "pathway", "modules");

    /** The lowest level (niveau). */
    public static final int MIN_LEVEL = 1;

    /** The highest level (niveau). */
    public static final int MAX_LEVEL = 4;

    /** What joins the module ids of the modules field, in allocation order. */
    public static final String MODULE_SEPARATOR = "|";

    /** What joins the option codes of a multi answer. */
    public static final String SELECTION_SEPARATOR = "|";

    private ResponseLayout() {}

    /** The columns of an edition's responses file: the respondent fields, then every question id in edition order. */
    public static List<String> columns(Edition edition) {
        List<Question> questions = edition.questions();
        List<String> columns = new ArrayList<>(FIXED_COLUMNS.size() + questions.size());
        columns.addAll(FIXED_COLUMNS);
        questions.forEach(q -> columns.add(q.id()));
        return List.copyOf(columns);
    }

    /** Whether a level is one of 1 to 4. */
    public static boolean isLevel(int level) {
        return level >= MIN_LEVEL && level <= MAX_LEVEL;
    }
}
